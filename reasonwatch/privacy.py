"""Differential privacy for aggregates that leave a deployment.

Counts, fire rates and score histograms (from :class:`~reasonwatch.drift.DriftTracker`) can be released
with noise under a stated ε, charged to a :class:`PrivacyBudget` that refuses a release once it would
overspend. The unit of privacy is one *interaction*: neighbouring datasets differ by adding or removing
one generated sequence, so a count has sensitivity 1 and a histogram where each interaction falls in
one bin has L1 sensitivity 1. A person behind k interactions is protected at k·ε (group privacy).

Mechanism: OpenDP's ``make_laplace`` on integer vectors — the discrete Laplace (geometric) mechanism,
sampled exactly from the operating system's CSPRNG, scale b = sensitivity / ε; a count released this
way has variance ``2·e^(-1/b) / (1 - e^(-1/b))²`` (≈ 2b² for large b) and is ε-DP by OpenDP's proof.
The budget is charged OpenDP's own privacy-loss map of the measurement, not our arithmetic.

Why OpenDP and not IBM's diffprivlib: diffprivlib 0.6.6 (the newest) cannot be imported with
scikit-learn 1.9 (``from sklearn.tree._tree import DOUBLE`` fails inside its ``__init__``). OpenDP
cannot be seeded — by design, a seeded DP mechanism is a privacy hole — so tests of the noise are
statistical with tolerances of many standard errors rather than fixed-seed.

Lifecycle of a release: the ε and the data are checked, the measurement is built, its privacy loss is
checked against what is left of the budget, the noise is drawn, and only then is the budget charged.
A refused or failed release spends nothing. OpenDP's ``contrib`` feature flag is switched on (process
wide, idempotent) the first time a mechanism is built.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np

_TOLERANCE = 1e-9      # relative slack so that ten spends of 0.1 fit a budget of 1.0 despite rounding
MECHANISM = "discrete Laplace (OpenDP make_laplace)"


class PrivacyError(ValueError):
    """A bad ε, sensitivity or input; the message names it."""


class BudgetExceededError(PrivacyError):
    """The release would spend more ε than the budget has left; nothing was spent."""


def _check_epsilon(epsilon: Any, what: str = "epsilon") -> float:
    if isinstance(epsilon, bool) or not isinstance(epsilon, (int, float, np.integer, np.floating)):
        raise PrivacyError(f"{what}={epsilon!r}: expected a positive number")
    eps = float(epsilon)
    if not math.isfinite(eps) or eps <= 0:
        raise PrivacyError(f"{what}={epsilon!r}: must be positive and finite (ε = 0 gives no utility, "
                           f"a negative ε means nothing)")
    return eps


@dataclass(frozen=True)
class Spend:
    """One charge to a budget."""
    epsilon: float
    label: str
    time: str


class PrivacyBudget:
    """A total ε and the spends against it. Refuses (whole) any spend that does not fit."""

    def __init__(self, epsilon_total: float):
        self.epsilon_total = _check_epsilon(epsilon_total, "epsilon_total")
        self._spends: list[Spend] = []

    @property
    def spent(self) -> float:
        return math.fsum(s.epsilon for s in self._spends)

    @property
    def remaining(self) -> float:
        return max(self.epsilon_total - self.spent, 0.0)

    @property
    def spends(self) -> tuple[Spend, ...]:
        return tuple(self._spends)

    def can_spend(self, epsilon: float) -> bool:
        eps = _check_epsilon(epsilon)
        return self.spent + eps <= self.epsilon_total * (1 + _TOLERANCE)

    def check(self, epsilon: float, label: str = "") -> float:
        """Raise :class:`BudgetExceededError` unless ``epsilon`` fits; spend nothing."""
        eps = _check_epsilon(epsilon)
        if eps > self.epsilon_total * (1 + _TOLERANCE):
            raise BudgetExceededError(f"release {label!r} asks for ε={eps:g}, more than the whole budget "
                                      f"(ε={self.epsilon_total:g}); nothing was spent")
        if not self.can_spend(eps):
            raise BudgetExceededError(f"release {label!r} refused: it needs ε={eps:g} but only "
                                      f"{self.remaining:g} of {self.epsilon_total:g} is left "
                                      f"({len(self._spends)} earlier releases); nothing was spent")
        return eps

    def charge(self, epsilon: float, label: str = "") -> Spend:
        """Record a spend of ``epsilon`` (all or nothing)."""
        eps = self.check(epsilon, label)
        spend = Spend(eps, label, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        self._spends.append(spend)
        return spend

    def __repr__(self) -> str:
        return (f"PrivacyBudget(ε total {self.epsilon_total:g}, spent {self.spent:g} in "
                f"{len(self._spends)} releases, {self.remaining:g} left)")

    def state_dict(self) -> dict:
        return {"epsilon_total": self.epsilon_total,
                "spends": [{"epsilon": s.epsilon, "label": s.label, "time": s.time} for s in self._spends]}

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Replace the budget's state (checked first; a bad state changes nothing)."""
        try:
            total = _check_epsilon(state["epsilon_total"], "epsilon_total")
            spends = [Spend(_check_epsilon(s["epsilon"]), str(s["label"]), str(s["time"]))
                      for s in state["spends"]]
        except (KeyError, TypeError) as exc:
            raise PrivacyError(f"malformed privacy budget state: {exc!r}") from None
        if math.fsum(s.epsilon for s in spends) > total * (1 + _TOLERANCE):
            raise PrivacyError("privacy budget state spends more than its total")
        self.epsilon_total, self._spends = total, spends

    @classmethod
    def from_state_dict(cls, state: Mapping[str, Any]) -> PrivacyBudget:
        b = cls(1.0)
        b.load_state_dict(state)
        return b


