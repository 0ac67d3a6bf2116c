"""Corrections on a tiny random model: same-pass gating at the prompt's last token, and escalation."""

from dataclasses import replace

import pytest
import torch

from reasonwatch.hooks import ResidualHooks, hook_snapshot
from reasonwatch.monitor import TrendConfig, watch
from reasonwatch.steer import SteerPolicy
from watch_helpers import padded_prompts, planted_bundle, tiny_llama

EXACT = TrendConfig(ewma=1.0, warmup=0, cusum_h=1e9)
EOS = 2


def _tiny():
    return tiny_llama(EOS)


_prompts = padded_prompts


def _last_prompt_residuals(model, inputs, layer):
    seen = {}
    with torch.no_grad(), ResidualHooks(model, {layer: lambda k, h: seen.__setitem__(k, h.clone())}):
        model(**inputs)
    return seen[layer][:, -1]                                          # [batch, d]


def _prompt_bundle(model, inputs, *, steer_layer=1, positions="prompt", halt_after=None, threshold=None):
    """A request-level principle read at block 0 whose prompt level singles out sequence 0's request."""
    x = _last_prompt_residuals(model, inputs, 0)
    w = x[0] / x[0].norm()
    s = x @ w
    assert s[0] > s[1:].max()
    level = float((s[0] + s[1:].max()) / 2)
    b = planted_bundle(model, [{"id": "harm", "layer": 0, "weight": w, "threshold": 1e9,
                                "steer_layer": steer_layer, "resid_norm": 1.0,
                                "steer_vector": torch.randn(64, generator=torch.Generator().manual_seed(2))}])
    p = replace(b.principles[0], prompt_threshold=level if threshold is None else threshold,
                steer_positions=positions, steer_alpha=20.0, halt_after=halt_after)
    return replace(b, principles=(p,))


def test_prompt_position_is_corrected_in_the_same_pass_and_only_for_the_flagged_request():
    model = _tiny()
    inputs = _prompts()
    L = inputs["input_ids"].shape[1]
    ref = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    bundle = _prompt_bundle(model, inputs)
    before = hook_snapshot(model)
    seen = {}
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy()) as run:
        with ResidualHooks(model, {2: lambda k, h: None if "prefill" in seen else seen.update(prefill=h.clone())}):
            out = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    assert hook_snapshot(model) == before
    trace = run.trace
    # exactly one corrected position: sequence 0's last prompt token, during prefill
    assert trace.corrected[..., 0].sum() == 1 and trace.corrected[0, L - 1, 0]
    assert [(c["sequence"], c["start"], c["tokens"]) for c in trace.corrections] == [(0, L - 1, 1)]
    # the correction reached the prompt's last token in that same pass: block 2 already sees it there
    clean = {}
    with torch.no_grad(), ResidualHooks(model, {2: lambda k, h: clean.__setitem__(k, h.clone())}):
        model(**inputs)
    changed = (seen["prefill"] - clean[2]).norm(dim=-1) > 1e-3 * clean[2].norm(dim=-1)
    assert changed.nonzero().tolist() == [[0, L - 1]]
    # other requests are token-identical to an unwatched run; the flagged one's answer changed
    assert torch.equal(out[1:], ref[1:])
    assert not torch.equal(out[0], ref[0])


def test_prompt_position_needs_monitor_layer_before_steering_layer():
    model = _tiny()
    inputs = _prompts()
    ref = model.generate(**inputs, max_new_tokens=4, do_sample=False)
    bundle = _prompt_bundle(model, inputs, steer_layer=0)              # same block: cannot act in that pass
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy()) as run:
        out = model.generate(**inputs, max_new_tokens=4, do_sample=False)
    assert not run.trace.corrected.any() and torch.equal(out, ref)


def test_halt_at_once_forces_eos_for_that_sequence_only():
    model = _tiny()
    inputs = _prompts()
    L = inputs["input_ids"].shape[1]
    ref = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    assert (ref[:, L:] != EOS).all()                                   # nobody stops by itself
    bundle = _prompt_bundle(model, inputs, halt_after=0, positions="answer")
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy(halt_message="Stopped.")) as run:
        out = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    trace = run.trace
    assert out[0, L] == EOS                                            # the first answer token
    assert torch.equal(out[1:, : ref.shape[1]], ref[1:])               # other rows go on
    assert [(h["sequence"], h["principle"], h["generated_index"]) for h in trace.halts] == [(0, "harm", 0)]
    assert trace.halted(0) and not trace.halted(1)
    assert trace.display_text(0) == "Stopped." and trace.display_text(1) == trace.text(1)


