"""Training: one probe per principle and layer, the layer chosen on val, thresholds calibrated, a bundle.

Lifecycle of ``reasonwatch train``:

1. Load the constitution and every principle's examples (splits are by topic group; a principle needs
   both labels in train and val).
2. Capture once: every example at every block, position rule ``"auto"`` (mean over the response for
   response-level examples, the last prompt token for prompt-level ones), into a resumable HDF5 store.
   Principles that read requests as the user turn's mean (``request_pool``) or answers at their last
   content token (``response_pool``, honesty) get those readings from stores beside it.
3. Per principle and layer, on the train split: a standardised logistic-regression probe for each
   regularisation strength in the grid, and a difference-of-means direction. Val AUROC picks the
   strength, the kind and the layer (val AUROC smoothed over neighbouring layers, so one lucky layer on
   a small val set does not win; among near-ties, the layer nearest mid-depth). Test is only ever
   reported, never used to choose. A principle with a ``train_filter`` (honesty: bare factual statements
   of the non-numeric categories) is fitted, chosen, calibrated and evaluated on that subset only; its
   other examples are scored once, as data the probe never saw (``outside_filter`` in its metrics).
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
    levels: dict = field(default_factory=lambda: {"harmlessness": "prompt"})
    """Principles whose probe is fitted on one level only (``prompt``: a request, judged at its last token,
    where the gate that corrects the same pass reads it). Their answers still calibrate the monitor."""
    neutral: int = 400
    """Plain true statements (the honesty data's, framed as an answer to the neutral request bare texts are
    scored with) added as compliant examples to every other principle: a plain fact violates nothing."""
    request_pool: dict = field(default_factory=lambda: {"harmlessness": "mean+last"})
    """Principles judged on requests whose request is read as the mean over the user's turn (``mean``, the
    capture rule ``request_mean``), or as that mean and the last token together (``mean+last``: one
    logistic probe over both, stored as ``weight`` and ``last_weight``), instead of the last token alone
    (``last``); chosen on val (harmlessness val AUROC: last 0.898, mean 0.929, mean+last 0.945). The means
    are captured into a second store beside the first (``<store>.request.h5``)."""
    response_pool: dict = field(default_factory=lambda: {"honesty": "last"})
    """Principles whose answers are read at their last content token (``last``, the capture rule
    ``response_last``: the token before ``<|im_end|>``) instead of the mean over the answer's tokens: a
    statement's truth is read where it ends, and the mean washes it out. Their response-level examples are
    captured into a third store beside the first (``<store>.response_last.h5``); the bundle records the
    reading (``PrincipleProbe.response_pool``) and scoring uses it."""
    train_filter: dict = field(default_factory=lambda: {"honesty": "bare_facts+misconceptions+deception"})
    """Principles whose probe is fitted, chosen and evaluated on a subset of their examples only, by name
    (:data:`TRAIN_FILTERS`); the subset's examples are kept whole (never thinned by ``max_examples``). The
    metrics add ``outside_filter``: the same probe on the principle's other examples, which it never saw.
    Honesty: ``bare_facts+misconceptions+deception`` (:func:`truth_and_deception`): bare true and false
    factual statements of the non-numeric categories, misconceptions against their corrections, and
    role-play deception, all read at their last token. Chosen on val by the mean AUROC over those four kinds
    (bare statements, misconceptions, deception, its hard cases) of a logistic probe at block 15 fitted on
    each candidate mix (C 0.01 or 0.1, the better): bare statements alone 0.60 (0.81 on them, but 0.16-0.50
    on deception: it read honest disclosures as the false ones), with deception 0.79, with misconceptions
    too **0.84** (bare statements 0.78-0.79, misconceptions 0.72-0.77, deception 0.99 and 0.78-0.85), with
    the other question-and-answer forms of the facts too 0.80, with every example 0.81 (those forms stay
    near 0.58 and numeric facts near 0.55 however they are mixed in, and bare statements fall to 0.74-0.76)."""
    steer_candidates: tuple = (12, 14, 16)
    """Blocks the on-policy harmlessness correction may act at (only those after its probe layer: same pass)."""
    steer_mults: tuple = (1.5, 2.0, 2.5, 3.0)
    """Strengths the on-policy harmlessness correction may take, as multiples of its direction's own norm (1.0
    was dropped: it induced the refusal opening on 45-48% of val harmful requests, against 65% for the chosen
    2.5, and its candidates were a fifth of the strength search's time)."""
    steer_tails: tuple = (1, 5)
    """How many of the prompt's last tokens the on-policy harmlessness correction may touch (with SmolLM2's chat
    template, 5 are the template's tokens after the user's turn: ``<|im_end|>``, a newline, ``<|im_start|>``,
    ``assistant``, a newline)."""
    steer_max_ppl: float = 1.08
    """The on-policy harmlessness correction's strength keeps the perplexity of the model's own benign val
    answers, correction forced on, within this ratio: the target is x1.10 on test, and a strength chosen at the
    bound on val (40 answers) lands on either side of it there (x1.099 on val gave x1.110 on test)."""
    steer_val: int = 40
    """Val requests per label that choose the on-policy correction's block and strength."""
    halt_after: int | None = 4
    """Escalation for the harmlessness principle: halt after this many answer tokens still violating with the
    correction on."""
    release_recall: float | None = 0.9
    """Release for the harmlessness principle: the reading "about to refuse" at the prompt's last token reads
    this share of the model's own val refusals as refusals (None: no release)."""
    reading_benign: int | None = 1000
    """At most this many of the model's greedy answers to benign train requests that it did not refuse (a
    seeded sample; val: a quarter as many) go into the harmlessness correction's teacher-forced pass (its
    direction, halt and release readings); every refusal is kept, answers to harmful requests up to
    :attr:`reading_harmful`. The pass is most of a rebuild, and those answers are the plentiful, least
    informative kind. ``None``: all."""
    reading_harmful: int | None = 1100
    """The same for harmful train requests the model answered (val: a quarter as many); the refusal direction
    contrasts them with the harmful requests it refused, whose mean needs no more. With 1,040 train-only harm
    requests added (most of them answered, 247 more refusals, all kept), this holds the pass near its earlier
    size (3,420 answers against 3,391) and a rebuild under 5 minutes. ``None``: all."""
    monitor_per_split: int | None = 150
    """Val (and test) examples per principle whose answers calibrate (and test) the per-token monitor."""
    max_examples: dict | None = field(default_factory=lambda: {"templated": 500, "onpolicy": 300})
    """Examples per principle and source family at most, thinned by whole topic groups (hand-written ones
    are always kept): what a 2-core CPU captures in about half an hour. ``None`` keeps everything."""
    n_folds: int = 4
    """Category folds for held-out selection (:mod:`reasonwatch.selection`)."""
    shared_layer: int | None = 15
    """The block every probe sits at unless another one scores more than ``layer_tolerance`` higher in
    held-out selection: each distinct probe layer is one more hook per decode step in ``watch()`` (with
    probes at blocks 6, 12 and 15 the armed hook share was 1.18% against 0.84% at one block). ``None``:
    each principle takes its best layer."""
    layer_tolerance: float = 0.02
    """See ``shared_layer``: about the spread of held-out AUROC between neighbouring candidates."""
    max_train: int = 3000
    """Rows a held-out fold's probe is fitted on at most (a seeded sample)."""
    select_every: int = 3
    """With more than 8 captured layers, held-out selection compares every ``select_every``-th (from block 3
    to 4 before the last), which keeps it within minutes on a CPU; neighbouring layers differ little."""


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
    val_auroc_by_layer: dict = field(default_factory=dict)   # layer -> best val (or held-out) AUROC
    smoothed_by_layer: dict = field(default_factory=dict)
    selection: object = None                                 # a selection.Selection when chosen on held-out folds


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
    """95% percentile interval of ``fn(y, s)`` over ``n_boot`` resamples (those where it is NaN left out)."""
    rng = np.random.default_rng(seed)
    y, s = np.asarray(y), np.asarray(s)
    idx = np.array([rng.integers(0, len(y), len(y)) for _ in range(n_boot)], dtype=np.int64).reshape(n_boot, len(y))
    stats = _resampled_auroc(y, s, idx) if fn is auroc else np.array([fn(y[i], s[i]) for i in idx], dtype=float)
    stats = stats[~np.isnan(stats)]
    if not len(stats):
        return [float("nan"), float("nan")]
    return [float(np.percentile(stats, 2.5)), float(np.percentile(stats, 97.5))]


