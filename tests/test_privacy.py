"""Privacy: the noise has the scale the mechanism promises for ε; the budget refuses overspending.

OpenDP draws its noise from the operating system's CSPRNG and cannot be seeded (a seeded DP mechanism
is a privacy hole), so the statistical tests below use large samples and tolerances of about six
standard errors: a correct mechanism fails them with probability well under one in a million, and
noise of the wrong scale (say 10 % off) fails them every time.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from reasonwatch.drift import DriftTracker, InteractionSummary
from reasonwatch.privacy import (BudgetExceededError, PrivacyBudget, PrivacyError,
                                 discrete_laplace_variance, release_count, release_drift,
                                 release_histogram, release_rate)

N = 60_000


@pytest.mark.parametrize("epsilon, sensitivity", [(0.5, 1), (0.1, 1), (2.0, 3)])
def test_noise_scale_matches_epsilon(epsilon, sensitivity):
    budget = PrivacyBudget(10.0)
    rel = release_histogram(np.zeros(N, dtype=np.int64), epsilon, budget, sensitivity=sensitivity)
    b = sensitivity / epsilon
    assert rel.scale == pytest.approx(b) and rel.epsilon == pytest.approx(epsilon)
    noise = rel.values.astype(np.float64)
    q = math.exp(-1 / b)
    var = discrete_laplace_variance(b)
    # discrete Laplace moments: E X = 0, Var X = 2q/(1-q)^2 (≈ 2b² for large b), E|X| = 2q/(1-q²),
    # E X^4 = 2q(1 + 10q + q^2)/(1-q)^4 (for the standard error of the sample variance)
    m4 = 2 * q * (1 + 10 * q + q * q) / (1 - q) ** 4
    assert abs(noise.mean()) < 6 * math.sqrt(var / N)
    assert abs(noise.var() - var) < 6 * math.sqrt((m4 - var ** 2) / N)
    mad = 2 * q / (1 - q * q)
    assert abs(np.abs(noise).mean() - mad) < 6 * math.sqrt((var - mad ** 2) / N)
    p0 = (1 - q) / (1 + q)                                     # P(X = 0)
    assert abs(np.mean(noise == 0) - p0) < 6 * math.sqrt(p0 * (1 - p0) / N)
    if b >= 5:   # for large b the discrete Laplace is the continuous one: variance 2b²
        assert noise.var() == pytest.approx(2 * b * b, rel=0.05)
    # the wrong scale would be caught: 10 % more noise is far outside the tolerance
    assert abs(1.21 * var - var) > 6 * math.sqrt((m4 - var ** 2) / N)


def test_release_values_center_on_the_truth():
    budget = PrivacyBudget(10.0)
    truth = np.arange(0, 20_000, 1, dtype=np.int64)
    rel = release_histogram(truth, 1.0, budget)
    assert rel.values.shape == truth.shape and rel.values.dtype == np.int64
    diff = rel.values - truth
    assert abs(diff.mean()) < 6 * math.sqrt(rel.noise_variance / truth.size)
    c = release_count(1000, 1.0, budget)
    assert abs(c.value - 1000) < 60          # P(|noise| ≥ 60) at b = 1 is about 1e-26
    r = release_rate(50, 1000, 1.0, budget)
    assert r.scale == pytest.approx(2.0) and 0.0 <= r.rate <= 1.0 and abs(r.denominator - 1000) < 120


def test_budget_tracks_and_refuses_overspending():
    budget = PrivacyBudget(1.0)
    for _ in range(10):
        release_count(5, 0.1, budget)            # ten spends of 0.1 fit 1.0 despite rounding
    assert budget.spent == pytest.approx(1.0) and budget.remaining == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(BudgetExceededError, match="refused"):
        release_count(5, 0.01, budget)
    assert len(budget.spends) == 10              # the refused release spent nothing

    budget = PrivacyBudget(1.0)
    release_count(5, 0.7, budget)
    with pytest.raises(BudgetExceededError, match="only 0.3"):
        release_histogram([1, 2, 3], 0.5, budget)
    assert budget.spent == pytest.approx(0.7)    # never a partial spend
    release_histogram([1, 2, 3], 0.3, budget)    # what is left can still be spent
    assert budget.remaining == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("epsilon", [0, 0.0, -1.0, float("nan"), float("inf"), "1", True])
def test_bad_epsilon(epsilon):
    budget = PrivacyBudget(1.0)
    with pytest.raises(PrivacyError):
        release_count(3, epsilon, budget)
    assert budget.spent == 0


def test_epsilon_larger_than_budget_and_bad_input():
    budget = PrivacyBudget(0.5)
    with pytest.raises(BudgetExceededError, match="more than the whole budget"):
        release_count(3, 0.6, budget)
    with pytest.raises(PrivacyError):
        PrivacyBudget(0)
    with pytest.raises(PrivacyError):
        PrivacyBudget(-2)
    with pytest.raises(PrivacyError, match="negative"):
        release_histogram([1, -1], 0.1, budget)
    with pytest.raises(PrivacyError, match="integer"):
        release_histogram([1.5, 2], 0.1, budget)
    with pytest.raises(PrivacyError, match="sensitivity"):
        release_histogram([1, 2], 0.1, budget, sensitivity=0)
    assert budget.spent == 0


def test_budget_state_roundtrip():
    budget = PrivacyBudget(2.0)
    release_count(1, 0.25, budget, label="a")
    release_count(1, 0.5, budget, label="b")
    again = PrivacyBudget.from_state_dict(budget.state_dict())
    assert again.spent == pytest.approx(0.75) and [s.label for s in again.spends] == ["a", "b"]
    bad = budget.state_dict()
    bad["spends"].append({"epsilon": 5.0, "label": "x", "time": "t"})
    with pytest.raises(PrivacyError, match="more than its total"):
        again.load_state_dict(bad)
    assert again.spent == pytest.approx(0.75)


def test_release_drift_aggregates():
    tracker = DriftTracker(["honesty", "harm"], bundle_hash="h" * 64, reference_size=20, window=50,
                           min_window=5)
    rng = np.random.default_rng(0)
    for _ in range(60):
        s = {p: InteractionSummary(float(rng.random()), float(rng.random()), 0.0, bool(rng.random() < 0.2))
             for p in tracker.principles}
        tracker.update(s)
    budget = PrivacyBudget(1.0)
    rel = release_drift(tracker, 0.5, budget)
    assert rel.sensitivity == 4 and rel.scale == pytest.approx(8.0)
    assert set(rel.principles) == {"honesty", "harm"}
    assert budget.spent == pytest.approx(0.5)
    for p in rel.principles.values():
        assert (p["histogram"] >= 0).all() and p["n"] >= 0 and 0 <= p["fired"] <= p["n"]
        assert len(p["histogram"]) == len(tracker.config.edges) + 1
        assert p["fire_rate"] == p["fired"] / p["n"] if p["n"] else math.isnan(p["fire_rate"])


def test_release_drift_n_and_fire_rate_are_unbiased():
    """Regression: ``n`` was the sum of the histogram *after* clipping at 0, which turns the negative
    noise of every empty bin into positive counts (about b/2 each; 20 of the 22 bins are empty here),
    inflating ``n`` by ~20 % and lowering every released fire rate. Averaged over many releases, ``n``
    and the fire rate must centre on the truth (tolerances: six standard errors plus the ratio's own
    O(Var n / n²) bias; the old code misses by more than three times that)."""
    tracker = DriftTracker(["honesty", "harm"], bundle_hash="h" * 64, reference_size=10, window=200,
                           min_window=5)
    rng = np.random.default_rng(5)
    for i in range(210):
        s = {p: InteractionSummary(0.4, float(rng.uniform(0.31, 0.39)), 0.0, i % 4 == 0)
             for p in tracker.principles}     # every mean score in one bin; a quarter of them fired
        tracker.update(s)
    truth = tracker.histograms("window")
    k, eps = 400, 1.0
    budget = PrivacyBudget(k * eps)
    rels = [release_drift(tracker, eps, budget) for _ in range(k)]
    b = rels[0].scale                                     # 2 x 2 principles / ε = 4
    var = discrete_laplace_variance(b)
    bins = len(tracker.config.edges) + 1
    for name in tracker.principles:
        n_true, fired_true = truth[name]["n"], truth[name]["fired"]
        assert n_true == 200 and fired_true == 50
        ns = np.array([r.principles[name]["n"] for r in rels], dtype=float)
        rates = np.array([r.principles[name]["fire_rate"] for r in rels])
        assert abs(ns.mean() - n_true) < 6 * math.sqrt(bins * var / k)           # ± 8; the old code: +40
        rate = fired_true / n_true
        rate_sd = math.sqrt(var / n_true ** 2 + rate ** 2 * bins * var / n_true ** 2)
        assert abs(rates.mean() - rate) < 6 * rate_sd / math.sqrt(k) + 2 * rate * bins * var / n_true ** 2
