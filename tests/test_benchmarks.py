"""Benchmarks: the quick run writes sane result files (elsewhere than the committed ones), the drift
benchmark's offline alarm replay agrees with the tracker, and the runner plans what it says."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import Job, threads_for_subprocesses

ROOT = Path(__file__).resolve().parents[1]


# ---- fast: no model --------------------------------------------------------------------------------
def test_results_dir_follows_the_environment(monkeypatch, tmp_path):
    from benchmarks import common
    monkeypatch.delenv(common.RESULTS_ENV, raising=False)
    assert common.results_dir() == common.RESULTS
    monkeypatch.setenv(common.RESULTS_ENV, str(tmp_path / "elsewhere"))
    path = common.write_result("probe", {"value": 1.5})
    assert path == tmp_path / "elsewhere" / "probe.json"
    data = json.loads(path.read_text())
    assert data["benchmark"] == "probe" and data["value"] == 1.5 and "environment" in data


def test_runner_plans_quick_arguments_and_refuses_unknown_names():
    from benchmarks.__main__ import plan
    steps = plan(None, quick=True, gpu=False)
    assert [s[0] for s in steps] == ["accuracy", "throughput", "overhead", "steering", "efficacy", "drift"]
    argv = dict((s[0], s[2]) for s in steps)
    assert argv["throughput"] == ["--examples", "32", "--repeats", "1", "--memory-examples", "0"]
    assert argv["overhead"] == ["--new-tokens", "16", "--repeats", "2"]
    assert all(a == [] for a in dict((s[0], s[2]) for s in plan(None, quick=False, gpu=False)).values())
    assert [s[0] for s in plan(["probe_accuracy", "overhead"], quick=False, gpu=True)] == \
        ["accuracy", "overhead", "overhead_gpu"]
    with pytest.raises(SystemExit, match="unknown benchmark"):
        plan(["nope"], quick=True, gpu=False)


def _synthetic_pools(rng):
    """Pools shaped like benchmarks.drift.score_pools: (mean prob., max prob., frac warning, fired)."""
    def pool(mu, n):
        logit = rng.normal(mu, 1.0, n)
        prob = 1 / (1 + np.exp(-logit))
        return np.stack([prob, np.minimum(prob + 0.1, 1.0), rng.uniform(0, 1, n), (logit >= 1.0).astype(float)], 1)
    return {p: {"compliant": pool(-2.0, 60), "violating": pool(2.0, 60)} for p in ("a", "b")}


def test_offline_alarm_replay_matches_the_tracker_and_detects_a_shift():
    from benchmarks.drift import (Thresholds, alarm_events, alarm_levels, first_detection, simulate)
    from reasonwatch.drift import DriftConfig
    pools = _synthetic_pools(np.random.default_rng(0))
    settings = {"reference_size": 200, "window": 100, "min_window": 30}
    change = 400
    stream = simulate(pools, ["a", "b"], rate_of=lambda t, i: 0.4 if (i == 0 and t >= change) else 0.05,
                      length=900, settings=settings, bundle_hash="x" * 64, seed=1)
    th = Thresholds.of(DriftConfig(**settings))
    assert stream.alarms > 0
    assert alarm_events(alarm_levels(stream.stats, th)) == stream.alarms
    delay = first_detection(stream, 0, change, th)
    assert delay is not None and 0 < delay < 500
    # a higher threshold can only detect later (or never)
    later = first_detection(stream, 0, change, Thresholds(1e9, 1e9, 1e-300, 1e9, 1e-300))
    assert later is None


def test_probe_accuracy_reads_each_probe_as_trained():
    from types import SimpleNamespace as NS

    from benchmarks.probe_accuracy import markdown_table, positions
    exs = [NS(level="response"), NS(level="prompt")]
    assert positions(NS(response_pool="last"), exs) == ["response_last", "auto"]
    assert positions(NS(response_pool="mean"), exs) == ["auto", "auto"]
    assert positions(NS(response_pool="last", request_pool="mean"), exs) == ["response_last", "request_mean"]
    row = {"layer": 12, "n": 10, "auroc": 0.8, "auroc_ci95": [0.7, 0.9], "accuracy": 0.7, "tpr_at_1pct_fpr": 0.2,
           "threshold_tpr": 0.3, "threshold_fpr": 0.01, "target_auroc": 0.85, "target_met": False,
           "target_met_at_ci_low": False, "response_pool": "last",
           "baselines": {"length": {"auroc": 0.5, "auroc_either_direction": 0.5},
                         "tfidf": {"auroc": 0.5, "auroc_ci95": [0.4, 0.6]}},
           "train_filter": "bare_facts",
           "outside_filter": {"n": 5, "auroc": 0.5, "auroc_ci95": [0.3, 0.7], "threshold_tpr": 0.1,
                              "threshold_fpr": 0.1}}
    table = markdown_table({"honesty": row})
    assert "| honesty | 12 | 10 |" in table and "`bare_facts`" in table and "never trained on: AUROC 0.500" in table
    assert "`response_last`" in table


def test_probe_accuracy_reads_a_request_as_its_mean_plus_last_token(tokenizer):
    """A probe with ``request_pool = "mean"`` and a ``last_weight`` scores a request as training did: the user
    turn's mean times ``weight``, plus the last token times ``last_weight``, plus the bias."""
    from types import SimpleNamespace as NS

    import torch
    from conftest import make_tiny_model

    from benchmarks.probe_accuracy import probe_scores
    from reasonwatch.capture import capture
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    d = model.config.hidden_size
    g = torch.Generator().manual_seed(0)
    probe = NS(layer=1, weight=torch.randn(d, generator=g), last_weight=torch.randn(d, generator=g), bias=0.5,
               request_pool="mean", response_pool="mean")
    chats = [[{"role": "user", "content": text}] for text in ("How do I bake bread?", "Tell me a story about a cat.")]
    exs = [NS(level="prompt", chat=lambda c=c: c) for c in chats]
    got = probe_scores(model, tokenizer, probe, exs, batch_size=2)
    mean = capture(model, tokenizer, chats, [1], position="request_mean", progress=False).acts[1]
    last = capture(model, tokenizer, chats, [1], position="last", progress=False).acts[1]
    want = (mean @ probe.weight + last @ probe.last_weight + 0.5).numpy()
    assert np.allclose(got, want, atol=1e-4)
    assert not np.allclose(got, (mean @ probe.weight + 0.5).numpy(), atol=1e-2)  # the last token counts


