import math

import numpy as np
import pytest
import torch

from reasonwatch.bundle import BundleError
from reasonwatch.hooks import ResidualHooks, hook_snapshot
from reasonwatch.monitor import SteerPolicy, TrendConfig, watch
from conftest import make_tiny_model
from watch_helpers import padded_prompts, planted_bundle, tiny_llama

EXACT = TrendConfig(ewma=1.0, warmup=0, cusum_h=1e9)  # state = score vs threshold, position by position


def _tiny():
    return tiny_llama()


_prompts = padded_prompts


def _residual(model, seqs, layer):
    seen = {}
    with torch.no_grad(), ResidualHooks(model, {layer: lambda k, h: seen.__setitem__(k, h.clone())}):
        model(input_ids=seqs, attention_mask=(seqs != -1).long())
    return seen[layer]


def test_planted_direction_opens_gate_at_expected_position_and_steers_only_that_sequence():
    model = _tiny()
    inputs = _prompts()
    L, new = inputs["input_ids"].shape[1], 12
    ref = model.generate(**inputs, max_new_tokens=new, do_sample=False)
    # plant a probe along the layer-1 residual of sequence 0 at generated position L+4
    target = L + 4
    with torch.no_grad():
        seen = {}
        with ResidualHooks(model, {1: lambda k, h: seen.__setitem__(k, h.clone())}):
            model(input_ids=ref, attention_mask=torch.cat([inputs["attention_mask"],
                                                           torch.ones(4, new, dtype=torch.long)], 1))
    resid = seen[1]
    w = resid[0, target] / resid[0, target].norm()
    scores = resid @ w                                       # [4, T]
    others = scores.clone()
    others[0, target] = -math.inf
    valid = torch.zeros_like(scores, dtype=torch.bool)
    valid[:, L - 1:] = True                                  # the monitor judges from the last prompt position on
    assert scores[0, target] > others[valid].max()           # the planted direction singles out that position
    thr = float((scores[0, target] + others[valid].max()) / 2)
    first_seq0 = int(torch.nonzero(scores[0, L - 1:] >= thr)[0]) + L - 1
    assert first_seq0 == target
    bundle = planted_bundle(model, [{"id": "planted", "layer": 1, "weight": w, "threshold": thr,
                                     "steer_vector": torch.randn(64, generator=torch.Generator().manual_seed(1)),
                                     "resid_norm": float(resid.norm(dim=-1).mean())}])
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy(alpha=3.0, budget=4)) as run:
        out = model.generate(**inputs, max_new_tokens=new, do_sample=False)
    trace = run.trace
    violations = [e for e in trace.events if e["state"] == "violation"]
    assert [(e["sequence"], e["position"]) for e in violations] == [(0, target)]
    # the correction starts at the next position, on sequence 0 only, and stops once the score is back
    # below the warning level (the planted direction marks one position only)
    assert [(c["sequence"], c["start"], c["tokens"]) for c in trace.corrections] == [(0, target + 1, 1)]
    assert torch.equal(out[1:], ref[1:])                     # other sequences untouched
    assert torch.equal(out[0, : target + 2], ref[0, : target + 2])  # earlier positions untouched
    assert not torch.equal(out[0], ref[0])                   # and the correction did change the output
    # per-token scores in the trace equal the probe applied to the unwatched residuals (before steering)
    np.testing.assert_allclose(trace.scores[:, : target + 1, 0], scores[:, : target + 1].numpy(), atol=1e-4)


def test_never_fired_is_token_identical_tiny():
    model = _tiny()
    inputs = _prompts()
    ref = model.generate(**inputs, max_new_tokens=10, do_sample=False)
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 1e9},
                                    {"id": "b", "layer": 2, "weight": torch.randn(64), "threshold": 1e9,
                                     "steer_layer": 0, "action": "project"}])
    for policy in (None, SteerPolicy(alpha=5.0)):
        with watch(model, bundle, steer=policy) as run:
            out = model.generate(**inputs, max_new_tokens=10, do_sample=False)
        assert torch.equal(out, ref)
        assert run.trace.corrections == [] and run.trace.scores.shape == (4, ref.shape[1] - 1, 2)  # the last token is never read


