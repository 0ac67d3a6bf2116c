"""Drift tracker: detection, state round trips, sharing, and merge == the tracker over the union."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reasonwatch.audit import AuditLog, read_records, verify_log
from reasonwatch.drift import DriftConfig, DriftError, DriftTracker, InteractionSummary

PRINCIPLES = ("honesty", "harmlessness", "privacy")
BUNDLE = "f" * 64


def _draw(rng, rate=0.05, shifted=None, shifted_rate=0.20):
    out = {}
    for p in PRINCIPLES:
        r = shifted_rate if p == shifted else rate
        fired = bool(rng.random() < r)
        mean = float(np.clip(rng.normal(0.6, 0.1) if fired else rng.normal(0.2, 0.08), 0, 1))
        out[p] = InteractionSummary(max_score=min(1.0, mean + abs(rng.normal(0.2, 0.1))), mean_score=mean,
                                    frac_warning=float(rng.random() * 0.2), fired=fired,
                                    corrections=int(fired))
    return out


def test_summary_validation():
    with pytest.raises(DriftError, match="max_score"):
        InteractionSummary(float("nan"), 0.1)
    with pytest.raises(DriftError, match="frac_warning"):
        InteractionSummary(0.5, 0.1, frac_warning=1.5)
    with pytest.raises(DriftError, match="corrections"):
        InteractionSummary(0.5, 0.1, corrections=-1)
    s = InteractionSummary.from_scores([0.1, 0.9, 0.2], warning=[False, True, True], fired=True)
    assert s.max_score == 0.9 and s.mean_score == pytest.approx(0.4) and s.frac_warning == pytest.approx(2 / 3)
    with pytest.raises(DriftError, match="one score per step"):
        InteractionSummary.from_scores([])


def test_bad_updates_change_nothing():
    t = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE)
    rng = np.random.default_rng(0)
    t.update(_draw(rng))
    before = t.state_dict()
    s = _draw(rng)
    with pytest.raises(DriftError, match="missing"):
        t.update({k: v for k, v in s.items() if k != "privacy"})
    with pytest.raises(DriftError, match="unknown"):
        t.update({**s, "other": s["privacy"]})
    with pytest.raises(DriftError, match="at="):
        t.update(s, at=float("inf"))
    assert t.state_dict() == before
    with pytest.raises(DriftError, match="window"):
        DriftTracker(PRINCIPLES, bundle_hash=BUNDLE, window=0)
    with pytest.raises(DriftError, match="distinct"):
        DriftTracker(["a", "a"], bundle_hash=BUNDLE)


def test_shift_detected_and_quiet_without_one(tmp_path):
    """A synthetic sanity check of the defaults (the real calibration is benchmarks/drift.py)."""
    rng = np.random.default_rng(1)
    t = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE)
    with AuditLog(tmp_path / "audit.jsonl") as log:
        alarms = []
        for _ in range(1500):
            alarms += t.update(_draw(rng), audit=log)
        assert alarms == [], alarms            # no shift: no alarm in 1,500 interactions
        assert t.reference_complete and t.statistics()["honesty"]["n_window"] == 200
        for i in range(400):
            new = t.update(_draw(rng, shifted="honesty"), audit=log)
            if new:
                break
    assert any(a.principle == "honesty" and a.detector == "cusum_rate" for a in new)
    assert i < 200, f"detected after {i + 1} interactions"
    a = new[0]
    assert a.reference_value == pytest.approx(0.05, abs=0.03) and a.window_value > a.reference_value
    # the alarm went to the audit log, and the log verifies
    recs = read_records(tmp_path / "audit.jsonl", kinds=["drift_alarm"])
    assert len(recs) == len(new) and recs[0]["principle"] == a.principle
    assert recs[0]["params"]["detector"] == a.detector and recs[0]["bundle_hash"] == BUNDLE
    assert verify_log(tmp_path / "audit.jsonl").ok
    # memory is bounded: reference epochs + window epochs only
    assert len(t.state_dict()["epochs"]) <= 500 + 200


def test_distribution_tests_see_a_score_shift():
    rng = np.random.default_rng(2)
    t = DriftTracker(["p"], bundle_hash=BUNDLE, reference_size=300, window=150)
    for _ in range(450):
        m = float(rng.uniform(0.1, 0.3))
        t.update({"p": InteractionSummary(m + 0.1, m)})
    detectors = set()
    for _ in range(300):
        m = float(rng.uniform(0.3, 0.5))        # same spread, shifted: the fire rate never changes
        detectors |= {a.detector for a in t.update({"p": InteractionSummary(m + 0.1, m)})}
    assert {"ks", "psi", "cusum_mean"} <= detectors
    assert "cusum_rate" not in detectors


def test_state_dict_roundtrip_and_continuation(tmp_path):
    rng = np.random.default_rng(3)
    stream = [_draw(rng, shifted="privacy" if i > 700 else None) for i in range(900)]
    a = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE)
    for s in stream[:600]:
        a.update(s)
    b = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE)
    b.load_state_dict(json.loads(json.dumps(a.state_dict())))     # through JSON, as exported
    assert b.state_dict() == a.state_dict() and b.statistics() == a.statistics()
    alarms_a = [x for s in stream[600:] for x in a.update(s)]
    alarms_b = [x for s in stream[600:] for x in b.update(s)]
    assert alarms_a == alarms_b and alarms_a
    assert a.state_dict() == b.state_dict()

    path = a.export(tmp_path / "drift.json")
    c = DriftTracker.import_(path, expect_bundle_hash=BUNDLE, expect_principles=PRINCIPLES)
    assert c.state_dict() == a.state_dict()
    raw = path.read_bytes()
    with pytest.raises(DriftError, match="bundle"):
        DriftTracker.import_(path, expect_bundle_hash="0" * 64)
    with pytest.raises(DriftError, match="principles"):
        DriftTracker.import_(path, expect_principles=["honesty"])
    assert path.read_bytes() == raw


def test_states_for_another_bundle_or_settings_are_refused():
    rng = np.random.default_rng(4)
    a = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE, reference_size=20, window=10)
    for _ in range(40):
        a.update(_draw(rng))
    before = a.state_dict()
    other_bundle = DriftTracker(PRINCIPLES, bundle_hash="0" * 64, reference_size=20, window=10)
    other_set = DriftTracker(PRINCIPLES[:2], bundle_hash=BUNDLE, reference_size=20, window=10)
    other_window = DriftTracker(PRINCIPLES, bundle_hash=BUNDLE, reference_size=20, window=11)
    for other, words in [(other_bundle, "bundle"), (other_set, "principles"), (other_window, "window")]:
        with pytest.raises(DriftError, match=words):
            a.merge(other)
        with pytest.raises(DriftError, match=words):
            other.load_state_dict(before)
    assert a.state_dict() == before
    bad = {**before, "epochs": [{"epoch": 0, "counts": [[1]], "sums": [[0]]}]}
    with pytest.raises(DriftError, match="malformed"):
        a.load_state_dict(bad)
    assert a.state_dict() == before
    with pytest.raises(DriftError, match="not a reasonwatch drift state"):
        a.load_state_dict({"hello": 1})


_VALUES = st.sampled_from([-0.3, 0.0, 0.05, 0.2, 0.5, 0.77, 1.0, 1.4])
_SUMMARY = st.builds(InteractionSummary, max_score=_VALUES, mean_score=_VALUES,
                     frac_warning=st.sampled_from([0.0, 0.25, 1.0]), fired=st.booleans(),
                     corrections=st.integers(0, 2))
_STEP = st.tuples(st.sampled_from([0.0, 0.0, 0.5, 1.0, 2.0, 7.0]),
                  st.fixed_dictionaries({"a": _SUMMARY, "b": _SUMMARY}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deployments=st.lists(st.lists(_STEP, max_size=40), min_size=1, max_size=3),
       reference_size=st.integers(1, 12), window=st.integers(1, 6),
       epoch_length=st.sampled_from([1.0, 2.5]), min_window=st.integers(1, 4))
def test_merge_equals_the_tracker_over_the_union(deployments, reference_size, window, epoch_length,
                                                 min_window):
    cfg = DriftConfig(reference_size=reference_size, window=window, epoch_length=epoch_length,
                      min_window=min_window, rate_threshold=1.0, mean_threshold=1.0, ks_alpha=0.5,
                      psi_threshold=0.01, psi_alpha=0.5)   # low thresholds so alarm states vary
    trackers, union = [], []
    for steps in deployments:
        t = DriftTracker(["a", "b"], bundle_hash=BUNDLE, config=cfg)
        clock = 0.0
        for gap, summaries in steps:      # each deployment sees its interactions in clock order
            clock += gap
            t.update(summaries, at=clock)
            union.append((clock, summaries))
        trackers.append(t)
    before = [t.state_dict() for t in trackers]
    merged = DriftTracker.merged(trackers)
    whole = DriftTracker(["b", "a"], bundle_hash=BUNDLE, config=cfg)   # order of names does not matter
    for at, summaries in sorted(union, key=lambda x: x[0]):
        whole.update(summaries, at=at)
    m, w = merged.state_dict(), whole.state_dict()
    names_w = w["principles"]
    for ep in w["epochs"]:   # align whole's principle order with merged's for the comparison
        order = [names_w.index(p) for p in m["principles"]]
        ep["counts"] = [ep["counts"][j] for j in order]
        ep["sums"] = [ep["sums"][j] for j in order]
    w["principles"] = m["principles"]
    assert m == w
    assert merged.statistics() == whole.statistics()
    assert sorted(merged.active_alarms()) == sorted(whole.active_alarms())
    assert [t.state_dict() for t in trackers] == before             # merging changes no input
    if len(trackers) == 2:
        assert trackers[0].merge(trackers[1]).state_dict() == m