@dataclass(frozen=True)
class Released:
    """Noisy integer values and how they were made."""
    values: np.ndarray        # [n] int64 (a count is an array of one)
    epsilon: float            # the ε charged (OpenDP's privacy map of the measurement)
    sensitivity: int          # L1 sensitivity the noise was calibrated for
    scale: float              # discrete Laplace scale b = sensitivity / ε
    label: str
    mechanism: str = MECHANISM

    @property
    def noise_variance(self) -> float:
        """The variance of the noise on each value: 2·e^(-1/b) / (1 - e^(-1/b))²."""
        return discrete_laplace_variance(self.scale)

    @property
    def value(self) -> int:
        """The single value of a released count."""
        if self.values.size != 1:
            raise PrivacyError(f"release {self.label!r} holds {self.values.size} values, not one")
        return int(self.values[0])


def discrete_laplace_variance(scale: float) -> float:
    """Variance of the discrete Laplace distribution with scale b (P(k) ∝ exp(-|k|/b))."""
    q = math.exp(-1.0 / scale)
    return 2 * q / (1 - q) ** 2


def _mechanism(scale: float):
    import opendp.prelude as dp       # lazy: OpenDP loads a native library
    dp.enable_features("contrib")
    return dp.m.make_laplace(dp.vector_domain(dp.atom_domain(T="i64")), dp.l1_distance(T="i64"),
                             scale=scale)


def _as_counts(values: Any, what: str) -> list[int]:
    arr = np.asarray(values)
    if arr.ndim != 1 or arr.size == 0:
        raise PrivacyError(f"{what} has shape {arr.shape}; expected a non-empty 1-D array of counts")
    if not (np.issubdtype(arr.dtype, np.integer) or
            (np.issubdtype(arr.dtype, np.floating) and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)))):
        raise PrivacyError(f"{what} must hold integer counts")
    if np.any(arr < 0):
        raise PrivacyError(f"{what} holds negative counts")
    if np.any(np.abs(arr) >= 2 ** 62):
        raise PrivacyError(f"{what} holds counts too large to release")
    return [int(x) for x in arr]


def release_histogram(counts: Sequence[int], epsilon: float, budget: PrivacyBudget, *,
                      sensitivity: int = 1, label: str = "histogram") -> Released:
    """``counts`` [bins] plus discrete Laplace noise of scale ``sensitivity / epsilon``.

    ``sensitivity`` is the most one interaction can change the L1 norm of ``counts`` (1 when each
    interaction falls in one bin). Noisy counts may be negative; clip them afterwards if you like
    (post-processing costs no privacy).
    """
    eps = _check_epsilon(epsilon)
    if isinstance(sensitivity, bool) or not isinstance(sensitivity, (int, np.integer)) or sensitivity < 1:
        raise PrivacyError(f"sensitivity={sensitivity!r}: expected a positive integer")
    data = _as_counts(counts, label)
    budget.check(eps, label)                 # refuse before building anything
    scale = int(sensitivity) / eps
    meas = _mechanism(scale)
    loss = float(meas.map(int(sensitivity)))  # OpenDP's proven ε for this sensitivity
    budget.check(loss, label)
    noisy = np.asarray(meas(data), dtype=np.int64)
    budget.charge(loss, label)
    return Released(noisy, loss, int(sensitivity), scale, label)