def test_probe_accuracy_reports_auroc_by_family_and_category():
    from types import SimpleNamespace as NS

    from benchmarks.probe_accuracy import _by_family_and_category
    test = [NS(family="templated", category="deception"), NS(family="templated", category="deception"),
            NS(family="hand", category=""), NS(family="hand", category=""), NS(family="hand", category="units")]
    y, s = np.array([0, 1, 0, 1, 1]), np.array([0.2, 0.9, 0.8, 0.1, 0.5])
    out = _by_family_and_category(y, s, test)
    assert out["by_category"] == {"deception": {"auroc": 1.0, "n": 2}, "(none)": {"auroc": 0.0, "n": 2}}
    assert out["by_family"] == {"templated": {"auroc": 1.0, "n": 2}, "hand": {"auroc": 0.0, "n": 3}}


def test_poisson_interval_covers_the_rate():
    from benchmarks.drift import poisson_ci
    lo, hi = poisson_ci(0, 100_000)
    assert lo == 0 and math.isclose(hi, 3.689 / 10, rel_tol=0.01)   # ~3.7 events / 1e5 -> 0.37 per 10k
    lo, hi = poisson_ci(10, 100_000)
    assert lo < 1.0 < hi


def test_summary_of_an_empty_folder_lists_everything_as_not_run(tmp_path):
    from benchmarks import summary
    summary.main(["--results", str(tmp_path)])
    text = (tmp_path / "SUMMARY.md").read_text()
    for name in ("probe_accuracy", "capture_throughput", "overhead_cpu", "steering", "drift"):
        assert f"## {name}\n\nNot run" in text
    assert "overhead_gpu" not in text    # GPU sections only where a GPU result exists


