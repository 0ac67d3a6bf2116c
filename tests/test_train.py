from dataclasses import replace

import numpy as np
import pytest
import torch

from reasonwatch.bundle import BundleError, load_bundle
from reasonwatch.capture import capture, turn_header
from reasonwatch.train import (TrainConfig, TrainingError, auroc, bootstrap_ci, calibrate, calibrate_by_kind,
                               fit_principle, tpr_at_fpr, train_bundle)
from conftest import make_tiny_model, write_tiny_constitution

FAST = TrainConfig(c_grid=(0.01, 0.1), n_boot=50)


def _tiny_activations(tokenizer, n=120, seed=0):
    """Real activations of a tiny random model on varied texts, with splits by group."""
    model = make_tiny_model("llama", vocab_size=len(tokenizer), seed=seed)
    rng = np.random.default_rng(seed)
    words = "the a cat dog runs quickly slowly house river blue green seven under over data model".split()
    texts = [" ".join(rng.choice(words, size=rng.integers(4, 12))) for _ in range(n)]
    acts = capture(model, tokenizer, texts, [0, 1, 2], position="last", progress=False).acts
    labels = np.array([i % 2 for i in range(n)])
    splits = np.array(["train"] * (n // 2) + ["val"] * (n // 4) + ["test"] * (n - n // 2 - n // 4))
    return {k: v.numpy() for k, v in acts.items()}, labels, splits


def test_planted_direction_is_found_at_the_planted_layer(tokenizer):
    acts, labels, splits = _tiny_activations(tokenizer)
    rng = np.random.default_rng(1)
    u = rng.standard_normal(acts[1].shape[1])
    u /= np.linalg.norm(u)
    spread = acts[1].std()
    acts[1] = acts[1] + np.outer(np.where(labels == 1, 1.0, -1.0), u) * 3 * spread
    fit = fit_principle("planted", acts, labels, splits, TrainConfig(c_grid=(0.01, 0.1), n_boot=50, smooth=0))
    assert fit.chosen.layer == 1
    test = splits == "test"
    s = acts[1][test] @ fit.chosen.weight + fit.chosen.bias
    assert auroc(labels[test], s) == 1.0
    cos = fit.chosen.weight @ u / np.linalg.norm(fit.chosen.weight)
    assert abs(cos) > 0.3  # the probe points along the planted direction (random other dims: ~1/sqrt(64))
    for layer in (0, 2):   # the other layers carry no label information
        assert fit.val_auroc_by_layer[layer] < 0.85


def test_shuffled_labels_give_chance(tokenizer):
    acts, labels, splits = _tiny_activations(tokenizer, n=400, seed=2)
    rng = np.random.default_rng(3)
    u = rng.standard_normal(acts[2].shape[1])
    acts[2] = acts[2] + np.outer(np.where(labels == 1, 1.0, -1.0), u) * acts[2].std()
    shuffled = rng.permutation(labels)
    fit = fit_principle("shuffled", acts, shuffled, splits, FAST)
    test = splits == "test"
    layer = fit.chosen.layer
    s = acts[layer][test] @ fit.chosen.weight + fit.chosen.bias
    assert abs(auroc(shuffled[test], s) - 0.5) < 0.12


def test_metrics_helpers():
    y = np.array([0, 0, 0, 0, 1, 1])
    assert auroc(y, np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])) == 1.0
    assert auroc(y, np.array([0.6, 0.5, 0.4, 0.3, 0.2, 0.1])) == 0.0
    assert auroc(y, np.ones(6)) == 0.5
    neg = np.arange(100.0)
    assert calibrate(neg, 0.01) > 98 and (neg >= calibrate(neg, 0.01)).mean() <= 0.01
    y2 = np.r_[np.zeros(100), np.ones(10)]
    s2 = np.r_[neg, [200, 200, 200, 50, 50, 50, 50, 50, 50, 50]]
    assert tpr_at_fpr(y2, s2, 0.01) == pytest.approx(0.3)
    # by kind: 100 easy compliant scores below 20 look-alikes'; over all 120, 5% (6 scores) lets 6 of the 20
    # look-alikes (30%) pass the level; by kind, at most 1 of 20 does
    easy, look = np.arange(100.0), np.arange(100.0, 120.0)
    both, hard = np.r_[easy, look], np.r_[np.zeros(100, bool), np.ones(20, bool)]
    assert (look >= calibrate(both, 0.05)).mean() == pytest.approx(0.30)
    level = calibrate_by_kind(both, hard, 0.05)
    assert (look >= level).mean() <= 0.05 and (easy >= level).mean() <= 0.05
    assert calibrate_by_kind(both, np.r_[np.zeros(110, bool), np.ones(10, bool)], 0.05) == calibrate(both, 0.05)