def release_count(count: int, epsilon: float, budget: PrivacyBudget, *, sensitivity: int = 1,
                  label: str = "count") -> Released:
    """One count plus discrete Laplace noise (``.value`` is the noisy count)."""
    return release_histogram([count], epsilon, budget, sensitivity=sensitivity, label=label)


@dataclass(frozen=True)
class ReleasedRate:
    """A noisy rate: noisy numerator and denominator, released together under one ε."""
    numerator: int
    denominator: int
    rate: float               # numerator / denominator, clipped to [0, 1] (post-processing)
    epsilon: float
    scale: float
    label: str


def release_rate(numerator: int, denominator: int, epsilon: float, budget: PrivacyBudget, *,
                 label: str = "rate") -> ReleasedRate:
    """A fire rate ``numerator / denominator`` (e.g. fired / interactions).

    Adding or removing one interaction changes the pair by at most 1 each, so the pair is released as
    one vector of L1 sensitivity 2 (scale 2/ε).
    """
    if numerator > denominator:
        raise PrivacyError(f"rate {label!r}: numerator {numerator} exceeds denominator {denominator}")
    rel = release_histogram([numerator, denominator], epsilon, budget, sensitivity=2, label=label)
    num, den = int(rel.values[0]), int(rel.values[1])
    rate = float(min(max(num / den, 0.0), 1.0)) if den > 0 else float("nan")
    return ReleasedRate(num, den, rate, rel.epsilon, rel.scale, label)


@dataclass(frozen=True)
class DriftRelease:
    """Noisy per-principle aggregates of a drift tracker: ``principles[name]`` holds ``histogram``
    (mean-score counts, underflow + bins + overflow, clipped at 0 for display), ``n`` (the number of
    interactions: the sum of the *unclipped* noisy bins, an unbiased estimate), ``fired`` (the noisy
    fired count, clipped to ``[0, n]``) and ``fire_rate`` (``fired / n``).

    The clipped histogram can sum to more than ``n``: clipping turns the negative noise of empty bins
    into positive counts, so summing it would overstate ``n`` (by about ``b/2`` per empty bin) and
    understate every rate divided by it."""
    principles: dict[str, dict[str, Any]]
    edges: tuple[float, ...]
    epsilon: float
    scale: float
    sensitivity: int
    part: str
    mechanism: str = MECHANISM


def release_drift(tracker: Any, epsilon: float, budget: PrivacyBudget, *, part: str = "window",
                  label: str = "drift") -> DriftRelease:
    """Every principle's mean-score histogram and fired count from a drift tracker, under one ε.

    One interaction adds one count to each principle's histogram and at most one to each fired count:
    L1 sensitivity 2 × principles. ``n`` is the sum of the noisy bins *before* clipping (the noise has
    mean 0, so this sum is unbiased); the histogram is then clipped at 0 and the fired count to
    ``[0, n]`` (post-processing, no extra privacy cost).
    """
    hists = tracker.histograms(part)
    names = list(hists)
    vector: list[int] = []
    for name in names:
        vector += [int(x) for x in hists[name]["mean"]] + [hists[name]["fired"]]
    rel = release_histogram(vector, epsilon, budget, sensitivity=2 * len(names), label=f"{label}:{part}")
    out: dict[str, dict[str, Any]] = {}
    width = len(hists[names[0]]["mean"]) + 1
    for k, name in enumerate(names):
        chunk = rel.values[k * width:(k + 1) * width]
        # n from the unclipped bins: clipping first would add the positive part of every empty bin's noise
        n = max(int(chunk[:-1].sum()), 0)
        hist = np.clip(chunk[:-1], 0, None)
        fired = int(min(max(int(chunk[-1]), 0), n))
        out[name] = {"histogram": hist, "n": n, "fired": fired,
                     "fire_rate": fired / n if n else float("nan")}
    return DriftRelease(out, tuple(tracker.config.edges), rel.epsilon, rel.scale, rel.sensitivity, part)
