"""Training: one probe per principle and layer, the layer chosen on val, thresholds calibrated, a bundle.

Lifecycle of ``reasonwatch train``:

1. Load the constitution and every principle's examples (splits are by topic group; a principle needs
   both labels in train and val).
2. Capture once: every example at every block, position rule ``"auto"`` (mean over the response for
   response-level examples, the last prompt token for prompt-level ones), into a resumable HDF5 store.
3. Per principle and layer, on the train split: a standardised logistic-regression probe for each
   regularisation strength in the grid, and a difference-of-means direction. Val AUROC picks the
   strength, the kind and the layer (val AUROC smoothed over neighbouring layers, so one lucky layer on
   a small val set does not win; among near-ties, the layer nearest mid-depth). Test is only ever
   reported, never used to choose.
4. Thresholds on val compliant scores: the violation level at ``target_fpr`` (default 1%) and the
   warning level at ``warning_fpr`` (default 5%). A steering vector per principle:
   mean(compliant) - mean(violating) answers at the steering layer (from topic groups holding both,
   see :func:`_steering_vector`), with the residual norm there.
5. Metrics: AUROC and accuracy on val and test with bootstrap 95% intervals, TPR at 1% FPR, the
   calibrated threshold's TPR/FPR on test, AUROC on the hard (look-alike) examples and by level.
6. The per-token monitor: per-token scores are far noisier than a pooled answer's, so the levels that
   ``watch()`` uses are calibrated separately, by running its trend detector (EWMA and CUSUM) over the
   teacher-forced token scores of compliant val answers (:func:`calibrate_monitor`); prompt-level
   principles also get a level for the last prompt token. The test answers report how often the
   monitor fires on violating and compliant ones.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from .bundle import PrincipleProbe, ProbeBundle, new_info


class TrainingError(ValueError):
    """Training data that cannot produce a probe; the message names the principle and the problem."""


@dataclass(frozen=True)
class TrainConfig:
    """Settings for probe training."""
    c_grid: tuple = (0.001, 0.003, 0.01, 0.03, 0.1)
    """Inverse L2 strengths tried for the logistic probe (chosen on val)."""
    kinds: tuple = ("logistic", "diffmean")
    """Probe kinds compared on val."""
    smooth: int = 1
    """Val AUROC is averaged over layers within this distance when choosing the layer."""
    tie: float = 0.005
    """Layers whose smoothed val AUROC is within this of the best count as tied."""
    prefer_depth: float = 0.5
    """Among tied layers, the one nearest this fraction of the network's depth is chosen."""
    n_boot: int = 1000
    """Bootstrap resamples for confidence intervals."""
    seed: int = 0
    steer_layer: int | None = None
    """Fixed steering layer for every principle; ``None`` uses each probe's own layer, clamped to the
    middle half of the network where steering vectors work best."""


@dataclass
class LayerFit:
    layer: int
    kind: str
    c: float | None
    weight: np.ndarray  # raw-space, [d]
    bias: float
    val_auroc: float


@dataclass
class PrincipleFit:
    """What training found for one principle."""
    id: str
    chosen: LayerFit
    val_auroc_by_layer: dict = field(default_factory=dict)   # layer -> best val AUROC
    smoothed_by_layer: dict = field(default_factory=dict)