@pytest.mark.parametrize("sample", [False, True])
def test_halt_after_k_corrected_tokens_still_violating(sample):
    model = _tiny()
    inputs = _prompts()
    L = inputs["input_ids"].shape[1]
    d = 64
    # an answer-level principle that reads violation at every generated token of every sequence
    bundle = planted_bundle(model, [{"id": "always", "layer": 1, "weight": torch.zeros(d), "bias": 1.0,
                                     "threshold": 0.0, "steer_layer": 1}])
    kw = dict(max_new_tokens=8, do_sample=sample)
    torch.manual_seed(0)
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy(alpha=0.5, halt_after=2)) as run:
        out = model.generate(**inputs, **kw)
    # the gate opens at the first answer token; two tokens later, still violating: the 4th token is EOS
    assert (out[:, L + 3] == EOS).all()
    assert sorted(h["generated_index"] for h in run.trace.halts) == [3] * 4
    torch.manual_seed(0)
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy(alpha=0.5, halt=False)) as run:
        out = model.generate(**inputs, **kw)
    assert not run.trace.halts and (out[:, L:] != EOS).any()


def test_halt_is_recorded_in_the_audit_log(tmp_path):
    from reasonwatch.audit import AuditLog
    model = _tiny()
    inputs = _prompts()
    bundle = _prompt_bundle(model, inputs, halt_after=0, positions="answer")
    with AuditLog(tmp_path / "audit.jsonl") as log:
        with watch(model, bundle, trend=EXACT, steer=SteerPolicy(), audit=log):
            model.generate(**inputs, max_new_tokens=3, do_sample=False)
    import json
    records = [json.loads(x) for x in (tmp_path / "audit.jsonl").read_text().splitlines()]
    halts = [r for r in records if (r.get("detail") or {}).get("halted")]
    assert len(halts) == 1 and halts[0]["principle"] == "harm" and halts[0]["sequence"] == 0


def test_relative_strength_at_another_block_uses_that_blocks_norm():
    model = _tiny()
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.ones(64), "threshold": 0.0,
                                     "resid_norm": 5.0, "steer_layer": 1}])
    with pytest.raises(ValueError, match="residual norm"):
        watch(model, bundle, steer=SteerPolicy(steer_layer=2))
    bundle = replace(bundle, info={"resid_norm_by_layer": {"0": 1.0, "1": 5.0, "2": 7.0}})
    run = watch(model, bundle, steer=SteerPolicy(steer_layer=2, alpha=0.5))
    _, _, scale, *_ = run._corr.layers[2]
    assert float(scale[0]) == pytest.approx(3.5)                      # 0.5 x block 2's norm, not block 1's


@pytest.mark.parametrize("refusing", [False, True])
def test_halt_reading_stops_a_flagged_request_whose_answer_does_not_read_as_a_refusal(refusing):
    model = _tiny()
    inputs = _prompts()
    L = inputs["input_ids"].shape[1]
    base = _prompt_bundle(model, inputs, halt_after=2, positions="prompt")
    with watch(model, base, trend=EXACT, steer=SteerPolicy(halt=False)) as run:
        unhalted = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    # the reading: a constant, so the answer reads as a refusal (bias > 0) or not (bias < 0) at every token
    p = replace(base.principles[0], halt_weight=torch.zeros(64), halt_bias=1.0 if refusing else -1.0)
    bundle = replace(base, principles=(p,))
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy()) as run:
        out = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    trace = run.trace
    if refusing:                                                       # the correction took: nothing stops
        assert not trace.halts and torch.equal(out, unhalted)
        return
    # only the flagged request (sequence 0) halts, judged once after 2 answer tokens with its gate open
    assert [(h["sequence"], h["generated_index"]) for h in trace.halts] == [(0, 2)]
    assert "refusal" in trace.halts[0]["reason"]
    assert out[0, L + 2] == EOS and torch.equal(out[0, :L + 2], unhalted[0, :L + 2])
    assert torch.equal(out[1:, :unhalted.shape[1]], unhalted[1:])


