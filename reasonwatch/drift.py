"""Drift tracker: per-interaction summaries, a reference against a recent window, and alarms.

What is kept
------------
Only aggregates. Every interaction (one generated sequence) gives, per principle, an
:class:`InteractionSummary` (max and mean score, fraction of steps in warning, fired or not,
corrections). The tracker adds it into the aggregate of its *epoch*: counts, a histogram of mean
scores and one of max scores, and fixed-point sums (2**-32) of the scores — integers, so sums are
exact and do not depend on the order they were added in. No text, no activations, no per-interaction
rows.

Epochs and windows
------------------
Each interaction carries a clock value ``at``: with ``clock="interactions"`` (the default) it is the
tracker's count of interactions so far; with ``clock="seconds"`` it is ``time.time()``. Pass ``at``
yourself to share a clock between deployments. The epoch of an interaction is
``floor(at / epoch_length)``.

- The **reference** is the earliest epochs, up to and including the first epoch at which
  ``reference_size`` interactions have been seen. Until then nothing is tested.
- The **recent window** is the last ``window`` epochs (those after the reference).
- Epochs in neither are dropped, so memory is bounded by the reference plus the window. Data for an
  already dropped epoch (more than ``window`` epochs late) is counted in ``n_late`` and ignored.

Detectors (evaluated on every update, per principle, once the window holds ``min_window``)
-----------------------------------------------------------------------------------------
- ``cusum_rate``: a Bernoulli CUSUM on "fired": log-likelihood ratio of the reference rate p0 against
  p1 = the rate with ``rate_odds_ratio`` times the reference odds, summed per epoch.
- ``cusum_mean``: a two-sided CUSUM on the mean score standardized by the reference (allowance
  ``mean_shift`` standard deviations).
- ``ks``: two-sample Kolmogorov–Smirnov D on the binned mean-score distributions; its threshold is
  the D whose p-value is ``ks_alpha``.
- ``psi``: population stability index of the same histograms; its threshold is the larger of
  ``psi_threshold`` and the PSI significant at ``psi_alpha`` (PSI / (1/n_ref + 1/n_win) is about
  chi-square under no drift), so a small window's sampling noise alone does not raise it.

Both CUSUMs are *window-limited*: the statistic is the largest sum over a suffix of the recent window,
i.e. the classic CUSUM restricted to change points inside the window. It can only be lower than the
unlimited CUSUM (so it false-alarms no more often), it reacts the same way to a change younger than
the window, and it is a function of the window's epoch aggregates alone. An alarm is raised when a
detector's statistic crosses its threshold (not again while it stays above).

Why not river's detectors: ``river.drift.PageHinkley`` and ``ADWIN`` keep sequential per-stream state
that depends on the order of every observation. Two deployments' detectors cannot be combined into the
detector that saw both streams, and a state of the union cannot be rebuilt from sums. The
window-limited CUSUM over epoch sums can.

Merging
-------
``a.merge(b)`` (or ``DriftTracker.merged([...])``) sums epoch aggregates and prunes with the combined
clock. When every tracker saw its own interactions in clock order, the result *equals* (same
``state_dict``, same statistics) the tracker that saw the union of the interactions in clock order:
the union's reference ends no later than any part's, so each part kept every epoch the union keeps,
and sums do not depend on order. Trackers must agree on bundle hash, principle set and every setting.

Sharing: :meth:`DriftTracker.export` writes the state as JSON (atomically); :meth:`DriftTracker.import_`
reads it back and checks that it is for the expected bundle hash and principles.

Defaults are calibrated on synthetic data (3 principles, 1 interaction per epoch; "fired" Bernoulli,
mean score Gaussian around 0.2, or 0.6 when fired): a violation share going from 5 % to 20 % is
detected after a median of about 70 interactions (60 trials, worst 320), and without a shift the four
detectors on all three principles together raised about 0.3 false alarms per 10,000 interactions
(3 in 99,000 simulated). The mean-score CUSUM needs the high threshold because a mixture of
quiet and violating interactions has a heavy right tail; the fire-rate CUSUM carries the detection.
"""

from __future__ import annotations

import bisect
import json
import math
import numbers
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

