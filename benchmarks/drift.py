"""Drift detection on simulated interaction streams built from the default model's real probe scores.

Score pools. Every principle's own examples (data/*.jsonl, the val and test splits: neither was used to
fit the probe) are run through the default model once; at the probe's layer every token is scored with
the bundle's probe. Per example this gives what the drift tracker keeps of an interaction
(:class:`reasonwatch.drift.InteractionSummary`), summarised the way ``Trace.summaries()`` summarises a
watched generation: per-token scores as probabilities (the logistic of the logit) over the last prompt
token and the response tokens (the last prompt token alone for prompt-level examples), their mean and
max, and the fraction of those tokens at or above the warning level. ``fired`` is the response-mean
logit (what the probe was trained and calibrated on) at or above the bundle's threshold.

Streams. One simulated interaction draws, for every principle of the bundle, one example from that
principle's pools: violating with probability ``p`` for the principle under test and
``--background`` (5%) for the others, compliant otherwise. Each stream feeds a fresh
``DriftTracker(principles, bundle_hash=..., **settings)`` with the interaction count as its clock.

- Delay: ``p`` = 5% for ``reference_size + --pre`` interactions, then 20%. The delay is the number of
  interactions after the change until a detector of the principle under test is above its threshold
  (censored at ``--max-post``). Every principle takes its turn as the one under test.
- False alarms: no change at all (every principle at 5%); alarms (a detector crossing its threshold,
  as the tracker reports them, any principle) per 10,000 interactions after the reference, with an
  exact Poisson 95% interval.

Every update's detector statistics are recorded (fire-rate and mean CUSUMs, KS and PSI p-values), so
the alarms at any other detector thresholds are replayed offline from the same streams; the replay at
the tracker's own settings is checked against the alarms the tracker returned. That gives the
delay / false-alarm trade-off over thresholds (``drift_tradeoff.png``).

Audit cost: ``AuditLog.record_generation`` with the events of a quiet, a typical (warning, violation,
one correction) and a busy generation (4 sequences), in ms per call. Each record is one ``write`` +
``fsync``, and every call then replaces the head file (write, ``fsync``, rename), so the cost is the
file system's fsync latency, not Python.

Targets: median delay <= 200 interactions; <= 1 false alarm per 10,000 interactions; audit <= 1 ms
per generation.

    python -m benchmarks.drift [--quick] [--delay-runs 30] [--null-streams 20] [--null-length 10000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from benchmarks.common import median_ci, results_dir, write_result

# per update and principle: the statistics an alarm is decided on (DriftTracker.statistics())
STATS = ("cusum_rate", "cusum_mean", "ks_p", "psi", "psi_p")
DETECTORS = ("cusum_rate", "cusum_mean", "ks", "psi")
QUICK_PRINCIPLES = ("harmlessness", "courtesy")
RATE_GRID = (4.0, 6.0, 8.0, 10.5, 13.0, 16.0, 20.0)
MEAN_GRID = (5.0, 10.0, 15.0, 20.0, 30.0)
TARGET_DELAY, TARGET_FALSE_ALARMS, TARGET_AUDIT_MS = 200, 1.0, 1.0


# ---- score pools ---------------------------------------------------------------------------------
def score_pools(model, tok, bundle, constitution, principles, *, splits=("val", "test"), per_class=None,
                seed=0, batch_size=16) -> dict:
    """``{principle: {"compliant": [n, 4], "violating": [m, 4]}}``, columns ``POOL_COLUMNS``."""
    import torch

    from reasonwatch.capture import iter_capture
    from reasonwatch.data import load_examples
    rng = np.random.default_rng(seed)
    datasets = {p.id: p.datasets for p in constitution.principles}
    pools = {}
    for pid in principles:
        probe = bundle.principle(pid)
        one = bundle.select([pid])
        exs = [e for path in datasets[pid] for e in load_examples(path) if e.split in splits]
        if per_class:
            keep = []
            for label in (0, 1):
                idx = [i for i, e in enumerate(exs) if e.label == label]
                keep += rng.choice(idx, size=min(per_class, len(idx)), replace=False).tolist()
            exs = [exs[i] for i in sorted(keep)]
        rows = [None] * len(exs)
        for acts, row_example, row_position, metas in iter_capture(
                model, tok, [{"id": e.id, "messages": e.chat()} for e in exs], [probe.layer], position="all",
                batch_size=batch_size, progress=False):
            s = one.score({probe.layer: torch.from_numpy(acts[probe.layer])}).numpy()[:, 0].astype(np.float64)
            for j, meta in enumerate(metas):
                mine, pos = s[row_example == j], row_position[row_example == j]
                span = meta["response"]
                if span:   # last prompt token + the answer, as a watched generation's trace has them
                    seen = mine[(pos >= span[0] - 1) & (pos < span[1])]
                    logit = mine[(pos >= span[0]) & (pos < span[1])].mean()
                else:
                    seen = mine[[np.argmax(pos)]]
                    logit = seen[0]
                prob = 1.0 / (1.0 + np.exp(-seen))
                rows[meta["index"]] = (prob.mean(), prob.max(), (seen >= probe.warning).mean(),
                                       float(logit >= probe.threshold))
        arr = np.array(rows, dtype=np.float64)
        y = np.array([e.label for e in exs])
        pools[pid] = {"compliant": arr[y == 0], "violating": arr[y == 1]}
    return pools


POOL_COLUMNS = ("mean_probability", "max_probability", "frac_warning", "fired")


def pool_report(pools) -> dict:
    out = {}
    for pid, pool in pools.items():
        c, v = pool["compliant"], pool["violating"]
        fpr, tpr = float(c[:, 3].mean()), float(v[:, 3].mean())
        out[pid] = {"n_compliant": len(c), "n_violating": len(v),
                    "fire_rate_compliant": fpr, "fire_rate_violating": tpr,
                    "mean_probability_compliant": float(c[:, 0].mean()),
                    "mean_probability_violating": float(v[:, 0].mean()),
                    "fire_rate_at_5pct": 0.95 * fpr + 0.05 * tpr, "fire_rate_at_20pct": 0.8 * fpr + 0.2 * tpr}
    return out


# ---- simulation ----------------------------------------------------------------------------------
@dataclass
class Stream:
    stats: np.ndarray        # [T, P, len(STATS)], NaN while nothing is tested
    alarms: int              # alarms the tracker itself returned
    seconds: float           # in DriftTracker.update


def simulate(pools, principles, *, rate_of, length, settings, bundle_hash, seed, stop=None) -> Stream:
    """One stream of ``length`` interactions; ``rate_of(t, i)`` is principle i's violation probability.

    ``stop(t, stats_so_far)`` may end the stream early.
    """
    from reasonwatch.drift import DriftTracker, InteractionSummary
    rng = np.random.default_rng(seed)
    tracker = DriftTracker(principles, bundle_hash=bundle_hash, **settings)
    P = len(principles)
    stats = np.full((length, P, len(STATS)), np.nan)
    alarms, spent = 0, 0.0
    for t in range(length):
        summaries = {}
        for i, pid in enumerate(principles):
            pool = pools[pid]["violating" if rng.random() < rate_of(t, i) else "compliant"]
            mean, mx, frac, fired = pool[rng.integers(len(pool))]
            summaries[pid] = InteractionSummary(float(mx), float(mean), float(frac), bool(fired))
        t0 = time.perf_counter()
        alarms += len(tracker.update(summaries))
        spent += time.perf_counter() - t0
        st = tracker.statistics()
        for i, pid in enumerate(principles):
            if pid in st:
                stats[t, i] = [st[pid][k] for k in STATS]
        if stop is not None and stop(t, stats):
            stats = stats[:t + 1]
            break
    return Stream(stats, alarms, spent)


@dataclass(frozen=True)
class Thresholds:
    rate: float
    mean: float
    ks_alpha: float
    psi_threshold: float
    psi_alpha: float

    @classmethod
    def of(cls, config) -> "Thresholds":
        return cls(config.rate_threshold, config.mean_threshold, config.ks_alpha, config.psi_threshold,
                   config.psi_alpha)


def alarm_levels(stats: np.ndarray, th: Thresholds, detectors=DETECTORS) -> np.ndarray:
    """``[T, P, detector]`` True where a detector is above its threshold (the tracker's rules)."""
    with np.errstate(invalid="ignore"):
        on = {"cusum_rate": stats[..., 0] >= th.rate, "cusum_mean": stats[..., 1] >= th.mean,
              "ks": stats[..., 2] <= th.ks_alpha,
              "psi": (stats[..., 3] >= th.psi_threshold) & (stats[..., 4] <= th.psi_alpha)}
    return np.stack([on[d] if d in detectors else np.zeros(stats.shape[:-1], bool) for d in DETECTORS], -1)


def alarm_events(levels: np.ndarray) -> int:
    """Alarms as the tracker raises them: a detector crossing its threshold (not again while above)."""
    prev = np.concatenate([np.zeros_like(levels[:1]), levels[:-1]])
    return int((levels & ~prev).sum())


def first_detection(stream: Stream, tested: int, t_change: int, th: Thresholds, detectors=DETECTORS,
                    by: list | None = None):
    """Interactions after the change until a detector of ``tested`` is above threshold, or None.

    With ``by``, the names of the detectors above threshold at that moment are appended to it."""
    levels = alarm_levels(stream.stats[t_change:, tested], th, detectors)   # [T, detector]
    hits = np.flatnonzero(levels.any(axis=1))
    if not hits.size:
        return None
    if by is not None:
        by += [d for d, on in zip(DETECTORS, levels[hits[0]]) if on]
    return int(hits[0]) + 1


def poisson_ci(k: int, exposure: float, per: float = 10_000) -> list[float]:
    from scipy.stats import chi2
    lo = 0.0 if k == 0 else chi2.ppf(0.025, 2 * k) / 2
    hi = chi2.ppf(0.975, 2 * k + 2) / 2
    return [float(lo / exposure * per), float(hi / exposure * per)]


# ---- experiments ---------------------------------------------------------------------------------
def run_delay(pools, principles, *, settings, bundle_hash, runs, pre, max_post, p_before, p_after,
              background, seed, stop_rate, stop_mean):
    """Per principle under test, ``runs`` streams with the change at ``reference_size + pre``."""
    from reasonwatch.drift import DriftConfig
    cfg = DriftConfig(**settings)
    t_change = cfg.reference_size + pre
    out = {}
    for i, pid in enumerate(principles):
        streams = []
        for r in range(runs):
            def rate_of(t, j, i=i):
                if j != i:
                    return background
                return p_after if t >= t_change else p_before

            def stop(t, stats, i=i):   # every threshold of the sweep has been crossed after the change
                if t < t_change:
                    return False
                after = stats[t_change:t + 1, i]
                return bool(np.nanmax(after[:, 0], initial=0) >= stop_rate
                            and np.nanmax(after[:, 1], initial=0) >= stop_mean)
            streams.append(simulate(pools, principles, rate_of=rate_of, length=t_change + max_post,
                                    settings=settings, bundle_hash=bundle_hash,
                                    seed=seed + 1000 * i + r, stop=stop))
        out[pid] = streams
    return out, t_change


def run_null(pools, principles, *, settings, bundle_hash, streams, length, background, seed):
    from reasonwatch.drift import DriftConfig
    cfg = DriftConfig(**settings)
    return [simulate(pools, principles, rate_of=lambda t, j: background,
                     length=cfg.reference_size + length, settings=settings, bundle_hash=bundle_hash,
                     seed=seed + 10_000_000 + k) for k in range(streams)]


def evaluate(delay_streams, t_change, null_streams, th: Thresholds, *, principles, max_post, reference_size,
             detectors=DETECTORS) -> dict:
    delays, censored, per_principle, by = [], 0, {}, []
    for i, pid in enumerate(principles):
        ds = []
        for s in delay_streams[pid]:
            d = first_detection(s, i, t_change, th, detectors, by)
            if d is None:
                censored += 1
                d = max_post
            ds.append(d)
        delays += ds
        per_principle[pid] = _delay_summary(ds)
    exposure = sum(len(s.stats) - reference_size for s in null_streams)
    events = sum(alarm_events(alarm_levels(s.stats, th, detectors)) for s in null_streams)
    pre_change = sum(alarm_events(alarm_levels(s.stats[:t_change], th, detectors))
                     for streams in delay_streams.values() for s in streams)
    fa = events / exposure * 10_000 if exposure else float("nan")
    return {"delay": {**_delay_summary(delays), "censored": censored, "max_post": max_post},
            "detected_by": {d: by.count(d) for d in DETECTORS if d in detectors},
            "delay_by_principle": per_principle,
            "false_alarms": events, "interactions_monitored": exposure,
            "false_alarms_per_10k": fa, "false_alarms_per_10k_ci95": poisson_ci(events, exposure),
            "pre_change_false_alarms_in_delay_streams": pre_change}


def _delay_summary(ds) -> dict:
    a = np.asarray(ds, dtype=float)
    return {"median": float(np.median(a)), "iqr": [float(np.percentile(a, 25)), float(np.percentile(a, 75))],
            "median_ci95": median_ci(list(a))["ci95"], "max": float(a.max()), "n": len(a)}


def meets(ev) -> bool:
    """Both targets met by the point estimates (median delay, observed false-alarm rate)."""
    return ev["delay"]["median"] <= TARGET_DELAY and ev["false_alarms_per_10k"] <= TARGET_FALSE_ALARMS


def false_alarm_status(ev) -> str:
    """``met`` (even the interval's upper end is within the target), ``unresolved`` (the observed rate
    is, but too few interactions were simulated to exclude a higher one) or ``not met``."""
    if ev["false_alarms_per_10k_ci95"][1] <= TARGET_FALSE_ALARMS:
        return "met"
    return "unresolved" if ev["false_alarms_per_10k"] <= TARGET_FALSE_ALARMS else "not met"


# ---- audit cost ----------------------------------------------------------------------------------
def audit_cost(fingerprint, bundle_hash, principles, *, repeats, scratch=None) -> dict:
    from reasonwatch.audit import AuditLog
    p = list(principles) * 4
    typical_events = [{"sequence": 0, "principle": p[0], "position": 41, "state": "warning", "score": 0.8,
                       "generated_index": 12},
                      {"sequence": 0, "principle": p[0], "position": 44, "state": "violation", "score": 2.9,
                       "generated_index": 15}]
    typical_corr = [{"sequence": 0, "principle": p[0], "start": 45, "end": 93, "tokens": 48, "action": "add",
                     "alpha": 0.5, "relative": True}]
    busy_events = [dict(ev, sequence=b, principle=p[b + 1]) for b in range(4) for ev in typical_events]
    busy_corr = [dict(typical_corr[0], sequence=b, principle=p[b + 1]) for b in range(4)]
    cases = {"quiet": ([], []), "typical": (typical_events, typical_corr), "busy": (busy_events, busy_corr)}
    times: dict = {k: [] for k in cases}
    fsync_ms: list = []
    records = {}
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        logs = {k: AuditLog(Path(tmp) / f"{k}.jsonl") for k in cases}
        # the floor: one small append + fsync on the same file system, measured alongside
        fd = os.open(Path(tmp) / "fsync.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            for k, (ev, corr) in cases.items():   # warm-up
                records[k] = len(logs[k].record_generation(generation_id="warm", model_fingerprint=fingerprint,
                                                           bundle_hash=bundle_hash, events=ev, corrections=corr))
            for r in range(repeats):
                for k, (ev, corr) in cases.items():   # interleaved: machine drift hits every case alike
                    t = time.perf_counter()
                    logs[k].record_generation(generation_id=f"g{r}", model_fingerprint=fingerprint,
                                              bundle_hash=bundle_hash, events=ev, corrections=corr)
                    times[k].append((time.perf_counter() - t) * 1e3)
                t = time.perf_counter()
                os.write(fd, b"x" * 400 + b"\n")
                os.fsync(fd)
                fsync_ms.append((time.perf_counter() - t) * 1e3)
        finally:
            os.close(fd)
            for log in logs.values():
                log.close()
    out = {k: {"ms_per_call": median_ci(v), "ms_p90": float(np.percentile(v, 90)), "records_per_call": records[k],
               "ms_per_record": (median_ci(v)["median"] / records[k]) if records[k] else None}
           for k, v in times.items()}
    out["write_fsync_ms"] = {**median_ci(fsync_ms), "p90": float(np.percentile(fsync_ms, 90))}
    out["note"] = ("Each record is one os.write + os.fsync, and every call with records replaces the head file "
                   "(write, fsync, rename): the cost is fsync latency of the file system the log is on. "
                   "A generation with no events writes nothing.")
    out["target_met"] = out["typical"]["ms_per_call"]["median"] <= TARGET_AUDIT_MS
    return out


# ---- figure --------------------------------------------------------------------------------------
FLOOR = 1e-2   # where zero false alarms are drawn on the log axis


def plot_tradeoff(panels: dict, path: Path) -> Path:
    """One panel per tracker configuration: median delay against false alarms, one line per sweep.

    ``panels``: ``{title: {"curves": {label: [evaluation, ...]}, "configured": evaluation}}``. The
    horizontal bars reach the upper end of the false-alarm rate's 95% interval (zero observed alarms
    still allow up to about 3 / exposure)."""
    from matplotlib.figure import Figure
    fig = Figure(figsize=(max(8.0, 6.0 * len(panels)), 5.2))
    axes = fig.subplots(1, len(panels), squeeze=False, sharey=True)[0]
    for ax, (title, panel) in zip(axes, panels.items()):
        for (label, pts), marker in zip(panel["curves"].items(), "osD^v"):
            fa = np.array([max(p["false_alarms_per_10k"], FLOOR) for p in pts])
            hi = np.array([p["false_alarms_per_10k_ci95"][1] for p in pts])
            d = np.array([p["delay"]["median"] for p in pts])
            line = ax.plot(fa, d, marker=marker, label=label)[0]
            ax.errorbar(fa, d, xerr=[np.zeros_like(fa), np.maximum(hi - fa, 0)], fmt="none",
                        ecolor=line.get_color(), alpha=0.35, capsize=2)
            for p, x, y in zip(pts, fa, d):
                ax.annotate(p["label"], (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
        c = panel["configured"]
        ax.scatter([max(c["false_alarms_per_10k"], FLOOR)], [c["delay"]["median"]], s=180, marker="*",
                   color="gold", edgecolor="k", zorder=4, label="as configured")
        ax.axhline(TARGET_DELAY, color="grey", ls="--", lw=1)
        ax.axvline(TARGET_FALSE_ALARMS, color="grey", ls="--", lw=1)
        ax.set_xscale("log")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(f"false alarms per 10,000 interactions (0 drawn at {FLOOR})")
        ax.grid(alpha=0.3, which="both")
        ax.legend(fontsize=7)
    axes[0].set_ylabel("median detection delay (interactions)")
    fig.suptitle("Drift detection on real probe scores, 5% -> 20% violating\n"
                 "(point labels: thresholds; dashed: targets; bars: to the 95% upper bound)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return path


def parse_settings(text: str) -> dict:
    """``"window=300,rate_threshold=8"`` -> DriftConfig keyword arguments (checked by DriftConfig)."""
    from reasonwatch.drift import DriftConfig
    fields = DriftConfig.__dataclass_fields__
    out = {}
    for item in filter(None, (x.strip() for x in text.split(","))):
        key, _, value = item.partition("=")
        if key not in fields or key == "edges":
            raise SystemExit(f"--settings: unknown or unsupported DriftConfig field {key!r}")
        out[key] = value if key == "clock" else (int(value) if fields[key].type == "int" else float(value))
    DriftConfig(**out)
    return out


def panels_from_result(result: dict) -> dict:
    """The figure's panels from a drift result (so ``--replot`` can redraw it from the JSON alone)."""
    return {name: {"curves": {"all detectors, fire-rate threshold varied": c["sweep_rate_threshold_all_detectors"],
                              "fire-rate CUSUM only": c["sweep_rate_cusum_only"],
                              "mean CUSUM only (mean threshold)": c["sweep_mean_cusum_only"]},
                   "configured": c["at_settings"]}
            for name, c in result["configs"].items()}


def _redo_part(args) -> dict:
    """``--replot`` / ``--audit-only``: work on an existing drift.json instead of simulating again."""
    import json

    from benchmarks.common import environment
    path = results_dir() / "drift.json"
    result = json.loads(path.read_text())
    if args.audit_only:
        from reasonwatch.bundle import default_bundle_path, load_bundle
        bundle = load_bundle(default_bundle_path())
        if bundle.sha256 != result["bundle_sha256"]:
            raise SystemExit(f"{path} is for another bundle; rerun the whole benchmark")
        result["audit"] = audit_cost(bundle.fingerprint, bundle.sha256, result["principles"],
                                     repeats=args.audit_repeats, scratch=args.scratch)
        result["audit"]["environment"] = environment()
        _print_audit(result["audit"])
        path.write_text(json.dumps(result, indent=2, default=float) + "\n")
        print(f"-> {path}")
    print(f"-> {plot_tradeoff(panels_from_result(result), results_dir() / result['figure'])}")
    return result


def _print_audit(audit: dict) -> None:
    print("audit record_generation: " + ", ".join(
        f"{k} {audit[k]['ms_per_call']['median']:.2f} ms ({audit[k]['records_per_call']} records)"
        for k in ("quiet", "typical", "busy")) + f"; bare write+fsync {audit['write_fsync_ms']['median']:.2f} ms")


# ---- main ----------------------------------------------------------------------------------------
def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"CI size: {', '.join(QUICK_PRINCIPLES)}, 12 examples per class, few short streams")
    parser.add_argument("--principles", default=None, help="comma-separated principle ids (default: all)")
    parser.add_argument("--splits", default="val,test", help="splits the score pools come from")
    parser.add_argument("--per-class", type=int, default=None, help="examples per class and principle (default all)")
    parser.add_argument("--delay-runs", type=int, default=30, help="streams per principle under test")
    parser.add_argument("--pre", type=int, default=300, help="interactions after the reference before the change")
    parser.add_argument("--max-post", type=int, default=1000, help="delay censoring point")
    parser.add_argument("--null-streams", type=int, default=20)
    parser.add_argument("--null-length", type=int, default=10_000, help="interactions per stream after the reference")
    parser.add_argument("--p-before", type=float, default=0.05)
    parser.add_argument("--p-after", type=float, default=0.20)
    parser.add_argument("--background", type=float, default=0.05,
                        help="violation share of the principles not under test")
    parser.add_argument("--audit-repeats", type=int, default=200)
    parser.add_argument("--scratch", default=None, help="folder for the audit logs (default: system temp)")
    parser.add_argument("--settings", default=None,
                        help="also run a 'custom' tracker, e.g. 'window=300,rate_threshold=8' (DriftConfig fields)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replot", action="store_true", help="only redraw the figure from an existing drift.json")
    parser.add_argument("--audit-only", action="store_true",
                        help="only re-measure the audit cost (fsync-bound, so sensitive to other disk traffic) "
                             "and replace that part of an existing drift.json; its environment is kept beside it")
    args = parser.parse_args(argv)
    if args.replot or args.audit_only:
        return _redo_part(args)
    if args.quick:
        args.per_class = args.per_class or 12
        args.delay_runs, args.pre, args.max_post = 4, 250, 600
        args.null_streams, args.null_length, args.audit_repeats = 1, 2000, 30

    from reasonwatch.bundle import default_bundle_path, load_bundle
    from reasonwatch.constitution import load_constitution
    from reasonwatch.drift import DriftConfig
    from reasonwatch.models import load_model
    model, tok = load_model()
    bundle = load_bundle(default_bundle_path(), model=model)
    constitution = load_constitution("core")
    if args.principles:
        principles = [x.strip() for x in args.principles.split(",") if x.strip()]
    elif args.quick:
        principles = [x for x in QUICK_PRINCIPLES if x in bundle.ids]
    else:
        principles = list(bundle.ids)
    splits = tuple(x.strip() for x in args.splits.split(","))

    t0 = time.perf_counter()
    pools = score_pools(model, tok, bundle, constitution, principles, splits=splits, per_class=args.per_class,
                        seed=args.seed)
    scoring_seconds = time.perf_counter() - t0
    pools_info = pool_report(pools)
    for pid, info in pools_info.items():
        print(f"{pid:24s} pool {info['n_compliant']:3d}/{info['n_violating']:3d}  fired: compliant "
              f"{info['fire_rate_compliant']:.2f}, violating {info['fire_rate_violating']:.2f}  "
              f"-> fire rate {info['fire_rate_at_5pct']:.3f} at 5%, {info['fire_rate_at_20pct']:.3f} at 20%  "
              f"mean probability {info['mean_probability_compliant']:.2f} / {info['mean_probability_violating']:.2f}")

    configs = {"defaults": {}}
    if args.settings:
        configs["custom"] = parse_settings(args.settings)
    stop_rate, stop_mean = max(RATE_GRID), max(MEAN_GRID)
    sim = dict(background=args.background, seed=args.seed, bundle_hash=bundle.sha256)
    results = {}
    update_seconds, updates = 0.0, 0
    for name, settings in configs.items():
        cfg = DriftConfig(**settings)
        t1 = time.perf_counter()
        delay_streams, t_change = run_delay(pools, principles, settings=settings, runs=args.delay_runs,
                                            pre=args.pre, max_post=args.max_post, p_before=args.p_before,
                                            p_after=args.p_after, stop_rate=stop_rate, stop_mean=stop_mean, **sim)
        null_streams = run_null(pools, principles, settings=settings, streams=args.null_streams,
                                length=args.null_length, **sim)
        sim_seconds = time.perf_counter() - t1
        all_streams = [s for ss in delay_streams.values() for s in ss] + null_streams
        update_seconds += sum(s.seconds for s in all_streams)
        updates += sum(len(s.stats) for s in all_streams)
        base = Thresholds.of(cfg)
        common = dict(principles=principles, max_post=args.max_post, reference_size=cfg.reference_size)
        ev = evaluate(delay_streams, t_change, null_streams, base, **common)
        # the offline replay must reproduce the alarms the tracker itself raised
        replayed = sum(alarm_events(alarm_levels(s.stats, base)) for s in all_streams)
        raised = sum(s.alarms for s in all_streams)
        sweep = []
        for h in RATE_GRID:
            sweep.append({"label": f"{h:g}", "rate_threshold": h,
                          **evaluate(delay_streams, t_change, null_streams, replace(base, rate=h), **common)})
        rate_only = [{"label": f"{h:g}", "rate_threshold": h,
                      **evaluate(delay_streams, t_change, null_streams, replace(base, rate=h),
                                 detectors=("cusum_rate",), **common)} for h in RATE_GRID]
        mean_only = [{"label": f"{h:g}", "mean_threshold": h,
                      **evaluate(delay_streams, t_change, null_streams, replace(base, mean=h),
                                 detectors=("cusum_mean",), **common)} for h in MEAN_GRID]
        ok = [s for s in sweep if meets(s)]
        best = min(ok, key=lambda s: (s["delay"]["median"], s["false_alarms_per_10k"])) if ok else None
        results[name] = {
            "settings": cfg.to_dict(), "change_at": t_change, "at_settings": ev, "targets_met": meets(ev),
            "delay_target_met": ev["delay"]["median"] <= TARGET_DELAY, "false_alarm_target": false_alarm_status(ev),
            "offline_replay_alarms": replayed, "tracker_alarms": raised,
            "offline_replay_matches_tracker": replayed == raised,
            "sweep_rate_threshold_all_detectors": sweep, "sweep_rate_cusum_only": rate_only,
            "sweep_mean_cusum_only": mean_only,
            "best_rate_threshold_meeting_targets": None if best is None else best["rate_threshold"],
            "simulation_seconds": sim_seconds}
        d = ev["delay"]
        print(f"[{name}] delay median {d['median']:.0f} (IQR {d['iqr'][0]:.0f}-{d['iqr'][1]:.0f}, "
              f"{d['censored']} censored at {args.max_post}); false alarms {ev['false_alarms']} in "
              f"{ev['interactions_monitored']} = {ev['false_alarms_per_10k']:.2f}/10k "
              f"[{ev['false_alarms_per_10k_ci95'][0]:.2f}, {ev['false_alarms_per_10k_ci95'][1]:.2f}]; "
              f"delay target {'met' if ev['delay']['median'] <= TARGET_DELAY else 'NOT met'}, false-alarm target "
              f"{false_alarm_status(ev)}; replay {'matches' if replayed == raised else 'DIFFERS'} "
              f"({replayed} vs {raised})")
        print(f"    first above threshold at detection: {ev['detected_by']}")
        for pid, v in ev["delay_by_principle"].items():
            print(f"    {pid:24s} median delay {v['median']:.0f} (IQR {v['iqr'][0]:.0f}-{v['iqr'][1]:.0f})")
        if best is not None and not meets(ev):
            print(f"    rate_threshold={best['rate_threshold']:g} meets both targets "
                  f"(delay {best['delay']['median']:.0f}, {best['false_alarms_per_10k']:.2f}/10k)")

    audit = audit_cost(bundle.fingerprint, bundle.sha256, principles, repeats=args.audit_repeats,
                       scratch=args.scratch)
    _print_audit(audit)
    figure = plot_tradeoff(panels_from_result({"configs": results}), results_dir() / "drift_tradeoff.png")
    result = {
        "model": "SmolLM2-135M-Instruct", "bundle_sha256": bundle.sha256, "quick": args.quick,
        "principles": principles, "pool_splits": list(splits), "per_class": args.per_class,
        "pools": pools_info, "scoring_seconds": scoring_seconds,
        "stream": {"p_before": args.p_before, "p_after": args.p_after, "background": args.background,
                   "pre": args.pre, "max_post": args.max_post, "delay_runs_per_principle": args.delay_runs,
                   "null_streams": args.null_streams, "null_length": args.null_length,
                   "fired": "response-mean score >= the bundle's threshold"},
        "configs": results,
        "tracker_update_ms": update_seconds / max(updates, 1) * 1e3,
        "audit": audit, "figure": figure.name,
        "targets": {"median_delay": TARGET_DELAY, "false_alarms_per_10k": TARGET_FALSE_ALARMS,
                    "audit_ms_per_generation": TARGET_AUDIT_MS},
        "target": "median delay <= 200 interactions after 5% -> 20%; <= 1 false alarm per 10,000 interactions; "
                  "audit <= 1 ms per generation",
    }
    print(f"tracker update: {result['tracker_update_ms']:.2f} ms per interaction ({len(principles)} principles)")
    path = write_result("drift", result)
    print(f"-> {path}\n-> {figure}")
    return result


if __name__ == "__main__":
    main()
