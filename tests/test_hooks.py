import pytest
import torch

from reasonwatch.hooks import LayerError, ResidualHooks, find_blocks, hook_snapshot, resolve_layer
from conftest import TINY_ARCHS, assert_rows_close, make_tiny_model


def _grab(store):
    def fn(key, hidden):
        store[key] = hidden.detach().clone()
    return fn


@pytest.mark.parametrize("arch", TINY_ARCHS)
def test_sites_match_hidden_states_tiny(arch):
    model = make_tiny_model(arch)
    ids = torch.randint(0, 1000, (2, 7))
    seen = {}
    with torch.no_grad(), ResidualHooks(model, {0: _grab(seen), 1: _grab(seen), "embed": _grab(seen)}):
        out = model(input_ids=ids, output_hidden_states=True)
    hs = out.hidden_states
    # the hooks see the very tensors of this forward pass: equal bit for bit, on any thread count or CPU
    assert torch.equal(seen["embed"], hs[0])
    for i in (0, 1):  # the last entry of hidden_states is after the final norm, so compare inner blocks
        assert torch.equal(seen[i], hs[i + 1])


def test_sites_match_hidden_states_default(default_model):
    model, tok = default_model
    enc = tok(["The residual stream carries everything."], return_tensors="pt")
    layers = [0, 7, 15, 28, 29]
    seen = {}
    with torch.no_grad(), ResidualHooks(model, {i: _grab(seen) for i in layers}):
        out = model(**enc, output_hidden_states=True)
    for i in layers[:-1]:
        assert torch.equal(seen[i], out.hidden_states[i + 1])
    # the last block's site is before the final norm; hidden_states[-1] is after it (the norm recomputed
    # here on the same input: equal up to float32 rounding of its row)
    assert_rows_close(model.model.norm(seen[29]), out.hidden_states[30], 1e-6, "final norm")


@pytest.mark.parametrize("arch,path", [("llama", "model.layers"), ("qwen2", "model.layers"),
                                       ("gemma", "model.layers"), ("gpt2", "transformer.h")])
def test_block_discovery(arch, path):
    model = make_tiny_model(arch)
    assert find_blocks(model)[0] == path
    assert len(find_blocks(model, path)[1]) == 3
    with pytest.raises(LayerError, match="does not exist"):
        find_blocks(model, "model.nope")


def test_negative_layers_and_range_errors():
    model = make_tiny_model("llama")
    assert resolve_layer(model, -1) == 2 and resolve_layer(model, -3) == 0
    before = hook_snapshot(model)
    for bad in (3, -4, 99):
        with pytest.raises(LayerError, match=r"valid layers are 0\.\.2"):
            ResidualHooks(model, {0: lambda k, h: None, bad: lambda k, h: None}).__enter__()
    assert hook_snapshot(model) == before


def test_hooks_removed_after_exception_in_forward():
    model = make_tiny_model("llama")
    before = hook_snapshot(model)

    def boom(key, hidden):
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError, match="boom"):
        with ResidualHooks(model, {0: lambda k, h: None, 1: boom}):
            model(input_ids=torch.tensor([[1, 2, 3]]))
    assert hook_snapshot(model) == before


def test_hooks_removed_after_interrupted_generate():
    from transformers import StoppingCriteria, StoppingCriteriaList
    model = make_tiny_model("llama")
    before = hook_snapshot(model)

    class Interrupt(StoppingCriteria):
        def __init__(self):
            self.calls = 0

        def __call__(self, input_ids, scores, **kwargs):
            self.calls += 1
            if self.calls == 3:
                raise KeyboardInterrupt
            return torch.zeros(input_ids.shape[0], dtype=torch.bool)
    hooks = ResidualHooks(model, {1: lambda k, h: None, "embed": lambda k, h: h})
    with pytest.raises(KeyboardInterrupt):
        with hooks:
            assert hook_snapshot(model) != before  # the hooks really were there
            model.generate(input_ids=torch.tensor([[1, 2, 3]]), max_new_tokens=10, do_sample=False,
                           stopping_criteria=StoppingCriteriaList([Interrupt()]), pad_token_id=0)
    assert hook_snapshot(model) == before
    hooks.remove()  # idempotent
    assert hook_snapshot(model) == before


def test_writing_hook_changes_output_and_leaves_model_unchanged():
    model = make_tiny_model("llama")
    ids = torch.tensor([[5, 6, 7, 8]])
    with torch.no_grad():
        ref = model(input_ids=ids).logits
        with ResidualHooks(model, {1: lambda k, h: h + 1.0, "embed": lambda k, h: h * 2}):
            steered = model(input_ids=ids).logits
        after = model(input_ids=ids).logits
    assert not torch.allclose(ref, steered)
    assert torch.equal(ref, after)


def test_foreign_hooks_untouched():
    model = make_tiny_model("llama")
    calls = []
    handle = model.model.layers[0].register_forward_hook(lambda m, a, o: calls.append(1))
    with ResidualHooks(model, {0: lambda k, h: None}):
        model(input_ids=torch.tensor([[1, 2]]))
    model(input_ids=torch.tensor([[1, 2]]))
    assert len(calls) == 2
    handle.remove()