@pytest.mark.parametrize("policy", [SteerPolicy(), SteerPolicy(release=False), SteerPolicy(force=True),
                                    SteerPolicy(prompt_tokens=3), SteerPolicy(prompt_tokens=3, force=True)])
def test_release_corrects_the_other_way_where_the_gate_stays_closed_but_the_model_is_about_to_refuse(policy):
    """Sequence 0's request opens the gate (corrected toward refusal); the release reading says the model is
    about to refuse sequences 1 and 2 (not 3): those are read as benign, so their last prompt token (or last
    ``prompt_tokens``) gets the same correction with the opposite sign, in the same pass. Release off, or forced
    gates: no release. Nothing before those positions changes."""
    model = _tiny()
    inputs = _prompts()
    L = inputs["input_ids"].shape[1]
    base = _prompt_bundle(model, inputs)
    x = _last_prompt_residuals(model, inputs, 0)                       # the reading: x . r > 0 for rows 0-2
    r = x[1] + x[2] - 2 * x[3]
    s = x @ r
    p = replace(base.principles[0], release_weight=r, release_bias=-float((s[:3].min() + s[3]) / 2))
    assert (x @ p.release_weight + p.release_bias > 0).tolist() == [True, True, True, False]
    bundle = replace(base, principles=(p,))
    seen = {}
    with watch(model, bundle, trend=EXACT, steer=policy) as run:
        with ResidualHooks(model, {1: lambda k, h: None if "prefill" in seen else seen.update(prefill=h.clone())}):
            out = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    clean = {}
    with torch.no_grad(), ResidualHooks(model, {1: lambda k, h: clean.__setitem__(k, h.clone())}):
        model(**inputs)
    n = policy.prompt_tokens or 1
    diff = seen["prefill"] - clean[1]
    assert diff[:, :L - n].abs().max() < 1e-5                          # before the corrected positions: untouched
    step = diff[:, L - n:]                                             # what block 1's hook added there [4, n, d]
    v = p.steer_vector / p.steer_vector.norm() * p.steer_alpha * p.resid_norm
    got = {(c["sequence"], c["start"], c["tokens"], c["release"]) for c in run.trace.corrections}
    if policy.force:                                                   # every gate open, nothing released
        assert got == {(b, L - n, n, False) for b in range(4)}
        return
    torch.testing.assert_close(step[0], v.expand(n, -1), atol=1e-4, rtol=1e-4)   # corrected toward refusal
    if policy.release:
        assert got == {(0, L - n, n, False), (1, L - n, n, True), (2, L - n, n, True)}
        torch.testing.assert_close(step[1:3], -v.expand(2, n, -1), atol=1e-4, rtol=1e-4)
    else:
        assert got == {(0, L - n, n, False)}
        assert step[1:3].abs().max() < 1e-5
    assert step[3].abs().max() < 1e-5                                  # generate() vs a plain forward: float noise
    ref = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    assert torch.equal(out[3], ref[3])                                 # untouched: token-identical
    assert not run.trace.halts


def test_request_read_as_the_mean_over_the_user_turn():
    """A principle with request_pool "mean" judges a request by its last user turn's mean residual (found by
    the bundle's turn header in the token ids), in the last prompt slot, and its gate acts on it."""
    model = _tiny()
    inputs = _prompts()
    ids = inputs["input_ids"].clone()
    ids[0, 3:5] = torch.tensor([7, 8])                                 # row 0: a turn starting at position 5
    ids[2, 1:3] = torch.tensor([7, 8])                                 # row 2: at position 3
    inputs = {"input_ids": ids, "attention_mask": inputs["attention_mask"]}
    seen = {}
    with torch.no_grad(), ResidualHooks(model, {0: lambda k, h: seen.__setitem__(k, h.clone())}):
        model(**inputs)
    x = seen[0]                                                        # [batch, t, d]
    w, lw = torch.randn(2, 64, generator=torch.Generator().manual_seed(5))
    # the turn's mean (the last token where a row has no turn header), plus a second direction at the last token
    want = torch.stack([x[0, 5:].mean(0), x[1, -1], x[2, 3:].mean(0), x[3, -1]]) @ w + x[:, -1] @ lw
    base = planted_bundle(model, [{"id": "harm", "layer": 0, "weight": w, "threshold": 1e9, "steer_layer": 1}])
    p = replace(base.principles[0], request_pool="mean", last_weight=lw, prompt_threshold=float(want.max()) - 1e-3,
                steer_positions="prompt")
    bundle = replace(base, principles=(p,), info={"turn_header": [7, 8]})
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy()) as run:
        model.generate(**inputs, max_new_tokens=2, do_sample=False)
    L = ids.shape[1]
    torch.testing.assert_close(torch.from_numpy(run.trace.scores[:, L - 1, 0]), want, atol=1e-4, rtol=1e-4)
    gated = sorted({c["sequence"] for c in run.trace.corrections})
    assert gated == [int(want.argmax())]
    with pytest.raises(Exception, match="turn_header"):
        watch(model, replace(bundle, info={}), steer=SteerPolicy())