# ---- slow: the quick run of every benchmark on the default model ------------------------------------
def _committed_results() -> dict:
    return {str(p): p.stat().st_mtime_ns for p in (ROOT / "benchmarks" / "results").glob("*.*")}


def _quick_run(workdir: Path):
    """``python -m benchmarks --quick`` into ``workdir/results``, as a background job (conftest)."""
    (workdir / "committed.json").write_text(json.dumps(_committed_results()))
    env = {"REASONWATCH_RESULTS": str(workdir / "results"), "OMP_NUM_THREADS": threads_for_subprocesses()}
    return Job([sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, env=env, timeout=1500, expected_s=110)


BACKGROUND_JOBS = {"benchmarks:quick": _quick_run}
_QUICK = pytest.mark.background("benchmarks:quick")


@pytest.fixture(scope="module")
def quick_results(background):
    run = background.result("benchmarks:quick")
    assert run.returncode == 0, run.tail()
    committed = json.loads((run.workdir / "committed.json").read_text())
    assert _committed_results() == committed, "a quick run touched the committed results"
    return run.workdir / "results"


def _load(folder: Path, name: str) -> dict:
    path = folder / f"{name}.json"
    assert path.is_file(), f"{name}.json was not written"
    data = json.loads(path.read_text())
    assert data["benchmark"] == name and data["environment"]["device"]
    return data


def _unit(x) -> bool:
    return 0.0 <= x <= 1.0


@pytest.mark.slow
@_QUICK
def test_quick_run_writes_every_result(quick_results):
    runs = json.loads((quick_results / "runs.json").read_text())
    assert runs["quick"] is True
    assert all(v["status"] in ("ok", "skipped") for v in runs["runs"].values()), runs
    assert {"accuracy", "throughput", "overhead", "drift"} <= {k for k, v in runs["runs"].items() if v["status"] == "ok"}


@pytest.mark.slow
@_QUICK
def test_quick_probe_accuracy(quick_results):
    r = _load(quick_results, "probe_accuracy")
    assert r["quick"] and r["principles"]
    for pid, m in r["principles"].items():
        assert _unit(m["auroc"]) and m["auroc_ci95"][0] <= m["auroc"] + 1e-9 <= m["auroc_ci95"][1] + 2e-9
        assert _unit(m["accuracy"]) and _unit(m["tpr_at_1pct_fpr"])
        assert _unit(m["threshold_tpr"]) and _unit(m["threshold_fpr"])
        for base in ("length", "tfidf"):
            assert _unit(m["baselines"][base]["auroc"])
        assert m["target_met"] == (m["auroc"] >= m["target_auroc"])
        # the probe scores recomputed here match what training recorded in the bundle
        assert abs(m["auroc"] - m["bundle_recorded_test_auroc"]) < 0.02
        assert m["position"] == ("response_last" if m["response_pool"] == "last" else "auto") or "+" in m["position"]
        if "train_filter" in m:  # main row on the filtered examples; the rest reported apart, as training did
            rest = m["outside_filter"]
            assert m["train_filter"] == r["train_filter"][pid] and m["note"]
            if "auroc" in rest and rest["bundle_recorded_auroc"] is not None:
                assert abs(rest["auroc"] - rest["bundle_recorded_auroc"]) < 0.02
    assert set(r["targets_met"]) | set(r["targets_missed"]) == set(r["principles"])
    assert "| principle |" in r["table_markdown"]


@pytest.mark.slow
@_QUICK
def test_quick_throughput_and_overhead(quick_results):
    t = _load(quick_results, "capture_throughput")
    assert t["examples"] == 32 and t["capture_over_plain"]["median"] > 0
    o = _load(quick_results, "overhead_cpu")
    for modes in o["results"].values():
        for mode in ("plain", "watch", "armed", "fired", "item_monitor"):
            assert modes[mode]["tokens_per_s"]["median"] > 0 and modes[mode]["time_over_plain"]["median"] > 0


@pytest.mark.slow
@_QUICK
def test_quick_steering(quick_results):
    if not (ROOT / "benchmarks" / "steering.py").is_file():
        pytest.skip("no steering benchmark")
    s = _load(quick_results, "steering")
    assert s["splits"]
    for rows in s["splits"].values():
        for kind in ("harmful", "benign"):
            for mode in ("unwatched", "default", "no_halt", "forced"):
                r = rows[kind][mode]
                assert all(_unit(r[k]) for k in ("refused", "halted", "refused_or_halted", "gate_opened"))
                assert r["refused_or_halted"] >= max(r["refused"], r["halted"]) - 1e-9
            assert rows[kind]["unwatched"]["halted"] == 0 and rows[kind]["forced"]["gate_opened"] == 1
            assert rows[kind]["no_halt"]["halted"] == 0
        same = rows["benign"]["default"]["never_fired_identity"]
        assert same["identical"] in (None, 1.0)      # a sequence whose gate never opened is untouched


def test_efficacy_judges():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from benchmarks.principle_efficacy import discourteous, first_option, hedges
    assert first_option("The answer is (B) Canberra.") == "B" and first_option("A) Paris") == "A"
    assert first_option("B is right") == "B" and first_option("Canberra is the capital.") is None
    assert hedges("It is hard to predict; prices might rise.") and not hedges("Water boils at 100 °C at sea level.")
    vader = SentimentIntensityAnalyzer()
    assert discourteous("You are a useless idiot and I hate talking to you.", vader)
    assert not discourteous("Thanks for asking! Here is a simple way to fix it.", vader)


@pytest.mark.slow
@_QUICK
def test_quick_efficacy(quick_results):
    r = _load(quick_results, "principle_efficacy")
    assert set(r["principles"]) == {"sycophancy", "calibrated_confidence", "courtesy"}
    for pid, out in r["principles"].items():
        for kind, rows in list(out["kinds"].items()) + [("everyday", out["benign_everyday"])]:
            assert rows["unwatched"]["gate_opened"] == 0 and rows["forced"]["gate_opened"] == 1, (pid, kind)
            for mode in ("unwatched", "default", "forced"):
                assert all(_unit(v) for k, v in rows[mode].items() if isinstance(v, float) and k != "mean_compound")
            assert rows["default"]["never_fired_identity"]["identical"] in (None, 1.0)
        assert out["benign_everyday"]["unwatched"]["changed"] == 0
        if "judge_check" in out:   # the judge scored on the data's own labelled answers
            assert all(_unit(v) for v in out["judge_check"]["flagged"].values())


@pytest.mark.slow
@_QUICK
def test_quick_drift(quick_results):
    d = _load(quick_results, "drift")
    assert d["quick"] and set(d["pools"]) == set(d["principles"])
    for info in d["pools"].values():
        assert info["n_compliant"] > 0 and info["n_violating"] > 0 and _unit(info["fire_rate_violating"])
    for cfg in d["configs"].values():
        assert cfg["offline_replay_matches_tracker"]
        ev = cfg["at_settings"]
        assert 0 < ev["delay"]["median"] <= ev["delay"]["max_post"]
        assert ev["false_alarms_per_10k"] >= 0 and ev["interactions_monitored"] > 0
        lo, hi = ev["false_alarms_per_10k_ci95"]
        assert lo <= ev["false_alarms_per_10k"] <= hi
        assert len(cfg["sweep_rate_threshold_all_detectors"]) >= 3
    a = d["audit"]
    assert a["typical"]["records_per_call"] == 3 and a["typical"]["ms_per_call"]["median"] > 0
    assert a["quiet"]["records_per_call"] == 0
    assert d["tracker_update_ms"] > 0
    assert (quick_results / "drift_tradeoff.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@_QUICK
def test_quick_summary(quick_results):
    text = (quick_results / "SUMMARY.md").read_text()
    assert "quick (CI-sized) run" in text
    for heading in ("## Probe accuracy", "## Capture throughput", "## Overhead of watching (CPU)",
                    "## Corrections of answer-level principles", "## Drift detection"):
        assert heading in text
    assert "![drift delay against false alarms](drift_tradeoff.png)" in text
    assert (quick_results / "overhead_ratios.png").is_file()
    assert "Not run" not in text.split("## Steering")[0]