# ---- metrics ----------------------------------------------------------------------------------------
def auroc(y: np.ndarray, s: np.ndarray) -> float:
    """Area under the ROC curve (ties count half); NaN if a class is missing."""
    y = np.asarray(y).astype(bool)
    s = np.asarray(s, dtype=np.float64)
    n1, n0 = y.sum(), (~y).sum()
    if n1 == 0 or n0 == 0:
        return float("nan")
    from scipy.stats import rankdata
    ranks = rankdata(s)
    return float((ranks[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def tpr_at_fpr(y: np.ndarray, s: np.ndarray, fpr: float = 0.01) -> float:
    """Share of positives above the score that at most ``fpr`` of negatives exceed."""
    y = np.asarray(y).astype(bool)
    neg = np.sort(np.asarray(s)[~y])
    if len(neg) == 0 or y.sum() == 0:
        return float("nan")
    k = int(np.floor(fpr * len(neg)))  # negatives allowed strictly above the threshold
    thr = neg[len(neg) - 1 - k]
    return float((np.asarray(s)[y] > thr).mean())


def bootstrap_ci(fn, y, s, n_boot: int, seed: int) -> list[float]:
    rng = np.random.default_rng(seed)
    y, s = np.asarray(y), np.asarray(s)
    stats = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        v = fn(y[idx], s[idx])
        if not np.isnan(v):
            stats.append(v)
    if not stats:
        return [float("nan"), float("nan")]
    return [float(np.percentile(stats, 2.5)), float(np.percentile(stats, 97.5))]


def evaluate(y, s, threshold: float | None, *, n_boot: int, seed: int) -> dict:
    """AUROC and accuracy with CIs, TPR@1%FPR, and the calibrated threshold's rates."""
    y, s = np.asarray(y).astype(int), np.asarray(s, dtype=float)
    out = {"n": int(len(y)), "n_violating": int(y.sum()),
           "auroc": auroc(y, s), "auroc_ci95": bootstrap_ci(auroc, y, s, n_boot, seed),
           "accuracy": float(((s > 0) == y).mean()),
           "accuracy_ci95": bootstrap_ci(lambda a, b: float(((b > 0) == a).mean()), y, s, n_boot, seed),
           "tpr_at_1pct_fpr": tpr_at_fpr(y, s, 0.01)}
    if threshold is not None:
        out["threshold_tpr"] = float((s[y == 1] >= threshold).mean()) if y.sum() else float("nan")
        out["threshold_fpr"] = float((s[y == 0] >= threshold).mean()) if (y == 0).sum() else float("nan")
    return out


# ---- fitting ----------------------------------------------------------------------------------------
def _fit_logistic(x: np.ndarray, y: np.ndarray, c: float, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression
    mean, std = x.mean(0), x.std(0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    clf.fit((x - mean) / std, y)
    coef = clf.coef_[0] / std  # fold the scaler in: score = x @ w + b
    return coef, float(clf.intercept_[0] - (clf.coef_[0] * mean / std).sum())


def _fit_diffmean(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    direction = x[y == 1].mean(0) - x[y == 0].mean(0)
    proj = x @ direction
    # Platt-scale the projection so diff-of-means scores are logits like the logistic probe's
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(C=1e4, max_iter=1000).fit(proj[:, None], y)
    return direction * clf.coef_[0, 0], float(clf.intercept_[0])


def fit_layer(x_train, y_train, x_val, y_val, layer: int, config: TrainConfig) -> LayerFit:
    """The best probe at one layer, by val AUROC."""
    best: LayerFit | None = None
    candidates = []
    if "logistic" in config.kinds:
        candidates += [("logistic", c) for c in config.c_grid]
    if "diffmean" in config.kinds:
        candidates.append(("diffmean", None))
    for kind, c in candidates:
        w, b = _fit_logistic(x_train, y_train, c, config.seed) if kind == "logistic" else _fit_diffmean(x_train, y_train)
        score = auroc(y_val, x_val @ w + b)
        if best is None or score > best.val_auroc + 1e-9:
            best = LayerFit(layer, kind, c, w, b, score)
    assert best is not None
    return best


def fit_principle(principle_id: str, acts: dict[int, np.ndarray], labels: np.ndarray, splits: np.ndarray,
                  config: TrainConfig = TrainConfig(), n_layers: int | None = None) -> PrincipleFit:
    """Fit and choose a probe for one principle from pooled activations ``{layer: [n, d]}``."""
    labels, splits = np.asarray(labels), np.asarray(splits)
    for split in ("train", "val"):
        present = set(labels[splits == split].tolist())
        if present != {0, 1}:
            raise TrainingError(f"principle {principle_id!r}: the {split} split has labels {sorted(present)}; "
                                f"a probe needs both compliant (0) and violating (1) examples there")
    tr, va = splits == "train", splits == "val"
    fits = {layer: fit_layer(x[tr], labels[tr], x[va], labels[va], layer, config) for layer, x in acts.items()}
    layers = sorted(fits)
    by_layer = {layer: fits[layer].val_auroc for layer in layers}
    smoothed = {}
    for i, layer in enumerate(layers):
        window = layers[max(0, i - config.smooth): i + config.smooth + 1]
        smoothed[layer] = float(np.mean([by_layer[w] for w in window]))
    # Best smoothed AUROC. Among near-ties (within config.tie) prefer the layer nearest the middle of the
    # network: on an easy split many layers reach 1.0, and the earliest of them reads surface wording
    # while middle layers carry the more abstract features that transfer to other data.
    best = max(smoothed.values())
    near = [layer for layer in layers if smoothed[layer] >= best - config.tie]
    middle = config.prefer_depth * (max(layers) + 1 if n_layers is None else n_layers)
    chosen_layer = min(near, key=lambda layer: (abs(layer - middle), -by_layer[layer]))
    return PrincipleFit(principle_id, fits[chosen_layer], by_layer, smoothed)


def calibrate(scores_compliant: np.ndarray, fpr: float) -> float:
    """The score that at most ``fpr`` of compliant examples reach."""
    s = np.sort(np.asarray(scores_compliant, dtype=float))
    k = int(np.floor(fpr * len(s)))
    return float(s[len(s) - 1 - k] + 1e-6)


# ---- the per-token monitor -----------------------------------------------------------------------------
def simulate_monitor(tokens: np.ndarray, *, mean: float, std: float, ewma: float, cusum_k: float,
                     warmup: int) -> tuple[float, float]:
    """Max EWMA and max CUSUM the watch() trend detector reaches over one answer's token scores.

    Mirrors :meth:`reasonwatch.monitor.WatchRun._update_trend`: the EWMA starts at the compliant token
    mean, the CUSUM at 0, and only steps from ``warmup`` on count toward the maximum.
    """
    e, c = mean, 0.0
    max_e = max_c = -np.inf
    for t, s in enumerate(np.asarray(tokens, dtype=np.float64), start=1):
        e = (1 - ewma) * e + ewma * s
        c = max(0.0, c + (s - mean) / std - cusum_k)
        if t >= warmup:
            max_e, max_c = max(max_e, e), max(max_c, c)
    if max_e == -np.inf:  # answers shorter than the warm-up: judge their last step
        max_e, max_c = e, c
    return max_e, max_c


def calibrate_monitor(compliant: list, *, target_fpr: float, warning_fpr: float, ewma: float = 0.25,
                      cusum_k: float = 0.5, warmup: int = 3) -> dict:
    """Monitor levels from compliant answers' token scores (each ``[n_tokens]``).

    The violation levels (EWMA and CUSUM) are set so that at most ``target_fpr`` of compliant answers
    would ever reach them; the warning levels likewise at ``warning_fpr``.
    """
    flat = np.concatenate([np.asarray(t, dtype=np.float64) for t in compliant])
    mean, std = float(flat.mean()), float(flat.std() + 1e-6)
    sims = np.array([simulate_monitor(t, mean=mean, std=std, ewma=ewma, cusum_k=cusum_k, warmup=warmup)
                     for t in compliant])
    return {"token_mean": mean, "token_std": std, "ewma": ewma, "cusum_k": cusum_k, "warmup": warmup,
            "monitor_threshold": calibrate(sims[:, 0], target_fpr),
            "monitor_warning": min(calibrate(sims[:, 0], warning_fpr), calibrate(sims[:, 0], target_fpr)),
            "cusum_violation": calibrate(sims[:, 1], target_fpr),
            "cusum_warning": min(calibrate(sims[:, 1], warning_fpr), calibrate(sims[:, 1], target_fpr))}


def monitor_fires(tokens: np.ndarray, levels: dict) -> bool:
    e, c = simulate_monitor(tokens, mean=levels["token_mean"], std=levels["token_std"], ewma=levels["ewma"],
                            cusum_k=levels["cusum_k"], warmup=levels["warmup"])
    return bool(e >= levels["monitor_threshold"] or c >= levels["cusum_violation"])


def _calibrate_monitors(model, tokenizer, bundle: ProbeBundle, examples: dict, *, batch_size: int,
                        progress: bool, log) -> ProbeBundle:
    """Teacher-force the val and test answers, calibrate each principle's monitor on val, report test."""
    from dataclasses import replace

    from .scoring import token_scores
    items = [(pid, e) for pid, exs in examples.items() for e in exs if e.split in ("val", "test")]
    scores = token_scores(model, tokenizer, bundle, [e.chat() for _, e in items], batch_size=batch_size,
                          progress=progress)
    probes = []
    for j, p in enumerate(bundle.principles):
        mine = [(e, s) for (pid, e), s in zip(items, scores) if pid == p.id]
        resp = [(e, s["response"][:, j]) for e, s in mine if s["response"] is not None and len(s["response"])]
        compliant_val = [t for e, t in resp if e.split == "val" and e.label == 0]
        if len(compliant_val) < 5:
            probes.append(p)
            continue
        levels = calibrate_monitor(compliant_val, target_fpr=p.target_fpr, warning_fpr=p.warning_fpr)
        prompts = [(e, s["prompt"][j]) for e, s in mine if e.level == "prompt"]
        prompt_thr = None
        if sum(1 for e, _ in prompts if e.split == "val" and e.label == 0) >= 5:
            prompt_thr = calibrate([v for e, v in prompts if e.split == "val" and e.label == 0], p.target_fpr)
        metrics = dict(p.metrics)
        test = [(e, t) for e, t in resp if e.split == "test"]
        fired = {lab: [monitor_fires(t, levels) for e, t in test if e.label == lab] for lab in (0, 1)}
        metrics["monitor_test"] = {
            "fpr": float(np.mean(fired[0])) if fired[0] else float("nan"),
            "tpr": float(np.mean(fired[1])) if fired[1] else float("nan"),
            "n_compliant": len(fired[0]), "n_violating": len(fired[1])}
        if prompt_thr is not None:
            tp = [(e.label, v) for e, v in prompts if e.split == "test"]
            metrics["prompt_test"] = {
                "fpr": float(np.mean([v >= prompt_thr for lab, v in tp if lab == 0])),
                "tpr": float(np.mean([v >= prompt_thr for lab, v in tp if lab == 1])),
                "auroc": auroc(np.array([lab for lab, _ in tp]), np.array([v for _, v in tp]))}
        metrics["prompt_level"] = prompt_thr is not None
        probes.append(replace(p, prompt_threshold=prompt_thr, metrics=metrics, **levels))
        log(f"{p.id:24s} monitor on test answers: fires on {metrics['monitor_test']['tpr']:.0%} of violating, "
            f"{metrics['monitor_test']['fpr']:.0%} of compliant"
            + (f"; prompt level: TPR {metrics['prompt_test']['tpr']:.0%} at FPR {metrics['prompt_test']['fpr']:.0%}"
               if prompt_thr is not None else ""))
    return replace(bundle, principles=tuple(probes))


# ---- orchestration ----------------------------------------------------------------------------------
@dataclass
class TrainResult:
    bundle: ProbeBundle
    fits: dict
    seconds_capture: float
    seconds_fit: float


def _principle_examples(constitution) -> dict[str, list]:
    from .data import check_splits, load_examples
    out = {}
    for p in constitution.principles:
        examples = [e for path in p.datasets for e in load_examples(path)]
        if not examples:
            raise TrainingError(f"principle {p.id!r}: its datasets hold no examples")
        check_splits(examples)
        labels = {e.label for e in examples}
        if labels != {0, 1}:
            raise TrainingError(f"principle {p.id!r}: every example has label {labels.pop()}; "
                                f"a probe needs both classes")
        out[p.id] = examples
    return out


def _steer_layer(probe_layer: int, n_layers: int, config: TrainConfig) -> int:
    if config.steer_layer is not None:
        return config.steer_layer % n_layers
    return int(min(max(probe_layer, n_layers // 4), (3 * n_layers) // 4 - 1))


def train_bundle(model, tokenizer, constitution, *, store_path: str | Path, layers: Sequence[int] | None = None,
                 config: TrainConfig = TrainConfig(), batch_size: int = 16, progress: bool = True,
                 log=print) -> TrainResult:
    """Capture, fit and calibrate every principle of ``constitution``; return the bundle (not saved)."""
    from .capture import capture, capture_to_store
    from .hooks import n_layers as count_layers
    from .models import fingerprint

    examples = _principle_examples(constitution)
    n_blocks = count_layers(model)
    layers = list(range(n_blocks)) if layers is None else [x % n_blocks for x in layers]
    flat = [{"id": f"{pid}:{e.id}", "messages": e.chat(), "label": e.label, "split": e.split,
             "group": e.group, "level": e.level, "hard": e.hard}
            for pid, exs in examples.items() for e in exs]
    t0 = time.perf_counter()
    with capture_to_store(model, tokenizer, flat, layers, store_path, position="auto", batch_size=batch_size,
                          progress=progress, metadata={"constitution": constitution.id}) as store:
        t_capture = time.perf_counter() - t0
        log(f"captured {store.n_examples} examples at {len(layers)} layers in {t_capture:.0f} s -> {store_path}")
        ids = store.ids
        row_of = {x: i for i, x in enumerate(ids)}
        all_acts = {layer: store.read(layer) for layer in layers}
    t1 = time.perf_counter()
    fits, probes = {}, []
    for p in constitution.principles:
        exs = examples[p.id]
        rows = np.array([row_of[f"{p.id}:{e.id}"] for e in exs])
        y = np.array([e.label for e in exs])
        splits = np.array([e.split for e in exs])
        allowed = layers if p.layers == "auto" else [x for x in layers if x in p.layers]
        if not allowed:
            raise TrainingError(f"principle {p.id!r}: its layer policy {p.layers} names no captured layer")
        fit = fit_principle(p.id, {layer: all_acts[layer][rows] for layer in allowed}, y, splits, config, n_blocks)
        fits[p.id] = fit
        ch = fit.chosen
        x = all_acts[ch.layer][rows]
        s = x @ ch.weight + ch.bias
        val0 = s[(splits == "val") & (y == 0)]
        threshold = calibrate(val0, p.threshold.target_fpr)
        warning = min(calibrate(val0, p.threshold.warning_fpr), threshold)
        steer_layer = _steer_layer(ch.layer, n_blocks, config)
        xs = all_acts[steer_layer][rows] if steer_layer in all_acts else None
        if xs is None:
            xs = capture(model, tokenizer, [e.chat() for e in exs], [steer_layer], progress=False).acts[steer_layer].numpy()
        steer_vec = _steering_vector(xs, y, exs, splits == "train")
        metrics = {"layer": ch.layer, "kind": ch.kind, "c": ch.c,
                   "val_auroc_by_layer": {str(k): v for k, v in fit.val_auroc_by_layer.items()}}
        for split in ("val", "test"):
            m = splits == split
            metrics[split] = evaluate(y[m], s[m], threshold, n_boot=config.n_boot, seed=config.seed)
            hard = m & np.array([e.hard for e in exs])
            hard_neg = (m & (y == 1)) | (hard & (y == 0))
            if (hard & (y == 0)).any():
                metrics[split]["hard_negative_auroc"] = auroc(y[hard_neg], s[hard_neg])
                metrics[split]["hard_negative_auroc_ci95"] = bootstrap_ci(auroc, y[hard_neg], s[hard_neg],
                                                                          config.n_boot, config.seed)
                metrics[split]["n_hard_negatives"] = int((hard & (y == 0)).sum())
            for level in ("prompt", "response"):
                lm = m & np.array([e.level == level for e in exs])
                if lm.any() and len(set(y[lm])) == 2 and not lm[m].all():
                    metrics[split][f"{level}_auroc"] = auroc(y[lm], s[lm])
        probes.append(PrincipleProbe(
            id=p.id, layer=ch.layer, kind=ch.kind, weight=torch.from_numpy(ch.weight.astype(np.float32)),
            bias=ch.bias, threshold=threshold, warning=warning, score_mean=float(val0.mean()),
            score_std=float(val0.std() + 1e-6), steer_layer=steer_layer,
            steer_vector=torch.from_numpy(steer_vec.astype(np.float32)),
            resid_norm=_token_norm(model, tokenizer, [e.chat() for e in exs[:48]], steer_layer),
            action=p.action, steer=p.steer, target_fpr=p.threshold.target_fpr,
            warning_fpr=p.threshold.warning_fpr, metrics=metrics))
        log(f"{p.id:24s} layer {ch.layer:2d} {ch.kind:8s} val AUROC {metrics['val']['auroc']:.3f} "
            f"test AUROC {metrics['test']['auroc']:.3f} {_fmt_ci(metrics['test']['auroc_ci95'])} "
            f"TPR@1%FPR {metrics['test']['tpr_at_1pct_fpr']:.2f}")
    t_fit = time.perf_counter() - t1
    bundle = ProbeBundle(tuple(probes), fingerprint(model),
                         {"id": constitution.id, "version": constitution.version, "sha256": constitution.sha256},
                         new_info(layers=layers, position="auto", c_grid=list(config.c_grid),
                                  kinds=list(config.kinds), seconds_fit=round(t_fit, 1)))
    bundle = _calibrate_monitors(model, tokenizer, bundle, examples, batch_size=batch_size, progress=progress,
                                 log=log)
    return TrainResult(bundle, fits, t_capture, t_fit)


def _steering_vector(x: np.ndarray, y: np.ndarray, exs: list, train: np.ndarray, min_pairs: int = 10) -> np.ndarray:
    """mean(compliant) - mean(violating) responses, from topic groups that hold both labels.

    A steering vector acts on the model's *answer*, so it is taken from response-level examples; and
    where a topic group holds a compliant and a violating answer to the same kind of request (a refusal
    and a harmful compliance, a correction and a cave-in), only those groups are used, so the vector
    carries the behaviour and not the topic. Falls back to all response-level, then all, examples.
    """
    response = np.array([e.level == "response" for e in exs])
    groups = np.array([e.group for e in exs])
    mixed = {g for g in set(groups[train & response]) if len(set(y[train & response & (groups == g)])) == 2}
    paired = train & response & np.isin(groups, list(mixed))
    for mask in (paired, train & response, train):
        if (mask & (y == 0)).sum() >= min_pairs and (mask & (y == 1)).sum() >= min_pairs:
            return x[mask & (y == 0)].mean(0) - x[mask & (y == 1)].mean(0)
    return x[train & (y == 0)].mean(0) - x[train & (y == 1)].mean(0)


def _token_norm(model, tokenizer, chats, layer: int) -> float:
    """Mean per-token L2 norm of the residual stream at ``layer`` (relative steering strengths use it)."""
    from .capture import capture
    acts = capture(model, tokenizer, chats, [layer], position="all", progress=False).acts[layer]
    return float(acts.norm(dim=-1).mean())


def _fmt_ci(ci) -> str:
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def metrics_table(bundle: ProbeBundle) -> str:
    """Markdown table of every principle's metrics."""
    head = ("| principle | layer | kind | val AUROC | test AUROC (95% CI) | test acc | TPR@1%FPR | "
            "threshold TPR / FPR (test) | hard-negative AUROC (test) |\n|---|---|---|---|---|---|---|---|---|\n")
    rows = []
    for p in bundle.principles:
        v, t = p.metrics["val"], p.metrics["test"]
        hard = (f"{t['hard_negative_auroc']:.3f} {_fmt_ci(t['hard_negative_auroc_ci95'])} (n={t['n_hard_negatives']})"
                if "hard_negative_auroc" in t else "–")
        rows.append(f"| {p.id} | {p.layer} | {p.kind} | {v['auroc']:.3f} | {t['auroc']:.3f} {_fmt_ci(t['auroc_ci95'])} "
                    f"| {t['accuracy']:.3f} | {t['tpr_at_1pct_fpr']:.2f} | {t['threshold_tpr']:.2f} / "
                    f"{t['threshold_fpr']:.2f} | {hard} |")
    return head + "\n".join(rows) + "\n"


def plot_auroc_by_layer(fits: dict, path: str | Path) -> Path:
    """Figure: val AUROC against layer for every principle."""
    from matplotlib.figure import Figure
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    for pid, fit in fits.items():
        layers = sorted(fit.val_auroc_by_layer)
        ax.plot(layers, [fit.val_auroc_by_layer[x] for x in layers], marker=".", label=pid)
        ax.scatter([fit.chosen.layer], [fit.chosen.val_auroc], s=60, edgecolor="k", zorder=3)
    ax.set_xlabel("layer (residual stream after block)")
    ax.set_ylabel("val AUROC")
    ax.set_title("Probe AUROC by layer (circles: chosen layer)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return Path(path)
