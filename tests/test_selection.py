"""Selection for generalization: held-out categories and families, not a split of one pool."""

import numpy as np
import pytest

from reasonwatch.selection import heldout_folds, select, surface_baselines
from reasonwatch.train import TrainConfig, fit_principle


def _data(seed=0, n_cat=8, per=60, d=16):
    """Two layers. Layer 0 carries the concept along one direction in every category (noisily); layer 1
    carries a perfect cue whose direction is different in every category (a shortcut that does not
    transfer to a category never seen)."""
    rng = np.random.default_rng(seed)
    n = n_cat * per
    y = np.tile(np.repeat([0, 1], per // 2), n_cat)
    cats = np.repeat([f"c{i}" for i in range(n_cat)], per)
    x0 = rng.normal(size=(n, d))
    x0[:, 0] += 1.2 * (2 * y - 1)
    x1 = rng.normal(size=(n, d)) * 0.1
    for i in range(n_cat):
        m = cats == f"c{i}"
        x1[m, 1 + i % (d - 1)] += 3.0 * (2 * y[m] - 1)
    splits = np.array(["train", "train", "train", "val", "test"])[np.arange(n) % 5]
    fams = np.where(np.arange(n) % 2 == 0, "hand", "templated")
    return {0: x0, 1: x1}, y, splits, fams, cats


def test_folds_hold_out_whole_categories_and_families():
    acts, y, splits, fams, cats = _data()
    folds = heldout_folds(y, splits, fams, cats, n_folds=4)
    kinds = [f.kind for f in folds]
    assert kinds.count("category") == 4 and kinds.count("family") == 2
    for f in folds:
        assert not (f.train & f.heldout).any()
        assert not f.heldout[splits == "test"].any()               # test is never used for a choice
        if f.kind == "category":
            assert not set(cats[f.train]) & set(cats[f.heldout])
        else:
            assert set(fams[f.heldout]) == {f.name} and f.name not in set(fams[f.train])


def test_heldout_selection_prefers_the_layer_that_transfers():
    acts, y, splits, fams, cats = _data()
    folds = heldout_folds(y, splits, fams, cats, n_folds=4)
    sel = select(acts, y, folds, c_grid=(0.1, 1.0))
    assert sel.chosen.layer == 0
    by_layer = {}
    for cand, score, _ in sel.table:
        by_layer[cand.layer] = max(by_layer.get(cand.layer, 0), score)
    assert by_layer[0] > by_layer[1] + 0.1
    # the in-split val choice (same categories) is fooled by the shortcut
    fit = fit_principle("p", acts, y, splits, TrainConfig(c_grid=(0.1, 1.0), smooth=0))
    assert fit.chosen.layer == 1
    fit = fit_principle("p", acts, y, splits, TrainConfig(c_grid=(0.1, 1.0)), families=fams, categories=cats)
    assert fit.chosen.layer == 0 and fit.selection is not None


def test_fit_layer_ties_go_to_the_lower_log_loss_not_grid_order():
    from reasonwatch.train import fit_layer
    rng = np.random.default_rng(1)
    y = np.repeat([0, 1], 100)
    x = rng.normal(size=(200, 8))
    x[:, 0] += 6 * (2 * y - 1)                                     # every strength separates val perfectly
    tr, va = np.arange(200) % 2 == 0, np.arange(200) % 2 == 1
    fit = fit_layer(x[tr], y[tr], x[va], y[va], 0, TrainConfig(c_grid=(0.001, 0.01, 1.0), kinds=("logistic",)))
    assert fit.val_auroc == 1.0
    assert fit.c == 1.0          # the strongest regularisation (first in the grid) squeezes the logits


def test_surface_baselines_see_wording_cues():
    texts = [f"please {w} the thing" for w in ("help", "fix")] * 20
    y = np.array([0, 1] * 20)
    out = surface_baselines(texts, y, texts, y, [len(t) for t in texts])
    assert out["tfidf_auroc"] == pytest.approx(1.0)
    assert 0.5 <= out["length_auroc"] <= 1.0


def test_a_preferred_layer_wins_only_within_the_tolerance():
    acts, y, splits, fams, cats = _data()
    folds = heldout_folds(y, splits, fams, cats, n_folds=4)
    free = select(acts, y, folds, c_grid=(0.1, 1.0))
    best_at = {}
    for cand, score, _ in free.table:
        best_at[cand.layer] = max(best_at.get(cand.layer, 0), score)
    gap = best_at[0] - best_at[1]
    assert gap > 0.1
    # layer 1 is clearly worse: a small tolerance keeps the better layer
    assert select(acts, y, folds, c_grid=(0.1, 1.0), prefer=1, tolerance=gap / 2).chosen.layer == 0
    # within the tolerance the preferred layer wins, with its own best candidate and score
    shared = select(acts, y, folds, c_grid=(0.1, 1.0), prefer=1, tolerance=gap + 0.01)
    assert shared.chosen.layer == 1 and shared.score == pytest.approx(best_at[1])
    # a preferred layer that was not captured changes nothing
    assert select(acts, y, folds, c_grid=(0.1, 1.0), prefer=7, tolerance=1.0).chosen == free.chosen