@pytest.mark.parametrize("n, ties, rare", [(300, False, False), (57, True, False), (40, False, True),
                                           (1, False, False)])
def test_bootstrap_auroc_all_resamples_at_once_equals_one_at_a_time(n, ties, rare):
    """The AUROC interval takes every resample at once; the same values as computing them one by one
    (resamples missing a class left out), to the last bit."""
    rng = np.random.default_rng(n)
    y = (rng.random(n) < (0.05 if rare else 0.4)).astype(int)
    s = rng.normal(size=n)
    s = np.round(s, 1) if ties else s
    one_at_a_time = bootstrap_ci(lambda a, b: auroc(a, b), y, s, 300, 7)
    assert bootstrap_ci(auroc, y, s, 300, 7) == one_at_a_time or np.isnan(one_at_a_time).all()


def test_one_class_is_an_error(tokenizer):
    acts, labels, splits = _tiny_activations(tokenizer, n=40)
    labels = np.zeros_like(labels)
    with pytest.raises(TrainingError, match="'x'.*train split has labels \\[0\\]"):
        fit_principle("x", acts, labels, splits, FAST)


def test_train_bundle_end_to_end_and_round_trip(tmp_path, tokenizer):
    """Tiny model, the test fixture constitution: capture, fit, calibrate, save, load, mismatch."""
    from reasonwatch.constitution import load_constitution
    constitution = load_constitution(write_tiny_constitution(tmp_path))
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    result = train_bundle(model, tokenizer, constitution, store_path=tmp_path / "acts.h5", config=FAST,
                          progress=False, log=lambda *a: None)
    bundle = result.bundle
    assert bundle.ids == constitution.ids
    for p in bundle.principles:
        assert p.warning <= p.threshold and p.score_std > 0 and p.resid_norm > 0
        assert p.weight.shape == (64,) and p.steer_vector.shape == (64,)
        assert {"val", "test"} <= set(p.metrics) and "auroc_ci95" in p.metrics["test"]
    path = bundle.save(tmp_path / "b.safetensors")
    again = load_bundle(path, model=model)
    assert again == bundle and again.sha256
    for p, q in zip(bundle.principles, again.principles):
        assert torch.equal(p.weight, q.weight) and p.threshold == q.threshold and p.metrics == q.metrics
    assert again.info["turn_header"] == turn_header(tokenizer) != []
    # a request read as the user turn's mean, and a halt reading, survive the round trip
    assert {p.response_pool for p in bundle.principles} == {"mean"}   # no principle here reads the last token
    p0 = replace(bundle.principles[0], request_pool="mean", halt_weight=torch.randn(64), halt_bias=0.5,
                 last_weight=torch.randn(64), release_weight=torch.randn(64), release_bias=-0.25,
                 response_pool="last", steer_prompt_tokens=5)
    q0 = load_bundle(replace(bundle, principles=(p0,) + bundle.principles[1:]).save(tmp_path / "h.safetensors")).principles[0]
    assert q0.request_pool == "mean" and torch.equal(q0.halt_weight, p0.halt_weight) and q0.halt_bias == 0.5
    assert q0.response_pool == "last" and q0.steer_prompt_tokens == 5
    assert torch.equal(q0.last_weight, p0.last_weight)
    assert torch.equal(q0.release_weight, p0.release_weight) and q0.release_bias == -0.25
    plain = load_bundle(path).principles[0]
    assert plain.halt_weight is None and plain.last_weight is None and plain.release_weight is None
    # a bundle written before response_pool existed (no such key in its metadata) reads answers as the mean
    import json
    from safetensors import safe_open
    from safetensors.torch import save_file
    with safe_open(str(tmp_path / "h.safetensors"), framework="pt") as f:
        meta, tensors = json.loads(f.metadata()["reasonwatch"]), {k: f.get_tensor(k) for k in f.keys()}
    for pm in meta["principles"]:
        del pm["response_pool"], pm["steer_prompt_tokens"]
    save_file(tensors, str(tmp_path / "old.safetensors"), metadata={"reasonwatch": json.dumps(meta)})
    old = load_bundle(tmp_path / "old.safetensors").principles
    assert [p.response_pool for p in old] == ["mean"] * 2 and [p.steer_prompt_tokens for p in old] == [1] * 2
    other = make_tiny_model("llama", vocab_size=len(tokenizer), seed=7)
    with pytest.raises(BundleError, match="another model.*weights_sha256"):
        load_bundle(path, model=other)
    # a cut file is a clear error, and a failed save never replaces a good bundle
    raw = path.read_bytes()
    cut = tmp_path / "cut.safetensors"
    cut.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(BundleError, match="cut.safetensors"):
        load_bundle(cut)
    bad = bundle.__class__(bundle.principles, bundle.fingerprint, {"x": object()}, {})
    with pytest.raises(TypeError):
        bad.save(path)
    assert path.read_bytes() == raw
    assert not list(tmp_path.glob(".b.safetensors.*"))  # no temporary left behind