FORMAT = "reasonwatch-drift"
VERSION = 1
_FIX = 1 << 32            # fixed-point scale of the score sums
DETECTORS = ("cusum_rate", "cusum_mean", "ks", "psi")


class DriftError(ValueError):
    """Bad summaries, a state for another bundle or principle set, or trackers that cannot merge."""


@dataclass(frozen=True)
class InteractionSummary:
    """One interaction (one generated sequence), one principle: what the drift tracker keeps of it."""
    max_score: float
    mean_score: float
    frac_warning: float = 0.0     # fraction of decoding steps in the warning state
    fired: bool = False           # the monitor reached a violation in this interaction
    corrections: int = 0          # corrections applied

    def __post_init__(self):
        for name in ("max_score", "mean_score", "frac_warning"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float, np.floating, np.integer)) \
                    or not math.isfinite(v):
                raise DriftError(f"InteractionSummary.{name}={v!r}: expected a finite number")
        if not 0.0 <= self.frac_warning <= 1.0:
            raise DriftError(f"InteractionSummary.frac_warning={self.frac_warning!r}: expected 0..1")
        c = self.corrections
        if isinstance(c, bool) or not isinstance(c, (int, np.integer)) or c < 0:
            raise DriftError(f"InteractionSummary.corrections={self.corrections!r}: expected a count")

    @classmethod
    def from_scores(cls, scores: Sequence[float], *, warning: Sequence[bool] | None = None,
                    fired: bool = False, corrections: int = 0) -> InteractionSummary:
        """Summarize one sequence's per-step scores ``[steps]`` (and its per-step warning flags)."""
        s = np.asarray(scores, dtype=np.float64)
        if s.ndim != 1 or s.size == 0:
            raise DriftError(f"scores has shape {s.shape}; expected one score per step, at least one")
        frac = 0.0 if warning is None else float(np.mean(np.asarray(warning, dtype=bool)))
        return cls(float(s.max()), float(s.mean()), frac, bool(fired), int(corrections))


@dataclass(frozen=True)
class DriftConfig:
    """Every setting of a tracker; two trackers merge only when their configs are equal."""
    reference_size: int = 500
    """Interactions in the reference (it ends with the epoch that reaches this count)."""
    window: int = 200
    """Epochs in the recent window."""
    epoch_length: float = 1.0
    """Clock units per epoch (interactions, or seconds)."""
    clock: Literal["interactions", "seconds"] = "interactions"
    """What ``at`` counts when not given: the tracker's interaction count, or ``time.time()``."""
    edges: tuple[float, ...] = tuple(float(x) for x in np.linspace(0.0, 1.0, 21))
    """Score histogram bin edges (plus one underflow and one overflow bin)."""
    min_window: int = 50
    """Interactions the window must hold before anything is tested."""
    rate_odds_ratio: float = 4.0
    """The fire-rate CUSUM is tuned to detect the reference odds multiplied by this."""
    rate_threshold: float = 10.5
    """Alarm threshold of the fire-rate CUSUM (log-likelihood ratio units)."""
    mean_shift: float = 0.5
    """Allowance of the mean-score CUSUM, in reference standard deviations."""
    mean_threshold: float = 20.0
    """Alarm threshold of the mean-score CUSUM (standard deviations)."""
    ks_alpha: float = 1e-6
    """KS p-value below which the distribution test alarms."""
    psi_threshold: float = 0.25
    """PSI at or above which (and significant) the stability test alarms."""
    psi_alpha: float = 1e-6
    """Significance the PSI must also reach."""

    def __post_init__(self):
        def need(ok: bool, what: str):
            if not ok:
                raise DriftError(f"DriftConfig.{what}")
        need(isinstance(self.reference_size, int) and self.reference_size >= 1,
             f"reference_size={self.reference_size!r}: expected a positive integer")
        need(isinstance(self.window, int) and self.window >= 1,
             f"window={self.window!r}: expected a positive number of epochs")
        need(self.epoch_length > 0 and math.isfinite(self.epoch_length),
             f"epoch_length={self.epoch_length!r}: expected a positive number")
        need(self.clock in ("interactions", "seconds"),
             f"clock={self.clock!r}: expected 'interactions' or 'seconds'")
        e = np.asarray(self.edges, dtype=np.float64)
        need(e.ndim == 1 and e.size >= 2 and np.all(np.isfinite(e)) and np.all(np.diff(e) > 0),
             "edges: expected at least 2 finite, strictly increasing values")
        need(self.min_window >= 1, f"min_window={self.min_window!r}: expected >= 1")
        need(self.rate_odds_ratio > 1, f"rate_odds_ratio={self.rate_odds_ratio!r}: expected > 1")
        for name in ("rate_threshold", "mean_shift", "mean_threshold", "psi_threshold"):
            need(getattr(self, name) > 0, f"{name}={getattr(self, name)!r}: expected > 0")
        for name in ("ks_alpha", "psi_alpha"):
            need(0 < getattr(self, name) < 1, f"{name}={getattr(self, name)!r}: expected 0 < alpha < 1")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["edges"] = list(self.edges)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DriftConfig:
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(d) - known
        if unknown:
            raise DriftError(f"drift config has unknown setting(s) {sorted(unknown)}")
        d = dict(d)
        if "edges" in d:
            d["edges"] = tuple(float(x) for x in d["edges"])
        return cls(**d)


