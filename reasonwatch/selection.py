"""Choosing a probe for generalization: held-out categories and source families, not one pool's split.

A probe that scores 1.00 on a test split cut from the same hand-written pool as its training data has
shown nothing: it may have learnt the pool's wording. So the probe's layer, kind (logistic or
difference-of-means) and regularisation are chosen by how well a probe fitted *without* a whole
category, or without a whole source family (hand-written, templated, on-policy), ranks the examples of
that category or family:

- **category folds**: the categories seen outside the test split are dealt into ``n_folds`` folds; a
  fold's probe is fitted on the train split of the other categories and scored on every non-test example
  of its own categories (none of which it saw);
- **family folds**: likewise for each source family in turn, when there are at least two.

A candidate's selection score is the mean AUROC over all folds (each fold weighs the same). Ties (within
``1e-9``) go to the lower mean held-out log-loss, a proper scoring rule that tells a calibrated fit from a
degenerate one when several reach the same ranking. With a preferred layer (``prefer``), the best
candidate at that layer is chosen whenever its score is within ``tolerance`` of the best overall: every
distinct probe layer is one more hook per decode step in ``watch()``, so principles share a layer unless
another one is clearly better on held-out data. The test split is never used for any choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Fold:
    """One held-out evaluation: fit on ``train`` rows, score ``heldout`` rows (boolean masks)."""
    kind: str      # "category" or "family"
    name: str      # the held-out categories or family
    train: np.ndarray = field(repr=False)
    heldout: np.ndarray = field(repr=False)


@dataclass(frozen=True)
class Candidate:
    layer: int
    kind: str            # "logistic" or "diffmean"
    c: float | None      # inverse L2 strength (logistic only)


@dataclass
class Selection:
    """The chosen candidate and every candidate's held-out scores."""
    chosen: Candidate
    score: float                                  # mean held-out AUROC of the chosen candidate
    by_fold: dict                                 # fold name -> AUROC, chosen candidate
    table: list = field(default_factory=list)     # (candidate, mean AUROC, mean log-loss) for all


def heldout_folds(y: np.ndarray, splits: np.ndarray, families: np.ndarray, categories: np.ndarray, *,
                  n_folds: int = 4, seed: int = 0, min_per_class: int = 5) -> list[Fold]:
    """Category folds and family folds (module docstring); folds without ``min_per_class`` examples of each
    label on both sides are dropped."""
    pool = splits != "test"
    train = splits == "train"
    folds = []
    cats = sorted(set(categories[pool].tolist()))
    order = np.random.default_rng(seed).permutation(len(cats))
    for k in range(min(n_folds, len(cats))):
        held = [cats[i] for i in order[k::n_folds]]
        inside = np.isin(categories, held)
        folds.append(Fold("category", ",".join(sorted(held))[:80], train & ~inside, pool & inside))
    fams = sorted(set(families[pool].tolist()))
    if len(fams) > 1:
        for fam in fams:
            folds.append(Fold("family", fam, train & (families != fam), pool & (families == fam)))

    def usable(f: Fold) -> bool:
        return all(min((y[m] == c).sum() for c in (0, 1)) >= min_per_class for m in (f.train, f.heldout))
    return [f for f in folds if usable(f)]


def fit_candidate(x: np.ndarray, y: np.ndarray, kind: str, c: float | None, seed: int = 0) -> tuple[np.ndarray, float]:
    """Raw-space ``(weight, bias)`` so that ``x @ weight + bias`` is a logit."""
    from .train import _fit_diffmean, _fit_logistic
    return _fit_logistic(x, y, c, seed) if kind == "logistic" else _fit_diffmean(x, y)


def log_loss(y: np.ndarray, logits: np.ndarray) -> float:
    z = np.clip(np.asarray(logits, dtype=np.float64), -30, 30)
    return float(np.mean(np.logaddexp(0, z) - y * z))


def _subsample(mask: np.ndarray, limit: int, seed: int) -> np.ndarray:
    idx = np.flatnonzero(mask)
    if len(idx) > limit:
        idx = np.sort(np.random.default_rng(seed).choice(idx, limit, replace=False))
    return idx


def select(acts: dict, y: np.ndarray, folds: list[Fold], *, c_grid=(0.01, 0.1, 1.0),
           kinds=("logistic", "diffmean"), seed: int = 0, max_train: int = 3000, prefer: int | None = None,
           tolerance: float = 0.0) -> Selection:
    """Score every (layer, kind, C) on the held-out folds and choose (module docstring).

    ``acts``: ``{layer: [n, d]}``. Each fold's probe is fitted on at most ``max_train`` of its train rows
    (a seeded sample), which keeps selection within minutes on a CPU without changing what is compared.
    ``prefer``: a layer whose best candidate wins when it scores within ``tolerance`` of the best.
    """
    from .train import auroc
    if not folds:
        raise ValueError("no held-out fold has both labels on both sides; add categories or families")
    cands = [Candidate(layer, k, c) for layer in sorted(acts) for k in kinds
             for c in (c_grid if k == "logistic" else (None,))]
    table = []
    per_fold = {}
    for cand in cands:
        x = acts[cand.layer]
        aucs, losses = [], []
        for i, f in enumerate(folds):
            tr = _subsample(f.train, max_train, seed + i)
            w, b = fit_candidate(x[tr], y[tr], cand.kind, cand.c, seed)
            s = x[f.heldout] @ w + b
            aucs.append(auroc(y[f.heldout], s))
            losses.append(log_loss(y[f.heldout], s))
        per_fold[cand] = {f"{f.kind}:{f.name}": a for f, a in zip(folds, aucs)}
        table.append((cand, float(np.mean(aucs)), float(np.mean(losses))))
    best = max(t[1] for t in table)
    near = [t for t in table if t[1] >= best - 1e-9]
    shared = [t for t in table if t[0].layer == prefer]
    if shared and max(t[1] for t in shared) >= best - tolerance:
        top = max(t[1] for t in shared)
        near = [t for t in shared if t[1] >= top - 1e-9]
    chosen, score, _ = min(near, key=lambda t: t[2])
    return Selection(chosen, score, per_fold[chosen], table)


def surface_baselines(texts_train, y_train, texts_eval, y_eval, lengths_eval) -> dict:
    """Surface-cue baselines on an evaluation set: TF-IDF (word 1-2 grams) + logistic regression trained on
    the train texts, and answer length in characters (AUROC either direction, the stronger one)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from .train import auroc
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=50000)
    clf = LogisticRegression(C=10.0, max_iter=2000).fit(vec.fit_transform(texts_train), y_train)
    tfidf = auroc(y_eval, clf.decision_function(vec.transform(texts_eval)))
    length = auroc(y_eval, np.asarray(lengths_eval, dtype=float))
    return {"tfidf_auroc": tfidf, "length_auroc": max(length, 1 - length)}