def test_requests_read_as_the_user_turn_mean_for_training(tmp_path, tokenizer):
    """Principles in TrainConfig.request_pool are fitted on the request_mean capture, from a second store."""
    from types import SimpleNamespace

    from reasonwatch.capture import capture
    from reasonwatch.data import Example, Message
    from reasonwatch.train import _request_pooled
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    exs = [Example(id=f"r{i}", messages=(Message("user", f"request number {i} " * (i + 1)),), label=i % 2,
                   level="prompt", group=f"g{i}", split="train") for i in range(5)]
    want = capture(model, tokenizer, [e.chat() for e in exs], [1], position="request_mean", progress=False)
    last = capture(model, tokenizer, [e.chat() for e in exs], [0, 1], position="last", progress=False).acts
    rows = {f"harm:{e.id}": i for i, e in enumerate(exs)}
    for how, store in (("mean", "a.h5"), ("mean+last", "b.h5")):
        config = replace(FAST, levels={"harm": "prompt"}, request_pool={"harm": how})
        got = _request_pooled(model, tokenizer, SimpleNamespace(id="t"), {"harm": exs, "other": exs}, [0, 1],
                              tmp_path / store, config, batch_size=2, progress=False, log=lambda *a: None,
                              last={k: (v.numpy(), rows) for k, v in last.items()})
        assert set(got) == {"harm"} and (tmp_path / store).with_suffix(".request.h5").is_file()
        np.testing.assert_allclose(got["harm"][1][:, :64], want.acts[1].numpy(), atol=2e-3, rtol=1e-2)  # float16 store
        if how == "mean+last":  # the last token's residual after the mean: one probe reads both
            assert got["harm"][1].shape == (5, 128)
            np.testing.assert_array_equal(got["harm"][1][:, 64:], last[1].numpy())
        else:
            assert got["harm"][1].shape == (5, 64)


def _example(i, *, note="bare statement", category="capitals", family="templated", request=None, label=None,
             level="response", split="train", group=None):
    from reasonwatch.data import Example, Message
    from reasonwatch.scoring import BARE_TEXT_REQUEST
    msgs = (Message("user", BARE_TEXT_REQUEST if request is None else request), Message("assistant", f"Fact {i}."))
    return Example(id=f"x{i}", messages=msgs, label=i % 2 if label is None else label, level=level,
                   group=group or f"g{i // 2}", split=split, note=note, family=family, category=category)