@dataclass(frozen=True)
class Alarm:
    """A detector crossed its threshold for one principle."""
    principle: str
    detector: str                 # one of DETECTORS
    statistic: float
    threshold: float
    epoch: int
    at: float
    n_reference: int
    n_window: int
    reference_value: float        # reference fire rate (cusum_rate) or mean score (the others)
    window_value: float
    p_value: float | None = None

    def to_record(self) -> dict:
        """The fields of a ``drift_alarm`` audit record."""
        scores = {"statistic": self.statistic, "threshold": self.threshold}
        if self.p_value is not None:
            scores["p_value"] = self.p_value
        return {"principle": self.principle, "position": None, "scores": scores, "action": "alarm",
                "params": {"detector": self.detector, "epoch": self.epoch, "at": self.at,
                           "n_reference": self.n_reference, "n_window": self.n_window,
                           "reference_value": self.reference_value, "window_value": self.window_value}}


# per-epoch, per-principle integer counts: [n, fired, corrections, hist_mean..., hist_max...]
_N, _FIRED, _CORR, _H0 = 0, 1, 2, 3
# per-epoch, per-principle fixed-point sums: [mean, mean**2 (scale _FIX**2), max, frac_warning]
_SMEAN, _SSQ, _SMAX, _SFRAC = 0, 1, 2, 3


@dataclass
class _Epoch:
    counts: np.ndarray                    # [principle, 3 + 2 * cells] int64
    sums: list[list[int]]                 # [principle][4] Python ints (exact)
    detect: np.ndarray = field(default=None)   # [principle, 2 + cells] float64 cache: n, fired, mean sum

    def refresh(self, cells: int) -> None:
        c = self.counts
        self.detect = np.concatenate([
            c[:, [_N, _FIRED]].astype(np.float64),
            np.array([[s[_SMEAN] / _FIX] for s in self.sums], dtype=np.float64),
            c[:, _H0:_H0 + cells].astype(np.float64)], axis=1)