def test_forced_steering_changes_output_and_budget_limits_it():
    model = _tiny()
    inputs = _prompts()
    ref = model.generate(**inputs, max_new_tokens=8, do_sample=False)
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 1e9,
                                     "steer_vector": torch.randn(64), "resid_norm": 10.0}])
    with watch(model, bundle, steer=SteerPolicy(alpha=4.0, force=True, budget=3)) as run:
        out = model.generate(**inputs, max_new_tokens=8, do_sample=False)
    assert not torch.equal(out, ref)
    assert all(c["tokens"] == 3 for c in run.trace.corrections) and len(run.trace.corrections) == 4


@pytest.mark.parametrize("action", ["project", "clamp"])
def test_other_actions_reduce_the_probe_score(action):
    model = _tiny()
    inputs = _prompts()
    w = torch.randn(64)
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": w, "threshold": -1e9, "action": action,
                                     "steer_vector": -w}])
    with watch(model, bundle, trend=EXACT) as run:
        model.generate(**inputs, max_new_tokens=6, do_sample=False)
    plain = run.trace.scores[:, -4:, 0]
    with watch(model, bundle, trend=EXACT, steer=SteerPolicy(steer_layer="probe")) as run:
        model.generate(**inputs, max_new_tokens=6, do_sample=False)
    steered = run.trace.scores[:, -4:, 0]
    assert run.trace.corrections
    assert (steered <= plain + 1e-4).all() and (steered < plain - 1e-3).any()
    if action == "clamp":
        assert (steered < -1e8).all()  # capped at the (very low) threshold


def test_hooks_gone_after_exceptions():
    from transformers import StoppingCriteria, StoppingCriteriaList
    model = _tiny()
    before = hook_snapshot(model)
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 0.0}])

    class Boom(StoppingCriteria):
        def __call__(self, input_ids, scores, **kw):
            if input_ids.shape[1] > 11:
                raise RuntimeError("interrupted")
            return torch.zeros(input_ids.shape[0], dtype=torch.bool)
    run = watch(model, bundle, steer=SteerPolicy())
    with pytest.raises(RuntimeError, match="interrupted"):
        with run:
            model.generate(**_prompts(), max_new_tokens=10, do_sample=False,
                           stopping_criteria=StoppingCriteriaList([Boom()]))
    assert hook_snapshot(model) == before
    with pytest.raises(RuntimeError, match="no trace"):
        run.trace


def test_bad_input_before_generation():
    model = _tiny()
    other = make_tiny_model("qwen2", vocab_size=512)
    bundle = planted_bundle(other, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 0.0}])
    before = hook_snapshot(model)
    with pytest.raises(BundleError, match="another model"):
        watch(model, bundle)
    good = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 0.0}])
    with pytest.raises(BundleError, match="'nope' is not in this bundle"):
        watch(model, good, principles=["nope"])
    with pytest.raises(BundleError, match="not in the bundle"):
        watch(model, good, steer=SteerPolicy(principles=("nope",)))
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="finite"):
            SteerPolicy(alpha=bad)

    class Tok:
        padding_side = "right"
    with pytest.raises(ValueError, match="left-padded"):
        watch(model, good, tokenizer=Tok())
    assert hook_snapshot(model) == before


def test_no_cache_decoding_matches_cached_decoding_under_steering():
    """Without a KV cache every step recomputes the whole sequence; earlier corrections are re-applied."""
    model = _tiny()
    inputs = _prompts()
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 1e9,
                                     "steer_vector": torch.randn(64), "resid_norm": 10.0}])
    outs, scores = [], []
    for use_cache in (True, False):
        with watch(model, bundle, steer=SteerPolicy(alpha=2.0, force=True, budget=3)) as run:
            outs.append(model.generate(**inputs, max_new_tokens=7, do_sample=False, use_cache=use_cache))
        scores.append(run.trace.scores)
        assert len(run.trace.corrections) == 4
    assert torch.equal(outs[0], outs[1])
    np.testing.assert_allclose(scores[0], scores[1], atol=1e-4)