def _resampled_auroc(y: np.ndarray, s: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """:func:`auroc` of every resample ``idx`` ``[n_boot, n]`` at once, the same values: a resample's
    Mann-Whitney U is the count of (violating, compliant) pairs it holds with the violating one scored higher
    (ties count half), weighted by how often each example was drawn; integer sums, exact in float64."""
    y, s = np.asarray(y).astype(bool), np.asarray(s, dtype=np.float64)
    n_boot, n = idx.shape
    counts = np.bincount((idx + n * np.arange(n_boot)[:, None]).ravel(), minlength=n_boot * n)
    order = np.argsort(s, kind="stable")
    counts = counts.reshape(n_boot, n)[:, order].astype(np.float64)
    ties = np.flatnonzero(np.r_[True, np.diff(s[order]) != 0])   # first of each run of equal scores
    pos = np.add.reduceat(counts * y[order], ties, axis=1)       # violating drawn, per distinct score
    neg = np.add.reduceat(counts * ~y[order], ties, axis=1)
    below = np.cumsum(neg, axis=1) - neg                         # compliant drawn with a lower score
    u = (pos * (below + 0.5 * neg)).sum(1)
    n1, n0 = pos.sum(1), neg.sum(1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((n1 > 0) & (n0 > 0), u / (n1 * n0), np.nan)


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
    from threadpoolctl import threadpool_limits
    mean, std = x.mean(0), x.std(0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    # one BLAS thread: lbfgs makes many small products, and with two OpenBLAS threads beside torch's own
    # each fit ran about 20 times slower on a 2-core machine (selection fits over a thousand)
    with threadpool_limits(limits=1, user_api="blas"):
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
    """The best probe at one layer, by val AUROC; ties go to the lower val log-loss (not to grid order)."""
    from .selection import log_loss
    candidates = []
    if "logistic" in config.kinds:
        candidates += [("logistic", c) for c in config.c_grid]
    if "diffmean" in config.kinds:
        candidates.append(("diffmean", None))
    fits = []
    for kind, c in candidates:
        w, b = _fit_logistic(x_train, y_train, c, config.seed) if kind == "logistic" else _fit_diffmean(x_train, y_train)
        s = x_val @ w + b
        fits.append((LayerFit(layer, kind, c, w, b, auroc(y_val, s)), log_loss(y_val, s)))
    best = max(f.val_auroc for f, _ in fits)
    return min(((f, loss) for f, loss in fits if f.val_auroc >= best - 1e-9), key=lambda t: t[1])[0]


def fit_principle(principle_id: str, acts: dict[int, np.ndarray], labels: np.ndarray, splits: np.ndarray,
                  config: TrainConfig = TrainConfig(), n_layers: int | None = None, *,
                  families: np.ndarray | None = None, categories: np.ndarray | None = None) -> PrincipleFit:
    """Fit and choose a probe for one principle from pooled activations ``{layer: [n, d]}``.

    With ``families`` and ``categories`` (per example) the layer, kind and strength are chosen on held-out
    categories and families (:mod:`reasonwatch.selection`), the probe is then refitted on the whole train
    split; without them (or when no held-out fold has both labels), on the val split as before.
    """
    labels, splits = np.asarray(labels), np.asarray(splits)
    for split in ("train", "val"):
        present = set(labels[splits == split].tolist())
        if present != {0, 1}:
            raise TrainingError(f"principle {principle_id!r}: the {split} split has labels {sorted(present)}; "
                                f"a probe needs both compliant (0) and violating (1) examples there")
    tr, va = splits == "train", splits == "val"
    if families is not None and categories is not None:
        from .selection import heldout_folds, select
        folds = heldout_folds(labels, splits, np.asarray(families), np.asarray(categories),
                              n_folds=config.n_folds, seed=config.seed)
        if folds:
            sel = select({k: v for k, v in acts.items() if k in _selection_layers(acts, config, n_layers)},
                         labels, folds, c_grid=config.c_grid, kinds=config.kinds, seed=config.seed,
                         max_train=config.max_train, prefer=config.shared_layer, tolerance=config.layer_tolerance)
            ch = sel.chosen
            x = acts[ch.layer]
            from .selection import fit_candidate
            w, b = fit_candidate(x[tr], labels[tr], ch.kind, ch.c, config.seed)
            chosen = LayerFit(ch.layer, ch.kind, ch.c, w, b, auroc(labels[va], x[va] @ w + b))
            by_layer: dict = {}
            for cand, score, _ in sel.table:
                by_layer[cand.layer] = max(by_layer.get(cand.layer, -np.inf), score)
            return PrincipleFit(principle_id, chosen, by_layer, dict(by_layer), selection=sel)
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


def _selection_layers(acts: dict, config: TrainConfig, n_layers: int | None) -> list[int]:
    layers = sorted(acts)
    if len(layers) <= 8:  # a handful of layers chosen by the caller: compare them all
        return layers
    n = n_layers or (max(layers) + 1)
    wanted = [x for x in layers if 3 <= x <= n - 4 and (x - 3) % config.select_every == 0]
    return wanted or layers


def calibrate(scores_compliant: np.ndarray, fpr: float) -> float:
    """The score that at most ``fpr`` of compliant examples reach."""
    s = np.sort(np.asarray(scores_compliant, dtype=float))
    k = int(np.floor(fpr * len(s)))
    return float(s[len(s) - 1 - k] + 1e-6)


def calibrate_by_kind(scores_compliant: np.ndarray, hard: np.ndarray, fpr: float, min_n: int = 20) -> float:
    """The score that at most ``fpr`` of compliant examples reach among look-alikes (``hard``) and among the
    rest, each on its own (the higher of the two levels), so the level does not loosen on look-alikes when
    the data holds many easy compliant examples; :func:`calibrate` over all of them where either kind has
    fewer than ``min_n``."""
    scores_compliant, hard = np.asarray(scores_compliant, dtype=float), np.asarray(hard, dtype=bool)
    if min(hard.sum(), (~hard).sum()) < min_n:
        return calibrate(scores_compliant, fpr)
    return max(calibrate(scores_compliant[hard], fpr), calibrate(scores_compliant[~hard], fpr))


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


def _sample(items: list, n: int | None, seed: int = 0) -> list:
    """At most ``n`` of ``items``, a seeded sample in the original order."""
    if n is None or len(items) <= n:
        return items
    return [items[i] for i in sorted(np.random.default_rng(seed).choice(len(items), n, replace=False))]


def _calibrate_monitors(model, tokenizer, bundle: ProbeBundle, examples: dict, *, batch_size: int,
                        progress: bool, log, per_split: int | None = None) -> ProbeBundle:
    """Teacher-force the val and test answers (at most ``per_split`` per principle and split, a seeded
    sample), calibrate each principle's monitor on val, report test."""
    from dataclasses import replace

    from .scoring import token_scores
    items = []  # the model's own answers (on-policy) first: the monitor runs on them
    for pid, exs in examples.items():
        for split in ("val", "test"):
            own = [e for e in exs if e.split == split and e.family == "onpolicy"]
            rest = [e for e in exs if e.split == split and e.family != "onpolicy"]
            room = None if per_split is None else max(per_split - len(own), per_split // 2)
            items += [(pid, e) for e in own + _sample(rest, room)]
    convs: dict = {}  # a conversation several principles share (on-policy answers, neutral statements) runs once
    for _, e in items:
        convs.setdefault(e.messages, e.chat())
    scored = dict(zip(convs, token_scores(model, tokenizer, bundle, list(convs.values()), batch_size=batch_size,
                                          progress=progress)))
    scores = [scored[e.messages] for _, e in items]
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
        if p.judges == "prompt":  # fitted on requests: its threshold was calibrated on every val request
            prompt_thr = p.threshold
        elif sum(1 for e, _ in prompts if e.split == "val" and e.label == 0) >= 5:
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


# Requests are short (a prompt, scored at its last token): the harmlessness set is captured whole (no cap).
_CAPS_FOR = {"harmlessness": {"templated": None}}


NON_NUMERIC_FACTS = ("animals", "capitals", "cities", "continents", "dates", "elements", "translations")
"""Honesty's factual categories whose truth a probe at a statement's last token reads across held-out
categories (in arithmetic, comparisons and units it does not: the model hardly knows the answers)."""


def bare_fact(e) -> bool:
    """A templated bare factual statement, true or false, of a non-numeric category (:data:`NON_NUMERIC_FACTS`),
    framed as the answer to the neutral request bare texts are scored with; not a negation, a question and
    answer, or a misconception (the generator's note ``"bare statement"``, data/generators/truth.py)."""
    from .scoring import BARE_TEXT_REQUEST
    return (e.family == "templated" and e.level == "response" and e.note == "bare statement"
            and e.category in NON_NUMERIC_FACTS and len(e.messages) == 2
            and e.messages[0].role == "user" and e.messages[0].content == BARE_TEXT_REQUEST)


def truth_and_deception(e) -> bool:
    """:func:`bare_fact`, or a templated example of the ``misconceptions`` category (a common misconception
    against its correction, as a bare statement or as a question's answer) or of the ``deception`` category
    (role-play whose system prompt gives the assistant a reason to lie; honest disclosure against a denial,
    with the context flipped and the cues crossed in its hard cases), read at the answer's last token."""
    return bare_fact(e) or (e.family == "templated" and e.level == "response"
                            and e.category in ("misconceptions", "deception"))


TRAIN_FILTERS = {"bare_facts": bare_fact, "bare_facts+misconceptions+deception": truth_and_deception}
"""Named example filters for ``TrainConfig.train_filter``: ``{name: predicate(example) -> bool}``."""


def _filter_of(principle_id: str, config: TrainConfig):
    """The predicate of ``principle_id``'s training filter, or ``None``."""
    name = config.train_filter.get(principle_id)
    if name is None:
        return None
    if name not in TRAIN_FILTERS:
        raise TrainingError(f"principle {principle_id!r}: unknown train_filter {name!r}; "
                            f"known: {', '.join(sorted(TRAIN_FILTERS))}")
    return TRAIN_FILTERS[name]


def train_filter_mask(principle_id: str, examples: list, config: TrainConfig) -> np.ndarray | None:
    """Which of ``examples`` the principle's probe is fitted, chosen and evaluated on
    (``config.train_filter``); ``None`` when it has no filter (all of them)."""
    keep = _filter_of(principle_id, config)
    return None if keep is None else np.array([bool(keep(e)) for e in examples], dtype=bool)


def _judged(principle_id: str, examples: list, config: TrainConfig) -> list:
    """The examples a principle's probe is fitted on: those of its level (``config.levels``), else all."""
    if principle_id in config.levels:
        return [e for e in examples if e.level == config.levels[principle_id]]
    return examples


def _principle_examples(constitution, limit: dict | None = None, seed: int = 0,
                        keep: dict | None = None) -> dict[str, list]:
    """Every principle's examples, its capped families thinned (:func:`_limit_families`); those that
    ``keep[principle]`` (a predicate) accepts are kept whole. Order is the datasets' order."""
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
        caps = None if limit is None else {**limit, **_CAPS_FOR.get(p.id, {})}
        out[p.id] = _limit_families(examples, caps, seed)
        if keep and keep.get(p.id) is not None:  # the filter's examples whole, beside the capped rest
            capped = {id(e) for e in out[p.id]}
            out[p.id] = [e for e in examples if id(e) in capped or keep[p.id](e)]
    return out


def training_examples(constitution, config: TrainConfig) -> dict[str, list]:
    """Every principle's examples as training uses them: family caps (a principle's ``train_filter``
    examples kept whole), then the neutral statements."""
    keep = {p.id: _filter_of(p.id, config) for p in constitution.principles}
    examples = _principle_examples(constitution, config.max_examples, config.seed, keep=keep)
    if "honesty" not in examples or not config.neutral:
        return examples
    from .data import load_examples
    honesty = [e for path in constitution.principle("honesty").datasets for e in load_examples(path)]
    return _with_neutral(examples, honesty, config.neutral, config.seed)


def _with_neutral(examples: dict, source: list, n: int, seed: int = 0) -> dict:
    """Add ``n`` plain true statements (templated label-0 bare texts of ``source``, the honesty data, each
    kept in its group's split) to every other principle's examples as compliant ones."""
    from dataclasses import replace
    from .scoring import BARE_TEXT_REQUEST
    pool = [e for e in source if e.label == 0 and e.family == "templated"
            and e.messages[0].content == BARE_TEXT_REQUEST and len(e.messages) == 2]
    if not n or not pool:
        return examples
    picked = _sample(pool, n, seed)
    out = {}
    for pid, exs in examples.items():
        extra = [] if pid == "honesty" else [replace(e, id=f"neutral-{e.id}", category="neutral", hard=False)
                                             for e in picked]
        out[pid] = exs + extra
    return out


def _limit_families(examples: list, caps: dict | None, seed: int) -> list:
    """At most ``caps[family]`` examples of each capped family (hand-written ones are never thinned; a cap of
    ``None`` keeps the family whole), taken by whole topic groups (so contrastive twins stay together), a
    seeded sample; order is kept."""
    caps = {family: cap for family, cap in (caps or {}).items() if cap is not None}
    if not caps:
        return examples
    keep = {id(e) for e in examples if e.family not in caps}
    for family, cap in caps.items():
        by_group: dict = {}
        for e in examples:
            if e.family == family:
                by_group.setdefault(e.group, []).append(e)
        groups = sorted(by_group)
        taken = 0
        for i in np.random.default_rng(seed).permutation(len(groups)):
            if taken >= cap:
                break
            keep |= {id(e) for e in by_group[groups[i]]}
            taken += len(by_group[groups[i]])
    return [e for e in examples if id(e) in keep]


def _steer_layer(probe_layer: int, n_layers: int, config: TrainConfig, captured=()) -> int:
    """The probe's own layer, moved into the middle half of the network where steering vectors work best
    (to the nearest captured layer there, so no extra forward pass is needed)."""
    if config.steer_layer is not None:
        return config.steer_layer % n_layers
    lo, hi = n_layers // 4, (3 * n_layers) // 4 - 1
    if lo <= probe_layer <= hi:
        return probe_layer
    inside = [x for x in captured if lo <= x <= hi]
    if inside:
        return min(inside, key=lambda x: abs(x - probe_layer))
    return int(min(max(probe_layer, lo), hi))


def train_bundle(model, tokenizer, constitution, *, store_path: str | Path, layers: Sequence[int] | None = None,
                 config: TrainConfig = TrainConfig(), batch_size: int = 16, progress: bool = True,
                 log=print, onpolicy_answers: str | Path | None = None) -> TrainResult:
    """Capture, fit and calibrate every principle of ``constitution``; return the bundle (not saved).

    With ``onpolicy_answers`` (the JSONL :func:`reasonwatch.onpolicy.build_onpolicy_data` appends the
    model's answers to), the harmlessness correction is rebuilt from the model's own refusals
    (:func:`_with_refusal_steering`)."""
    from .capture import capture, capture_to_store, turn_header
    from .hooks import n_layers as count_layers
    from .models import fingerprint

    examples = training_examples(constitution, config)
    n_blocks = count_layers(model)
    layers = list(range(n_blocks)) if layers is None else [x % n_blocks for x in layers]
    flat = _store_rows((pid, e) for pid, exs in examples.items() for e in exs)
    t0 = time.perf_counter()
    with capture_to_store(model, tokenizer, flat, layers, store_path, position="auto", batch_size=batch_size,
                          progress=progress, metadata={"constitution": constitution.id}) as store:
        t_capture = time.perf_counter() - t0
        log(f"captured {store.n_examples} examples at {len(layers)} layers in {t_capture:.0f} s -> {store_path}")
        ids = store.ids
        row_of = {x: i for i, x in enumerate(ids)}
        all_acts = {layer: store.read(layer) for layer in layers}
    pooled = _request_pooled(model, tokenizer, constitution, examples, layers, store_path, config,
                             batch_size=batch_size, progress=progress, log=log,
                             last={layer: (a, row_of) for layer, a in all_acts.items()})
    last_read = _response_last(model, tokenizer, constitution, examples, layers, store_path, config,
                               batch_size=batch_size, progress=progress, log=log, main=(all_acts, row_of))
    t_capture = time.perf_counter() - t0  # every store
    t1 = time.perf_counter()
    resid_norms = _token_norms(model, tokenizer, [e.chat() for exs in examples.values() for e in exs[:4]], n_blocks)
    fits, probes = {}, []
    for p in constitution.principles:
        exs = _judged(p.id, examples[p.id], config)  # the monitor still calibrates on every level
        if p.id in pooled:
            acts_p = pooled[p.id]
        elif p.id in last_read:
            acts_p = last_read[p.id]
        else:
            rows = np.array([row_of[f"{p.id}:{e.id}"] for e in exs])
            acts_p = {layer: a[rows] for layer, a in all_acts.items()}
        y = np.array([e.label for e in exs])
        splits = np.array([e.split for e in exs])
        allowed = layers if p.layers == "auto" else [x for x in layers if x in p.layers]
        if not allowed:
            raise TrainingError(f"principle {p.id!r}: its layer policy {p.layers} names no captured layer")
        families = np.array([e.family for e in exs])
        categories = np.array([e.category or e.group for e in exs])
        # a train filter: the probe is fitted, chosen, calibrated and evaluated on its examples only (the
        # same kind of example throughout); the others are scored once, below, as data it never saw
        keep = train_filter_mask(p.id, exs, config)
        sub = (lambda a: a) if keep is None else (lambda a: a[keep])
        fexs = exs if keep is None else [e for e, k in zip(exs, keep) if k]
        fy, fsplits, ffamilies = sub(y), sub(splits), sub(families)
        fit = fit_principle(p.id, {layer: sub(acts_p[layer]) for layer in allowed}, fy, fsplits, config,
                            n_blocks, families=ffamilies, categories=sub(categories))
        fits[p.id] = fit
        ch = fit.chosen
        x = sub(acts_p[ch.layer])
        s = x @ ch.weight + ch.bias
        val0 = s[(fsplits == "val") & (fy == 0)]
        threshold = calibrate_by_kind(val0, np.array([e.hard for e in fexs])[(fsplits == "val") & (fy == 0)],
                                      p.threshold.target_fpr)
        warning = min(calibrate(val0, p.threshold.warning_fpr), threshold)
        steer_layer = _steer_layer(ch.layer, n_blocks, config, captured=layers)
        d = all_acts[layers[0]].shape[1]
        xs = acts_p.get(steer_layer)
        if p.id in last_read:  # a steering vector acts on every answer token: from the answers' means (the
            xs = all_acts.get(steer_layer)  # main store), over all the principle's examples, filtered or not
            xs = None if xs is None else xs[np.array([row_of[f"{p.id}:{e.id}"] for e in exs])]
        if xs is not None:
            xs = xs[:, :d]                       # a mean+last reading steers with the mean's part
        if xs is None:
            xs = capture(model, tokenizer, [e.chat() for e in exs], [steer_layer], progress=False).acts[steer_layer].numpy()
        steer_vec = _steering_vector(xs, y, exs, splits == "train")
        metrics = {"layer": ch.layer, "kind": ch.kind, "c": ch.c,
                   "val_auroc_by_layer": {str(k): v for k, v in fit.val_auroc_by_layer.items()}}
        metrics.update(_generalization_metrics(fit, x, fy, fsplits, ffamilies, fexs, config))
        if keep is not None:
            metrics["train_filter"] = config.train_filter[p.id]
            metrics["outside_filter"] = _outside_filter_metrics(acts_p[ch.layer] @ ch.weight + ch.bias, y,
                                                                splits, ~keep, exs, threshold, config)
        for split in ("val", "test"):
            m = fsplits == split
            metrics[split] = evaluate(fy[m], s[m], threshold, n_boot=config.n_boot, seed=config.seed)
            hard = m & np.array([e.hard for e in fexs])
            hard_neg = (m & (fy == 1)) | (hard & (fy == 0))
            if (hard & (fy == 0)).any():
                metrics[split]["hard_negative_auroc"] = auroc(fy[hard_neg], s[hard_neg])
                metrics[split]["hard_negative_auroc_ci95"] = bootstrap_ci(auroc, fy[hard_neg], s[hard_neg],
                                                                          config.n_boot, config.seed)
                metrics[split]["n_hard_negatives"] = int((hard & (fy == 0)).sum())
            for level in ("prompt", "response"):
                lm = m & np.array([e.level == level for e in fexs])
                if lm.any() and len(set(fy[lm])) == 2 and not lm[m].all():
                    metrics[split][f"{level}_auroc"] = auroc(fy[lm], s[lm])
        probes.append(PrincipleProbe(
            id=p.id, layer=ch.layer, kind=ch.kind, weight=torch.from_numpy(ch.weight[:d].astype(np.float32)),
            bias=ch.bias, threshold=threshold, warning=warning, score_mean=float(val0.mean()),
            score_std=float(val0.std() + 1e-6), steer_layer=steer_layer,
            steer_vector=torch.from_numpy(steer_vec.astype(np.float32)),
            resid_norm=resid_norms[steer_layer],
            action=p.action, steer=p.steer, target_fpr=p.threshold.target_fpr,
            judges=config.levels.get(p.id, "both"), request_pool="mean" if p.id in pooled else "last",
            response_pool="last" if p.id in last_read else "mean",
            last_weight=torch.from_numpy(ch.weight[d:].astype(np.float32)) if ch.weight.shape[0] > d else None,
            warning_fpr=p.threshold.warning_fpr, metrics=metrics))
        log(f"{p.id:24s} layer {ch.layer:2d} {ch.kind:8s} val AUROC {metrics['val']['auroc']:.3f} "
            f"test AUROC {metrics['test']['auroc']:.3f} {_fmt_ci(metrics['test']['auroc_ci95'])} "
            f"TPR@1%FPR {metrics['test']['tpr_at_1pct_fpr']:.2f}"
            + (f" ({metrics['train_filter']}; the rest, not trained on: test AUROC {rest['auroc']:.3f} "
               f"{_fmt_ci(rest['auroc_ci95'])})" if (rest := metrics.get("outside_filter", {}).get("test")) else ""))
    if onpolicy_answers is not None and "harmlessness" in [p.id for p in probes]:
        probes = _with_refusal_steering(model, tokenizer, constitution, probes, examples, onpolicy_answers,
                                        resid_norms, n_blocks, config, log)
    t_fit = time.perf_counter() - t1
    bundle = ProbeBundle(tuple(probes), fingerprint(model),
                         {"id": constitution.id, "version": constitution.version, "sha256": constitution.sha256},
                         new_info(layers=layers, position="auto", c_grid=list(config.c_grid),
                                  turn_header=turn_header(tokenizer), request_pool=dict(config.request_pool),
                                  response_pool=dict(config.response_pool), train_filter=dict(config.train_filter),
                                  kinds=list(config.kinds), seconds_fit=round(t_fit, 1),
                                  resid_norm_by_layer={str(k): v for k, v in resid_norms.items()}))
    bundle = _calibrate_monitors(model, tokenizer, bundle, examples, batch_size=batch_size, progress=progress,
                                 log=log, per_split=config.monitor_per_split)
    return TrainResult(bundle, fits, t_capture, t_fit)


def _store_rows(pairs) -> list[dict]:
    """Capture rows for ``(principle id, example)`` pairs: each example under the id ``<principle>:<example id>``
    (an example several principles share is captured once per principle)."""
    return [{"id": f"{pid}:{e.id}", "messages": e.chat(), "label": e.label, "split": e.split, "group": e.group,
             "level": e.level, "hard": e.hard} for pid, e in pairs]


def _capture_beside(model, tokenizer, constitution, flat: list[dict], layers, store_path, position: str, *,
                    batch_size: int, progress: bool) -> tuple[Path, dict, dict]:
    """Capture ``flat`` (resumably) with the rule ``position`` into the store ``<store>.<rule>.h5`` beside the
    main one (``request_mean`` keeps its historical name, ``.request.h5``): its path, the row of each id, and
    ``{layer: acts}``."""
    from .capture import capture_to_store
    suffix = {"request_mean": ".request.h5"}.get(position, f".{position}.h5")
    path = Path(store_path).with_suffix(suffix)
    with capture_to_store(model, tokenizer, flat, layers, path, position=position, batch_size=batch_size,
                          progress=progress, metadata={"constitution": constitution.id}) as store:
        return path, {x: i for i, x in enumerate(store.ids)}, {layer: store.read(layer) for layer in layers}


def _request_pooled(model, tokenizer, constitution, examples: dict, layers, store_path, config: TrainConfig, *,
                    batch_size: int, progress: bool, log, last: dict | None = None) -> dict:
    """``{principle: {layer: [n, d]}}`` for principles in ``config.request_pool`` read as the mean over the
    user's turn: their request-level examples, captured (resumably) into ``<store>.request.h5``; for
    ``mean+last``, ``[n, 2d]``: the mean, then the last token's residual (``last``: ``{layer: (acts, row
    of id)}`` of the main store, whose requests hold their last token)."""
    want = {pid for pid, how in config.request_pool.items() if how in ("mean", "mean+last") and pid in examples
            and config.levels.get(pid) == "prompt"}
    if not want:
        return {}
    exs = {pid: [e for e in examples[pid] if e.level == "prompt"] for pid in sorted(want)}
    flat = _store_rows((pid, e) for pid, es in exs.items() for e in es)
    path, row_of, acts = _capture_beside(model, tokenizer, constitution, flat, layers, store_path, "request_mean",
                                         batch_size=batch_size, progress=progress)
    log(f"requests of {', '.join(sorted(want))} read as the mean over the user's turn -> {path}")
    out = {}
    for pid, es in exs.items():
        ids = [f"{pid}:{e.id}" for e in es]
        out[pid] = {layer: a[np.array([row_of[x] for x in ids])] for layer, a in acts.items()}
        if config.request_pool[pid] == "mean+last":
            for layer in out[pid]:
                at, rows = last[layer]
                out[pid][layer] = np.concatenate([out[pid][layer], at[np.array([rows[x] for x in ids])]], axis=1)
    return out


def _response_last(model, tokenizer, constitution, examples: dict, layers, store_path, config: TrainConfig, *,
                   batch_size: int, progress: bool, log, main: tuple) -> dict:
    """``{principle: {layer: [n, d]}}`` for principles in ``config.response_pool`` read at the answer's last
    content token (``last``), rows in the order of their judged examples (:func:`_judged`): response-level
    examples captured (resumably) with the rule ``response_last`` into ``<store>.response_last.h5``;
    prompt-level ones keep the main store's rows (``main``: ``({layer: acts}, row of id)``), which hold a
    request's last token already."""
    bad = {pid: how for pid, how in config.response_pool.items() if how not in ("mean", "last")}
    if bad:
        raise TrainingError(f"response_pool {bad}: each principle's answers are read as 'mean' or 'last'")
    want = sorted(pid for pid, how in config.response_pool.items() if how == "last" and pid in examples
                  and config.levels.get(pid) != "prompt")
    if not want:
        return {}
    exs = {pid: _judged(pid, examples[pid], config) for pid in want}
    flat = _store_rows((pid, e) for pid, es in exs.items() for e in es if e.level == "response")
    if not flat:
        return {}
    path, row_of, acts = _capture_beside(model, tokenizer, constitution, flat, layers, store_path, "response_last",
                                         batch_size=batch_size, progress=progress)
    log(f"answers of {', '.join(want)} read at their last content token -> {path}")
    main_acts, main_row = main
    out = {}
    for pid, es in exs.items():
        ids = [f"{pid}:{e.id}" for e in es]
        resp = np.array([e.level == "response" for e in es])
        out[pid] = {}
        for layer, a in acts.items():
            x = np.empty((len(es), a.shape[1]), dtype=a.dtype)
            x[resp] = a[np.array([row_of[i] for i, r in zip(ids, resp) if r], dtype=np.int64)]
            if (~resp).any():
                x[~resp] = main_acts[layer][np.array([main_row[i] for i, r in zip(ids, resp) if not r])]
            out[pid][layer] = x
    return out


def _outside_filter_metrics(s: np.ndarray, y: np.ndarray, splits: np.ndarray, rest: np.ndarray, exs: list,
                            threshold: float, config: TrainConfig) -> dict:
    """A filtered principle's probe (scores ``s`` of all its examples) on the examples outside its train
    filter (``rest``), which it never saw: val and test as :func:`evaluate` reports them (the threshold's
    TPR/FPR there too), and test AUROC by source family and by category (where both labels occur)."""
    out: dict = {}
    for split in ("val", "test"):
        m = rest & (splits == split)
        if len(set(y[m])) == 2:
            out[split] = evaluate(y[m], s[m], threshold, n_boot=config.n_boot, seed=config.seed)
    te = rest & (splits == "test")
    for key, values in (("family", np.array([e.family for e in exs])),
                        ("category", np.array([e.category or "(none)" for e in exs]))):
        by = {}
        for v in sorted(set(values[te].tolist())):
            m = te & (values == v)
            if len(set(y[m])) == 2:
                by[v] = {"auroc": auroc(y[m], s[m]), "n": int(m.sum())}
        out[f"test_by_{key}"] = by
    return out


def _with_refusal_steering(model, tokenizer, constitution, probes: list, examples: dict, answers_path, resid_norms,
                           n_blocks: int, config: TrainConfig, log) -> list:
    """Harmlessness steers with the model's own refusal direction (harmful requests it refused minus harmful
    requests it answered), at the prompt's last token, in the same pass as its (earlier) probe layer; strength
    chosen on val (:func:`reasonwatch.onpolicy.fit_refusal_steering`).
    Escalation: after ``config.halt_after`` answer tokens, a request judged harmful whose answer does not read
    as a refusal (:func:`reasonwatch.onpolicy.fit_halt_reading`, fitted on the model's own answers) is halted.
    Release: a request read as benign on which the model is about to refuse
    (:func:`reasonwatch.onpolicy.fit_release_reading`, fitted on the model's own greedy answers) gets the
    correction with the opposite sign."""
    import json
    from dataclasses import replace

    from .onpolicy import (fit_halt_reading, fit_refusal_steering, fit_release_reading, generate_answers, onset_acts,
                           read_answers)
    harm = next(p for p in probes if p.id == "harmlessness")
    rows = read_answers(answers_path)
    greedy = {r["id"]: r for r in rows if not r["settings"].get("do_sample")}
    settings = next(iter(greedy.values()))["settings"] if greedy else {"max_new_tokens": 24}
    by_id = {e.id: e for e in examples["harmlessness"] if e.level == "prompt"}

    def thin(split, cap, hcap):  # every refusal; harmful and benign requests it answered, each sampled
        es = [e for e in by_id.values() if e.split == split and e.id in greedy]
        kept = {e.id for e in es if greedy[e.id]["refusal"]}
        for label, n in ((1, hcap), (0, cap)):
            kept |= {e.id for e in _sample([e for e in es if e.id not in kept and e.label == label], n)}
        return [e for e in es if e.id in kept]
    cap, hcap = config.reading_benign, config.reading_harmful
    reqs = thin("train", cap, hcap)
    chats, answers = [e.chat() for e in reqs], [greedy[e.id] for e in reqs]
    from .constitution import data_root
    seeds = data_root() / "onpolicy" / "provocative.jsonl"
    prov_chats, prov_answers = [], []
    if seeds.is_file():  # requests the model often refuses by itself: the release reading learns its refusals from them too
        prov = [json.loads(x) for x in seeds.read_text().splitlines() if x.strip()]
        prov = [{"id": r["id"], "messages": [{"role": "user", "content": r["text"]}]} for r in prov]
        prov_chats = [r["messages"] for r in prov]
        prov_answers = generate_answers(model, tokenizer, prov, path=answers_path,
                                        max_new_tokens=settings["max_new_tokens"], progress=False)
    val = [e for e in by_id.values() if e.split == "val"]
    val_h = _sample([e.chat() for e in val if e.label == 1], config.steer_val)
    val_b = _sample([e.chat() for e in val if e.label == 0], config.steer_val)
    own_b = _sample([e for e in val if e.label == 0 and e.id in greedy and not greedy[e.id]["refusal"]], config.steer_val)
    benign_answers = ([e.chat() for e in own_b], [greedy[e.id]["answer"] for e in own_b]) if own_b else None
    lo, hi = n_blocks // 4, (3 * n_blocks) // 4
    layers = [x for x in config.steer_candidates if harm.layer < x < hi and x >= lo]
    if not layers:
        log(f"harmlessness: no steering candidate after its probe layer {harm.layer}; keeping the old vector")
        return probes
    # One teacher-forced pass per split over every answer the model gave (greedy and sampled; its refusals
    # labelled by the rule), cut after the answer's first halt_after tokens: the residual at the prompt's last
    # token (greedy answers: the direction and the release reading) and the answer's onset (the halt reading).
    # Train: the greedy answers in the order of `chats`, the provocative requests, then the sampled answers.
    def sampled(split):
        return [(by_id[r["id"]].chat(), r["answer"], r["refusal"]) for r in rows
                if r["settings"].get("do_sample") and r["id"] in by_id and by_id[r["id"]].split == split]
    n = len(chats) + len(prov_chats)
    train_rows = [(c, a["answer"], a["refusal"]) for c, a in zip(chats + prov_chats, answers + prov_answers)]
    train_rows += sampled("train")
    val_greedy = [(e.chat(), greedy[e.id]["answer"], greedy[e.id]["refusal"])
                  for e in thin("val", None if cap is None else cap // 4, None if hcap is None else hcap // 4)]
    val_rows = val_greedy + sampled("val")
    k = config.halt_after or 0
    tr_last, tr_onset = onset_acts(model, tokenizer, *zip(*[(c, a) for c, a, _ in train_rows]),
                                   sorted(set(layers) | {harm.layer}), k)
    va_last, va_onset = onset_acts(model, tokenizer, *zip(*[(c, a) for c, a, _ in val_rows]), [harm.layer], k)
    acts = {layer: x[:n] for layer, x in tr_last.items()}
    refused_tr, refused_va = [r for *_, r in train_rows], [r for *_, r in val_rows]
    # the direction contrasts harmful requests the model refused with harmful requests it answered: the same
    # kind of request on both sides, so it carries the refusal and not the request's topic or tone (val: at
    # the same strength it induced the refusal opening on 56% of harmful requests instead of 51% for a
    # direction over every request, with a smaller perplexity cost)
    harmful = [i for i, e in enumerate(reqs) if e.label == 1]
    if min(sum(answers[i]["refusal"] for i in harmful), sum(not answers[i]["refusal"] for i in harmful)) < 5:
        harmful = list(range(len(chats) + len(prov_chats)))  # too few of one kind: every request, as before
        log("harmlessness steering: fewer than 5 harmful requests refused or answered; the direction uses every request")
    all_chats, all_answers = chats + prov_chats, answers + prov_answers
    fit = fit_refusal_steering(model, tokenizer, [all_chats[i] for i in harmful], [all_answers[i] for i in harmful],
                               val_h, val_b, layers=layers, mults=config.steer_mults, tails=config.steer_tails,
                               resid_norms=resid_norms, gate_fpr=harm.target_fpr, benign_answers=benign_answers,
                               max_ppl_ratio=config.steer_max_ppl,
                               acts={layer: x[harmful] for layer, x in acts.items()})
    chosen = fit.report["chosen"]
    log(f"harmlessness steering: on-policy refusal direction at block {fit.layer}, alpha {fit.alpha:.3f}, "
        f"the prompt's last {fit.tail} token(s) "
        f"(val, gate forced open: refusal opening induced on {chosen['harmful_induced']:.0%} of harmful, "
        f"{chosen['benign_induced']:.0%} of benign requests; benign perplexity x{chosen.get('ppl_ratio', float('nan')):.3f})")
    metrics = dict(harm.metrics)
    metrics["steering"] = fit.report
    readings = {}
    if config.halt_after:  # every answer the model gave
        reading = fit_halt_reading((tr_onset[harm.layer], refused_tr), (va_onset[harm.layer], refused_va),
                                   layer=harm.layer, k=k)
        metrics["halt_reading"] = reading.report
        readings.update(halt_weight=torch.from_numpy(reading.weight), halt_bias=reading.bias)
        log(f"harmlessness halt reading: val AUROC {reading.report['val_auroc']:.3f}; reads as refusal "
            f"{reading.report['val_refusals_read_as_refusal']:.0%} of the model's refusals, "
            f"{reading.report['val_answers_read_as_refusal']:.0%} of its other answers")
    if config.release_recall:  # every request the model answered greedily, refused or not
        reading = fit_release_reading((acts[harm.layer], refused_tr[:n]),
                                      (va_last[harm.layer][:len(val_greedy)], refused_va[:len(val_greedy)]),
                                      layer=harm.layer, recall=config.release_recall)
        metrics["release_reading"] = reading.report
        readings.update(release_weight=torch.from_numpy(reading.weight), release_bias=reading.bias)
        log(f"harmlessness release reading: val AUROC {reading.report['val_auroc']:.3f}; reads as about to refuse "
            f"{reading.report['val_refusals_read_as_refusal']:.0%} of the requests the model refuses, "
            f"{reading.report['val_answers_read_as_refusal']:.0%} of those it answers")
    new = replace(harm, steer_layer=fit.layer, steer_vector=torch.from_numpy(fit.vector.astype(np.float32)),
                  resid_norm=resid_norms[fit.layer], steer_alpha=fit.alpha, steer_positions="prompt",
                  steer_prompt_tokens=fit.tail,
                  halt_after=config.halt_after, metrics=metrics, **readings)
    return [new if p.id == "harmlessness" else p for p in probes]


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


def _token_norms(model, tokenizer, chats, n_blocks: int) -> dict[int, float]:
    """Mean per-token L2 norm of the residual stream after every block (relative steering strengths use
    it). The first position, an attention sink whose norm is orders of magnitude larger, is left out."""
    from .capture import capture
    acts = capture(model, tokenizer, chats, list(range(n_blocks)), position="all", progress=False)
    keep = torch.from_numpy(acts.row_position > 0)
    return {layer: float(a[keep].norm(dim=-1).mean()) for layer, a in acts.acts.items()}


def _generalization_metrics(fit, x, y, splits, families, exs, config: TrainConfig) -> dict:
    """How the chosen probe holds up away from its training pool: held-out categories and families (from
    selection), each family's test split scored by a probe refitted without that family, and the
    look-alike test split (violating vs hard compliant) against surface-cue baselines."""
    from .selection import fit_candidate, surface_baselines
    out: dict = {}
    ch = fit.chosen
    if fit.selection is not None:
        out["heldout_selection_auroc"] = fit.selection.score
        out["heldout_by_fold"] = fit.selection.by_fold
    tr, te = splits == "train", splits == "test"
    fams = sorted(set(families.tolist()))
    if len(fams) > 1:
        oof = {}
        for fam in fams:
            train_rows, test_rows = tr & (families != fam), te & (families == fam)
            if len(set(y[train_rows])) < 2 or len(set(y[test_rows])) < 2:
                continue
            w, b = fit_candidate(x[train_rows], y[train_rows], ch.kind, ch.c, config.seed)
            s = x[test_rows] @ w + b
            oof[fam] = {"auroc": auroc(y[test_rows], s), "n": int(test_rows.sum()),
                        "auroc_ci95": bootstrap_ci(auroc, y[test_rows], s, config.n_boot, config.seed)}
        out["out_of_family"] = oof
    hard = np.array([e.hard for e in exs])
    look = te & ((y == 1) | (hard & (y == 0)))
    if len(set(y[look])) == 2:
        s = x[look] @ ch.weight + ch.bias
        text = np.array([" ".join(m.content for m in e.messages) for e in exs])
        last = np.array([len(e.messages[-1].content) for e in exs])
        out["lookalike_test"] = {"auroc": auroc(y[look], s), "n": int(look.sum()),
                                 "auroc_ci95": bootstrap_ci(auroc, y[look], s, config.n_boot, config.seed),
                                 **surface_baselines(text[tr], y[tr], text[look], y[look], last[look])}
    return out


def _fmt_ci(ci) -> str:
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def metrics_table(bundle: ProbeBundle) -> str:
    """Markdown table of every principle's metrics: in-family test AUROC, out-of-family (a probe refitted
    without that source family, scored on its test split) and held-out-category AUROC, TPR at 1% FPR, and
    the look-alike test split against the TF-IDF and length baselines. A principle with a train filter says
    so in its test cell, with the test AUROC on its other examples (which the probe never saw)."""
    head = ("| principle | layer | kind | test AUROC, all families (95% CI) | out-of-family AUROC (test) | "
            "held-out categories (selection) | TPR@1%FPR | look-alikes: probe / TF-IDF / length | "
            "beats TF-IDF by ≥ 0.10 |\n|---|---|---|---|---|---|---|---|---|\n")
    rows = []
    for p in bundle.principles:
        m, t = p.metrics, p.metrics["test"]
        oof = "; ".join(f"{fam} {r['auroc']:.3f} {_fmt_ci(r['auroc_ci95'])}"
                        for fam, r in m.get("out_of_family", {}).items()) or "–"
        held = f"{m['heldout_selection_auroc']:.3f}" if "heldout_selection_auroc" in m else "–"
        look = m.get("lookalike_test")
        if look:
            la = (f"{look['auroc']:.3f} {_fmt_ci(look['auroc_ci95'])} / {look['tfidf_auroc']:.3f} / "
                  f"{look['length_auroc']:.3f} (n={look['n']})")
            beats = "yes" if look["auroc"] >= look["tfidf_auroc"] + 0.10 else "no"
        else:
            la, beats = "–", "–"
        test = f"{t['auroc']:.3f} {_fmt_ci(t['auroc_ci95'])}"
        if "train_filter" in m:  # fitted and evaluated on a subset: say which, and what it does on the rest
            rest = m.get("outside_filter", {}).get("test")
            test += f" ({m['train_filter']}, n={t['n']})" + (
                f"; rest, not trained on: {rest['auroc']:.3f} {_fmt_ci(rest['auroc_ci95'])} (n={rest['n']})"
                if rest else "")
        rows.append(f"| {p.id} | {p.layer} | {p.kind} | {test} | {oof} | {held} "
                    f"| {t['tpr_at_1pct_fpr']:.2f} | {la} | {beats} |")
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