def test_bare_facts_filter_keeps_only_bare_statements_of_non_numeric_categories():
    from reasonwatch.train import NON_NUMERIC_FACTS, bare_fact, train_filter_mask
    assert set(NON_NUMERIC_FACTS) == {"animals", "capitals", "cities", "continents", "dates", "elements",
                                      "translations"}
    yes = [_example(i, category=c) for i, c in enumerate(NON_NUMERIC_FACTS)] + [_example(9, category="dates", label=1)]
    no = [_example(20, category="arithmetic"), _example(21, category="units"), _example(22, category="comparisons"),
          _example(23, note="bare negation"), _example(24, note="question + answer"),
          _example(25, note="yes/no question"), _example(26, note="common misconception vs its correction; "
                                                                    "bare statement", category="misconceptions"),
          _example(27, category="deception", note="confidential information covered with a lie"),
          _example(28, family="hand", note=""), _example(29, family="onpolicy"),
          _example(30, request="What is the capital of France?")]
    assert [bare_fact(e) for e in yes] == [True] * len(yes)
    assert [bare_fact(e) for e in no] == [False] * len(no)
    mask = train_filter_mask("honesty", yes + no, replace(TrainConfig(), train_filter={"honesty": "bare_facts"}))
    assert mask.tolist() == [True] * len(yes) + [False] * len(no)
    assert train_filter_mask("courtesy", yes, TrainConfig()) is None          # no filter: every example
    assert train_filter_mask("honesty", yes, replace(TrainConfig(), train_filter={})) is None
    with pytest.raises(TrainingError, match="unknown train_filter 'nope'"):
        train_filter_mask("honesty", yes, replace(TrainConfig(), train_filter={"honesty": "nope"}))


def test_honesty_default_filter_adds_misconceptions_and_deception_to_the_bare_facts():
    from reasonwatch.train import truth_and_deception, train_filter_mask
    yes = [_example(0, category="animals"),
           _example(1, category="misconceptions", note="common misconception vs its correction; bare statement"),
           _example(2, category="misconceptions", request="Do bulls hate the colour red?"),
           _example(3, category="deception", request="Has the car had flood damage?", label=1),
           _example(4, category="deception", request="Has the car had flood damage?", label=0)]
    no = [_example(10, category="arithmetic"), _example(11, note="question + answer", request="Capital of France?"),
          _example(12, category="deception", family="hand"), _example(13, category="misconceptions", family="onpolicy"),
          _example(14, category="deception", level="prompt"), _example(15, category="units")]
    assert [truth_and_deception(e) for e in yes + no] == [True] * len(yes) + [False] * len(no)
    assert TrainConfig().train_filter == {"honesty": "bare_facts+misconceptions+deception"}
    assert train_filter_mask("honesty", yes + no, TrainConfig()).tolist() == [True] * len(yes) + [False] * len(no)