def test_hooks_never_read_tensor_values_on_the_host(monkeypatch):
    """The CPU stand-in for torch.cuda.set_sync_debug_mode("error"): while any reasonwatch hook runs,
    reading a tensor's value on the host (item, bool, tolist, numpy, cpu, int, float) raises."""
    model = _tiny()
    bundle = planted_bundle(model, [{"id": "a", "layer": 1, "weight": torch.randn(64), "threshold": 0.0},
                                    {"id": "b", "layer": 2, "weight": torch.randn(64), "threshold": 1e9,
                                     "steer_layer": 0, "action": "project"}])
    inside = [False]

    def guard(name):
        original = getattr(torch.Tensor, name)

        def wrapper(self, *a, **k):
            if inside[0]:
                raise AssertionError(f"host sync inside a hook: Tensor.{name}")
            return original(self, *a, **k)
        monkeypatch.setattr(torch.Tensor, name, wrapper)
    for name in ("item", "__bool__", "tolist", "numpy", "cpu", "__int__", "__float__"):
        guard(name)
    run = watch(model, bundle, steer=SteerPolicy(alpha=1.0))

    def flagged(fn):
        def wrapper(*a):
            inside[0] = True
            try:
                return fn(*a)
            finally:
                inside[0] = False
        return wrapper
    run._on_input, run._on_layer = flagged(run._on_input), flagged(run._on_layer)
    with run:
        model.generate(**_prompts(), max_new_tokens=8, do_sample=False)
    assert run.trace.corrections  # the gates did open and steer, all without a host read


def _synthetic_trace(low: float):
    """A one-sequence trace whose first principle is steered from 0 down to ``low`` (relative to its
    violation level) and whose second is judged at the prompt's last token, scoring ``low`` there too."""
    from reasonwatch.trace import Trace
    P, L, G = 2, 3, 10
    T = L + G
    ewma = np.zeros((1, T, P), dtype=np.float32)
    ewma[0, L:, 0] = np.linspace(0.5, low, G)
    ewma[0, L:, 1] = np.linspace(-1.0, -2.0, G)
    scores = ewma.copy()
    scores[0, L - 1, 1] = low
    corrected = np.zeros((1, T, P), dtype=bool)
    corrected[0, L + 1:, 0] = True
    return Trace(principles=("a", "b"), tokens=np.zeros((1, T), dtype=np.int64), token_text=[[""] * T],
                 valid=np.ones((1, T), dtype=bool), prompt_len=L, scores=scores,
                 states=np.zeros((1, T, P), dtype=np.int8), ewma=ewma, corrected=corrected,
                 thresholds=np.zeros(P), warnings=np.full(P, -0.5), prompt_thresholds=np.array([np.inf, 0.0]),
                 events=[], corrections=[])


@pytest.mark.parametrize("low", [-3.0, -60.0, -5000.0])
def test_plot_axis_shows_every_point(low):
    """Regression: the y axis was cut at -12, so a strongly steered line (or a prompt-level square far
    below its level) left the plot. Every plotted point must lie inside the axis limits."""
    ax = _synthetic_trace(low).plot().axes[0]
    bottom, top = ax.get_ylim()
    ys = np.concatenate([ln.get_ydata() for ln in ax.lines] +
                        [c.get_offsets()[:, 1] for c in ax.collections])
    assert bottom <= ys.min() <= low and ys.max() <= top
    # near the violation level the axis stays linear, so crossings of 0 remain readable
    assert ax.get_yscale() == ("linear" if low > -12 else "symlog")
    if ax.get_yscale() == "symlog":
        assert ax.yaxis.get_transform().linthresh >= 1.0