class DriftTracker:
    """Reference-vs-recent drift statistics for one probe bundle's principles. See the module doc."""

    def __init__(self, principles: Sequence[str], *, bundle_hash: str,
                 config: DriftConfig | None = None, **settings: Any):
        names = [str(p) for p in principles]
        if not names or len(set(names)) != len(names):
            raise DriftError(f"principles={names!r}: expected distinct names, at least one")
        if not isinstance(bundle_hash, str) or not bundle_hash:
            raise DriftError("bundle_hash: expected the probe bundle's hash (a non-empty string)")
        if config is not None and settings:
            raise DriftError("give either config= or individual settings, not both")
        self.principles: tuple[str, ...] = tuple(names)
        self.bundle_hash = bundle_hash
        self.config = config if config is not None else DriftConfig(**settings)
        self._edges = np.asarray(self.config.edges, dtype=np.float64)
        self._cells = len(self._edges) + 1
        self._reset()

    def _reset(self) -> None:
        self._epochs: dict[int, _Epoch] = {}
        self._order: list[int] = []
        self._n_seen = 0
        self._n_late = 0
        self._max_epoch: int | None = None
        self._ref_end: int | None = None
        self._active: dict[tuple[str, str], bool] = {}
        self._stats: dict[str, dict[str, float]] = {}
        self._ref_cache: tuple | None = None    # reference aggregate; dropped when the reference changes

    def __repr__(self) -> str:
        ref = "incomplete" if self._ref_end is None else f"{self._count(self._ref_ids())} interactions"
        return (f"DriftTracker({len(self.principles)} principles, bundle {self.bundle_hash[:12]}, "
                f"{self._n_seen} interactions seen, reference {ref}, window "
                f"{self._count(self._window_ids())} interactions)")

    # ----------------------------------------------------------------------------------------- update
    @property
    def n_seen(self) -> int:
        return self._n_seen

    @property
    def n_late(self) -> int:
        return self._n_late

    @property
    def reference_complete(self) -> bool:
        return self._ref_end is not None

    def _bin(self, x: float) -> int:
        i = int(np.searchsorted(self._edges, x, side="right"))   # 0 underflow, len(edges) overflow
        return len(self._edges) - 1 if x == self._edges[-1] else i

    def update(self, summaries: Mapping[str, InteractionSummary], *, at: float | None = None,
               audit: Any = None) -> list[Alarm]:
        """Add one interaction (a summary per principle); returns the alarms it raised.

        ``at`` is the interaction's clock value (see the module doc). With ``audit`` (an
        :class:`~reasonwatch.audit.AuditLog`) the alarms are also written there.
        """
        got = set(summaries)
        if got != set(self.principles):
            missing, extra = set(self.principles) - got, got - set(self.principles)
            raise DriftError(f"summaries must cover exactly the tracker's principles; "
                             f"missing {sorted(missing)}, unknown {sorted(extra)}")
        for name, s in summaries.items():
            if not isinstance(s, InteractionSummary):
                raise DriftError(f"summaries[{name!r}] is a {type(s).__name__}; expected "
                                 f"InteractionSummary")
        if at is None:
            at = time.time() if self.config.clock == "seconds" else float(self._n_seen)
        if isinstance(at, bool) or not isinstance(at, numbers.Real) or not math.isfinite(at):
            raise DriftError(f"at={at!r}: expected a finite clock value")
        e = math.floor(at / self.config.epoch_length)

        self._n_seen += 1
        if (self._ref_end is not None and e > self._ref_end and self._max_epoch is not None
                and e <= self._max_epoch - self.config.window):
            self._n_late += 1          # its epoch has already left the window
            return []
        ep = self._epochs.get(e)
        if ep is None:
            P = len(self.principles)
            ep = _Epoch(np.zeros((P, _H0 + 2 * self._cells), dtype=np.int64),
                        [[0, 0, 0, 0] for _ in range(P)])
            self._epochs[e] = ep
            bisect.insort(self._order, e)
        for i, name in enumerate(self.principles):
            s = summaries[name]
            row, sums = ep.counts[i], ep.sums[i]
            row[_N] += 1
            row[_FIRED] += bool(s.fired)
            row[_CORR] += int(s.corrections)
            row[_H0 + self._bin(float(s.mean_score))] += 1
            row[_H0 + self._cells + self._bin(float(s.max_score))] += 1
            q = round(float(s.mean_score) * _FIX)
            sums[_SMEAN] += q
            sums[_SSQ] += q * q
            sums[_SMAX] += round(float(s.max_score) * _FIX)
            sums[_SFRAC] += round(float(s.frac_warning) * _FIX)
        ep.refresh(self._cells)
        self._max_epoch = e if self._max_epoch is None else max(self._max_epoch, e)
        if self._ref_end is None or e <= self._ref_end:
            self._find_reference()
            self._ref_cache = None
        self._prune()
        alarms = self._evaluate(e, float(at))
        if alarms and audit is not None:
            audit.record_drift_alarms(alarms, bundle_hash=self.bundle_hash)
        return alarms

    # ------------------------------------------------------------------------------------ structure
    def _count(self, ids: Iterable[int]) -> int:
        return int(sum(self._epochs[e].counts[0, _N] for e in ids))

    def _find_reference(self) -> None:
        total = 0
        self._ref_end = None
        for e in self._order:
            total += int(self._epochs[e].counts[0, _N])
            if total >= self.config.reference_size:
                self._ref_end = e
                return

    def _ref_ids(self) -> list[int]:
        if self._ref_end is None:
            return []
        return self._order[:bisect.bisect_right(self._order, self._ref_end)]

    def _window_ids(self) -> list[int]:
        if self._ref_end is None or self._max_epoch is None:
            return []
        lo = max(self._ref_end, self._max_epoch - self.config.window)
        return self._order[bisect.bisect_right(self._order, lo):]

    def _prune(self) -> None:
        if self._ref_end is None:
            return
        lo = self._max_epoch - self.config.window
        drop = {e for e in self._order if self._ref_end < e <= lo}
        if drop:
            for e in drop:
                del self._epochs[e]
            self._order = [e for e in self._order if e not in drop]

    # ------------------------------------------------------------------------------------ detectors
    def _evaluate(self, epoch: int, at: float) -> list[Alarm]:
        stats = self._compute()
        alarms = []
        for name in self.principles:
            st = stats.get(name)
            for det in DETECTORS:
                now = bool(st and st[f"{det}_alarm"])
                was = self._active.get((name, det), False)
                self._active[(name, det)] = now
                if now and not was:
                    alarms.append(Alarm(
                        principle=name, detector=det, statistic=st[det], threshold=st[f"{det}_threshold"],
                        epoch=epoch, at=at, n_reference=int(st["n_reference"]),
                        n_window=int(st["n_window"]), reference_value=st[f"{det}_reference"],
                        window_value=st[f"{det}_window"], p_value=st.get(f"{det}_p")))
        self._stats = stats
        return alarms

    def _compute(self) -> dict[str, dict[str, float]]:
        """Every detector's statistic per principle, from the epoch aggregates alone."""
        cfg = self.config
        ref_ids, win_ids = self._ref_ids(), self._window_ids()
        if not ref_ids or not win_ids:
            return {}
        win = np.stack([self._epochs[e].detect for e in win_ids])         # [epoch, principle, feature]
        n_win = win[:, 0, 0].sum()
        if n_win < cfg.min_window:
            return {}
        if self._ref_cache is None:
            self._ref_cache = (
                np.sum([self._epochs[e].detect for e in ref_ids], axis=0),      # [principle, feature]
                [sum(self._epochs[e].sums[i][_SMEAN] for e in ref_ids) for i in range(len(self.principles))],
                [sum(self._epochs[e].sums[i][_SSQ] for e in ref_ids) for i in range(len(self.principles))])
        ref, ref_sum, ref_ssq = self._ref_cache
        C = self._cells
        out: dict[str, dict[str, float]] = {}
        from scipy.special import chdtrc, chdtri, kolmogi, kolmogorov   # lazy: keeps the import cheap
        for i, name in enumerate(self.principles):
            n0, f0 = ref[i, 0], ref[i, 1]
            ssum, ssq = ref_sum[i], ref_ssq[i]
            n0i = int(n0)
            mu = ssum / _FIX / n0
            var = (n0i * ssq - ssum * ssum) / max(n0i * (n0i - 1), 1) / (_FIX * _FIX)   # exact ints
            width = self._edges[-1] - self._edges[0]
            sigma = max(math.sqrt(var), 1e-3 * width)      # a constant reference must not divide by 0
            n_e, f_e, m_e = win[:, i, 0], win[:, i, 1], win[:, i, 2]
            # Bernoulli CUSUM on "fired", per-epoch log-likelihood ratio increments
            p0 = (f0 + 0.5) / (n0 + 1.0)
            odds1 = p0 / (1 - p0) * cfg.rate_odds_ratio
            p1 = odds1 / (1 + odds1)
            inc = f_e * math.log(p1 / p0) + (n_e - f_e) * math.log((1 - p1) / (1 - p0))
            s_rate = _suffix_max(inc)
            # two-sided CUSUM on the standardized mean score
            z = (m_e - n_e * mu) / sigma
            s_mean = max(_suffix_max(z - cfg.mean_shift * n_e), _suffix_max(-z - cfg.mean_shift * n_e))
            # distribution tests on the mean-score histograms
            h0, h1 = ref[i, 3:3 + C], win[:, i, 3:3 + C].sum(axis=0)
            n1 = h1.sum()
            d = float(np.max(np.abs(np.cumsum(h0) / n0 - np.cumsum(h1) / n1)))
            en = math.sqrt(n0 * n1 / (n0 + n1)) + 0.12 + 0.11 / math.sqrt(n0 * n1 / (n0 + n1))  # Stephens
            p_ks = float(kolmogorov(en * d)) if d > 0 else 1.0
            d_crit = float(kolmogi(cfg.ks_alpha)) / en            # the D at which p = ks_alpha
            used = (h0 + h1) > 0
            k = int(used.sum())
            q = (h0[used] + 0.5) / (n0 + 0.5 * k)
            r = (h1[used] + 0.5) / (n1 + 0.5 * k)
            psi = float(np.sum((r - q) * np.log(r / q)))
            dof = max(k - 1, 1)
            scale = 1.0 / n0 + 1.0 / n1       # PSI / scale is about chi-square(dof) without drift
            p_psi = float(chdtrc(dof, psi / scale)) if k > 1 else 1.0
            psi_crit = max(cfg.psi_threshold, float(chdtri(dof, cfg.psi_alpha)) * scale)
            win_mean = float(m_e.sum() / n1)
            out[name] = {
                "n_reference": float(n0), "n_window": float(n1),
                "cusum_rate": float(s_rate), "cusum_rate_threshold": cfg.rate_threshold,
                "cusum_rate_alarm": s_rate >= cfg.rate_threshold,
                "cusum_rate_reference": float(f0 / n0), "cusum_rate_window": float(f_e.sum() / n1),
                "cusum_mean": float(s_mean), "cusum_mean_threshold": cfg.mean_threshold,
                "cusum_mean_alarm": s_mean >= cfg.mean_threshold,
                "cusum_mean_reference": float(mu), "cusum_mean_window": win_mean,
                "ks": d, "ks_threshold": d_crit, "ks_p": p_ks, "ks_alarm": d > 0 and d >= d_crit,
                "ks_reference": float(mu), "ks_window": win_mean,
                "psi": psi, "psi_threshold": psi_crit, "psi_p": p_psi,
                "psi_alarm": k > 1 and psi >= psi_crit,
                "psi_reference": float(mu), "psi_window": win_mean,
            }
        return out

    def statistics(self) -> dict[str, dict[str, float]]:
        """The latest statistic, threshold and alarm state of every detector, per principle."""
        return {k: dict(v) for k, v in self._stats.items()}

    def active_alarms(self) -> list[tuple[str, str]]:
        """(principle, detector) pairs whose statistic is above its threshold now."""
        return [k for k, v in self._active.items() if v]

    def summary(self) -> dict[str, dict[str, dict[str, float]]]:
        """Reference and window aggregates per principle: n, fire rate, mean/max score, warning, corrections."""
        out: dict[str, dict[str, dict[str, float]]] = {}
        for i, name in enumerate(self.principles):
            out[name] = {}
            for part, ids in (("reference", self._ref_ids()), ("window", self._window_ids())):
                n = sum(int(self._epochs[e].counts[i, _N]) for e in ids)
                if n == 0:
                    out[name][part] = {"n": 0}
                    continue
                tot = lambda j: sum(self._epochs[e].sums[i][j] for e in ids) / _FIX / n  # noqa: E731
                out[name][part] = {
                    "n": n,
                    "fire_rate": sum(int(self._epochs[e].counts[i, _FIRED]) for e in ids) / n,
                    "corrections": sum(int(self._epochs[e].counts[i, _CORR]) for e in ids),
                    "mean_score": tot(_SMEAN), "max_score": tot(_SMAX), "frac_warning": tot(_SFRAC)}
        return out

    def histograms(self, part: Literal["reference", "window"] = "window") -> dict[str, dict[str, np.ndarray]]:
        """Integer counts per principle: ``mean``/``max`` score histograms (underflow, bins, overflow),
        ``n``, ``fired``, ``corrections`` — what :func:`reasonwatch.privacy.release_drift` releases."""
        if part not in ("reference", "window"):
            raise DriftError(f"part={part!r}: expected 'reference' or 'window'")
        ids = self._ref_ids() if part == "reference" else self._window_ids()
        C = self._cells
        total = (np.sum([self._epochs[e].counts for e in ids], axis=0) if ids
                 else np.zeros((len(self.principles), _H0 + 2 * C), dtype=np.int64))
        return {name: {"n": int(total[i, _N]), "fired": int(total[i, _FIRED]),
                       "corrections": int(total[i, _CORR]),
                       "mean": total[i, _H0:_H0 + C].copy(), "max": total[i, _H0 + C:].copy()}
                for i, name in enumerate(self.principles)}

    # ------------------------------------------------------------------------------------- state
    def state_dict(self) -> dict:
        """A JSON-ready copy of everything the tracker knows (aggregates only)."""
        return {
            "format": FORMAT, "version": VERSION, "bundle_hash": self.bundle_hash,
            "principles": list(self.principles), "config": self.config.to_dict(),
            "n_seen": self._n_seen, "n_late": self._n_late, "max_epoch": self._max_epoch,
            "epochs": [{"epoch": e, "counts": self._epochs[e].counts.tolist(),
                        "sums": [list(s) for s in self._epochs[e].sums]} for e in self._order],
        }

    def _check_compatible(self, state: Mapping[str, Any], where: str) -> list[int]:
        """Raise unless ``state`` is for this bundle, principle set and config; return the principle
        order of ``state`` mapped onto ours."""
        if not isinstance(state, Mapping) or state.get("format") != FORMAT:
            raise DriftError(f"{where}: not a reasonwatch drift state (format {FORMAT!r} missing)")
        if state.get("version") != VERSION:
            raise DriftError(f"{where}: drift state version {state.get('version')!r}; this reads {VERSION}")
        if state.get("bundle_hash") != self.bundle_hash:
            raise DriftError(f"{where}: drift state is for bundle {state.get('bundle_hash')!r}, this "
                             f"tracker for {self.bundle_hash!r}")
        theirs = list(state.get("principles", []))
        if sorted(theirs) != sorted(self.principles) or len(set(theirs)) != len(theirs):
            raise DriftError(f"{where}: drift state has principles {sorted(theirs)}, this tracker "
                             f"{sorted(self.principles)}")
        try:
            cfg = DriftConfig.from_dict(state.get("config", {}))
        except (DriftError, TypeError) as exc:
            raise DriftError(f"{where}: bad drift config: {exc}") from None
        if cfg != self.config:
            diff = {k: (v, getattr(self.config, k)) for k, v in cfg.to_dict().items()
                    if v != self.config.to_dict()[k]}
            raise DriftError(f"{where}: drift settings differ (theirs, ours): {diff}")
        return [theirs.index(p) for p in self.principles]

    def _parse_epochs(self, state: Mapping[str, Any], order: list[int], where: str) -> dict[int, _Epoch]:
        P, width = len(self.principles), _H0 + 2 * self._cells
        epochs = {}
        try:
            for item in state["epochs"]:
                e = int(item["epoch"])
                counts = np.asarray(item["counts"], dtype=np.int64)
                sums = [[int(v) for v in row] for row in item["sums"]]
                if counts.shape != (P, width) or len(sums) != P or any(len(r) != 4 for r in sums) \
                        or (counts < 0).any() or e in epochs:
                    raise ValueError(f"epoch {e} has the wrong shape, negative counts or is repeated")
                ep = _Epoch(counts[order], [sums[j] for j in order])
                ep.refresh(self._cells)
                epochs[e] = ep
            n_seen, n_late = int(state["n_seen"]), int(state["n_late"])
            max_epoch = state["max_epoch"]
            max_epoch = None if max_epoch is None else int(max_epoch)
        except (KeyError, TypeError, ValueError) as exc:
            raise DriftError(f"{where}: malformed drift state: {exc}") from None
        return {"epochs": epochs, "n_seen": n_seen, "n_late": n_late, "max_epoch": max_epoch}

    def _install(self, parsed: Mapping[str, Any]) -> None:
        self._reset()
        self._epochs = parsed["epochs"]
        self._order = sorted(self._epochs)
        self._n_seen, self._n_late, self._max_epoch = parsed["n_seen"], parsed["n_late"], parsed["max_epoch"]
        self._find_reference()
        self._prune()
        self._stats = self._compute()
        self._active = {(n, d): bool(self._stats.get(n, {}).get(f"{d}_alarm", False))
                        for n in self.principles for d in DETECTORS}

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Replace this tracker's state; checked in full first, so a bad state changes nothing."""
        order = self._check_compatible(state, "load_state_dict")
        self._install(self._parse_epochs(state, order, "load_state_dict"))

    def copy(self) -> DriftTracker:
        new = DriftTracker(self.principles, bundle_hash=self.bundle_hash, config=self.config)
        new.load_state_dict(self.state_dict())
        return new

    # ------------------------------------------------------------------------------------- merge
    def merge(self, other: DriftTracker) -> DriftTracker:
        """A new tracker holding both trackers' interactions; neither input changes."""
        return DriftTracker.merged([self, other])

    @classmethod
    def merged(cls, trackers: Sequence[DriftTracker]) -> DriftTracker:
        """The tracker equal to one that saw the union of these trackers' interactions (module doc)."""
        trackers = list(trackers)
        if not trackers:
            raise DriftError("merged() needs at least one tracker")
        first = trackers[0]
        out = DriftTracker(first.principles, bundle_hash=first.bundle_hash, config=first.config)
        parsed = [out._parse_epochs(t.state_dict(), out._check_compatible(t.state_dict(), f"merge #{k}"),
                                    f"merge #{k}") for k, t in enumerate(trackers)]
        epochs: dict[int, _Epoch] = {}
        for p in parsed:
            for e, ep in p["epochs"].items():
                if e in epochs:
                    tgt = epochs[e]
                    tgt.counts = tgt.counts + ep.counts
                    tgt.sums = [[a + b for a, b in zip(ra, rb)] for ra, rb in zip(tgt.sums, ep.sums)]
                else:
                    epochs[e] = _Epoch(ep.counts.copy(), [list(r) for r in ep.sums])
        for ep in epochs.values():
            ep.refresh(out._cells)
        maxes = [p["max_epoch"] for p in parsed if p["max_epoch"] is not None]
        out._install({"epochs": epochs, "n_seen": sum(p["n_seen"] for p in parsed),
                      "n_late": sum(p["n_late"] for p in parsed),
                      "max_epoch": max(maxes) if maxes else None})
        return out

    # ------------------------------------------------------------------------------------- sharing
    def export(self, path: str | os.PathLike) -> Path:
        """Write the state to ``path`` as JSON, atomically (a crash leaves the old file or the new)."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        data = json.dumps(self.state_dict(), separators=(",", ":")).encode()
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path

    @classmethod
    def import_(cls, path: str | os.PathLike, *, expect_bundle_hash: str | None = None,
                expect_principles: Iterable[str] | None = None) -> DriftTracker:
        """Read a state written by :meth:`export`; refuse one for another bundle or principle set."""
        path = Path(path)
        try:
            state = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise DriftError(f"{path}: cannot read a drift state: {exc}") from None
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise DriftError(f"{path}: not a reasonwatch drift state")
        if expect_bundle_hash is not None and state.get("bundle_hash") != expect_bundle_hash:
            raise DriftError(f"{path}: drift state is for bundle {state.get('bundle_hash')!r}, expected "
                             f"{expect_bundle_hash!r}")
        if expect_principles is not None and sorted(state.get("principles", [])) != sorted(expect_principles):
            raise DriftError(f"{path}: drift state has principles {sorted(state.get('principles', []))}, "
                             f"expected {sorted(expect_principles)}")
        try:
            tracker = cls(state["principles"], bundle_hash=state["bundle_hash"],
                          config=DriftConfig.from_dict(state["config"]))
        except (KeyError, TypeError) as exc:
            raise DriftError(f"{path}: malformed drift state: {exc}") from None
        tracker.load_state_dict(state)
        return tracker


def _suffix_max(inc: np.ndarray) -> float:
    """max(0, largest sum of a suffix of ``inc``): the CUSUM with change points inside the window."""
    if inc.size == 0:
        return 0.0
    return max(0.0, float(np.max(np.cumsum(inc[::-1]))))