def test_decode_step_correction_equals_the_general_one():
    """The KV-cache step path (all principles at once, no gathering) adds exactly what the general path adds,
    for add and project principles together, and nothing where every gate is closed."""
    from reasonwatch.steer import Corrections
    model = _tiny()
    g = torch.Generator().manual_seed(4)
    specs = [{"id": f"p{i}", "layer": 1, "weight": torch.randn(64, generator=g), "threshold": 0.0, "steer_layer": 2,
              "steer_vector": torch.randn(64, generator=g), "resid_norm": 3.0, "action": a}
             for i, a in enumerate(["add", "project", "add"])]
    specs.insert(1, {"id": "elsewhere", "layer": 1, "weight": torch.randn(64, generator=g), "threshold": 0.0,
                     "steer_layer": 3})
    bundle = planted_bundle(model, specs)
    corr = Corrections(bundle, SteerPolicy(alpha=0.7), n_blocks=4, device=torch.device("cpu"))
    assert 2 in corr.decode and corr.decode[2][2] is not None           # a project principle: the fused form
    hidden = torch.randn(5, 1, 64, generator=g)
    gate_all = torch.rand(5, 4, generator=g) > 0.5
    gate_all[0] = False
    idx = corr.layers[2][0]
    want = corr.apply(2, hidden, (gate_all & corr.decode[2][0])[:, None, :][..., idx])
    got = corr.apply_step(2, hidden, gate_all & corr.decode[2][0])
    torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
    assert torch.equal(got[0], hidden[0])                               # every gate closed: untouched
    assert not torch.equal(got[1:], hidden[1:])


def test_reading_fit_chooses_its_boundary_by_recall_and_names_a_missing_class():
    """The halt and release readings share one fit: logistic, strength by val AUROC; with ``recall`` the
    boundary reads that share of val refusals as refusals."""
    import numpy as np

    from reasonwatch.onpolicy import _fit_reading
    rng = np.random.default_rng(0)
    d = rng.normal(size=16)

    def part(n):
        y = (rng.random(n) < 0.2).astype(int)
        return rng.normal(size=(n, 16)) + 0.8 * y[:, None] * d, y
    (xt, yt), (xv, yv) = part(600), part(300)
    w, b, report = _fit_reading({"train": xt, "val": xv}, {"train": yt, "val": yv}, "release reading",
                                (0.01, 1.0), recall=0.9)
    s = xv @ w + b
    assert report["val_auroc"] > 0.9 and report["c"] in (0.01, 1.0)
    assert (s[yv == 1] > 0).mean() == pytest.approx(0.9, abs=0.02) == report["val_refusals_read_as_refusal"]
    assert report["val_answers_read_as_refusal"] == pytest.approx((s[yv == 0] > 0).mean())
    _, b0, own = _fit_reading({"train": xt, "val": xv}, {"train": yt, "val": yv}, "halt reading", (0.01, 1.0))
    assert b0 != b and own["val_refusals_read_as_refusal"] < 0.9     # the logistic's own boundary is stricter
    with pytest.raises(ValueError, match="release reading needs refusals and answers in val"):
        _fit_reading({"train": xt, "val": xv}, {"train": yt, "val": np.zeros_like(yv)}, "release reading", (1.0,))