def test_filtered_examples_are_kept_whole_beside_the_capped_rest(tmp_path):
    """A principle's filter examples escape the family caps; its capped rest, and every other principle, are
    exactly what the caps give without a filter (same examples, same order)."""
    import json
    from types import SimpleNamespace

    from reasonwatch.train import _principle_examples, bare_fact
    exs = [_example(i, note="bare statement" if i % 4 < 2 else "bare negation", group=f"g{i // 2}",
                    split=("train", "val", "test")[i // 2 % 3]) for i in range(80)]
    path = tmp_path / "h.jsonl"
    path.write_text("".join(json.dumps({"id": e.id, "messages": e.chat(), "label": e.label, "level": e.level,
                                        "group": e.group, "split": e.split, "note": e.note, "family": e.family,
                                        "category": e.category}) + "\n" for e in exs))
    cons = SimpleNamespace(principles=[SimpleNamespace(id="honesty", datasets=[path]),
                                       SimpleNamespace(id="other", datasets=[path])])
    caps = {"templated": 10}
    plain = _principle_examples(cons, caps, 0)
    kept = _principle_examples(cons, caps, 0, keep={"honesty": bare_fact, "other": None})
    assert len(plain["honesty"]) == 10 and kept["other"] == plain["other"]
    ids = [e.id for e in kept["honesty"]]
    want = {e.id for e in plain["honesty"]} | {e.id for e in exs if bare_fact(e)}
    assert ids == [e.id for e in exs if e.id in want]                     # the file's order, nothing twice
    assert sum(bare_fact(e) for e in kept["honesty"]) == 40               # every bare statement


def test_training_examples_hold_every_filtered_example_for_honesty_and_change_no_other_principle():
    from reasonwatch.constitution import load_constitution
    from reasonwatch.data import load_examples
    from reasonwatch.train import bare_fact, training_examples, truth_and_deception
    core = load_constitution("core")
    new = training_examples(core, TrainConfig())
    old = training_examples(core, replace(TrainConfig(), train_filter={}))
    assert {pid for pid in new if new[pid] != old[pid]} == {"honesty"}
    everything = [e for path in core.principle("honesty").datasets for e in load_examples(path)]
    kept = [e for e in everything if truth_and_deception(e)]
    facts = [e for e in kept if bare_fact(e)]
    assert len(facts) > 1000 and {e.label for e in facts} == {0, 1}
    assert {e.category for e in kept if not bare_fact(e)} == {"misconceptions", "deception"}
    assert sum(e.category == "deception" for e in kept) > 1000
    assert {e.id for e in new["honesty"]} == {e.id for e in old["honesty"]} | {e.id for e in kept}


def test_train_bundle_reads_last_tokens_and_fits_on_the_filter(tmp_path, tokenizer, monkeypatch):
    """``response_pool = "last"``: a principle's answers come from ``<store>.response_last.h5``; with a train
    filter its probe is fitted, calibrated and evaluated on the filter's examples, its other examples are
    reported apart; the other principle's probe is the same as without either setting."""
    from reasonwatch import train as train_mod
    from reasonwatch.constitution import load_constitution
    from reasonwatch.store import ActivationStore
    from reasonwatch.train import metrics_table
    monkeypatch.setitem(train_mod.TRAIN_FILTERS, "even", lambda e: int(e.group.rsplit("g", 1)[1]) % 2 == 0)
    constitution = load_constitution(write_tiny_constitution(tmp_path))
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    quiet = dict(progress=False, log=lambda *a: None)
    before = train_bundle(model, tokenizer, constitution, store_path=tmp_path / "a.h5", config=FAST, **quiet).bundle
    config = replace(FAST, response_pool={"truthful": "last"}, train_filter={"truthful": "even"})
    bundle = train_bundle(model, tokenizer, constitution, store_path=tmp_path / "b.h5", config=config, **quiet).bundle
    calm, truthful = bundle.principle("calm"), bundle.principle("truthful")
    assert calm.response_pool == "mean" and truthful.response_pool == "last"
    old = before.principle("calm")
    assert calm == old and torch.equal(calm.weight, old.weight) and calm.metrics == old.metrics
    assert bundle.info["response_pool"] == {"truthful": "last"} and bundle.info["train_filter"] == {"truthful": "even"}
    # fitted on the filter (even groups), read at the last token: the threshold is the filter's val compliant
    exs = train_mod.training_examples(constitution, config)["truthful"]
    even = [e for e in exs if int(e.group.rsplit("g", 1)[1]) % 2 == 0]
    with ActivationStore.open(tmp_path / "b.response_last.h5") as store:
        assert sorted(store.ids.tolist()) == sorted(f"truthful:{e.id}" for e in exs)
        row = {x: i for i, x in enumerate(store.ids.tolist())}
        x = store.read(truthful.layer)
    val0 = [e for e in even if e.split == "val" and e.label == 0]
    s = x[[row[f"truthful:{e.id}"] for e in val0]] @ truthful.weight.numpy() + truthful.bias
    assert truthful.threshold == pytest.approx(calibrate(s, truthful.target_fpr), abs=1e-4)
    m = truthful.metrics
    assert m["train_filter"] == "even" and m["test"]["n"] == sum(e.split == "test" for e in even)
    assert m["outside_filter"]["test"]["n"] == sum(e.split == "test" for e in exs) - m["test"]["n"]
    assert "hand" in m["outside_filter"]["test_by_family"]
    assert "(even, n=4); rest, not trained on:" in metrics_table(bundle)
    assert load_bundle(bundle.save(tmp_path / "b.safetensors")).principle("truthful").response_pool == "last"


def test_every_templated_harmlessness_request_is_trained_on():
    """The harmlessness requests are captured whole: the family cap sits above the data's size."""
    from reasonwatch.constitution import load_constitution
    from reasonwatch.data import load_examples
    from reasonwatch.train import training_examples
    core = load_constitution("core")
    every = [e for path in core.principle("harmlessness").datasets for e in load_examples(path)]
    used = training_examples(core, TrainConfig())["harmlessness"]
    written = {e.id for e in every if e.family in ("hand", "templated")}      # on-policy ones are capped
    assert written <= {e.id for e in used}
    assert sum(e.family == "templated" for e in every) > 6500                # this round's supplement included
