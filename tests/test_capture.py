import pytest
import torch

from reasonwatch.capture import CaptureError, capture, render
from reasonwatch.hooks import LayerError, hook_snapshot
from conftest import TINY_ARCHS, make_tiny_model

CHATS = [
    [{"role": "user", "content": "How do I kill a Python process that hangs?"},
     {"role": "assistant", "content": "Find its PID with `ps aux | grep python`, then run `kill PID`."}],
    [{"role": "user", "content": "hi"}],
    [{"role": "system", "content": "You are a support agent for a bank."},
     {"role": "user", "content": "My card was declined at the shop, what happened?"},
     {"role": "assistant", "content": "Sorry about that. Declines usually come from a daily limit or a "
                                      "fraud check; I can look at which one it was."}],
]
TEXTS = ["Short.", "A considerably longer plain text that forces padding on the shorter ones in its batch.",
         "Medium length text here."]


def _hidden_states(model, ids):
    with torch.no_grad():
        return model(input_ids=torch.tensor([ids]), output_hidden_states=True).hidden_states


@pytest.mark.parametrize("arch", TINY_ARCHS)
def test_capture_equals_hidden_states_tiny(arch, tokenizer):
    model = make_tiny_model(arch, vocab_size=len(tokenizer))
    acts = capture(model, tokenizer, TEXTS, [0, 1], position="all", batch_size=3, progress=False)
    rendered = render(tokenizer, TEXTS)
    for i, r in enumerate(rendered):
        hs = _hidden_states(model, r.input_ids)
        rows = acts.row_example == i
        assert list(acts.row_position[rows]) == list(range(len(r.input_ids)))
        for layer in (0, 1):
            torch.testing.assert_close(acts.acts[layer][rows], hs[layer + 1][0], atol=1e-5, rtol=1e-5)


def test_capture_equals_hidden_states_default(default_model):
    model, tok = default_model
    acts = capture(model, tok, CHATS, [3, 14, 28], position="all", batch_size=1, progress=False)
    for i, r in enumerate(render(tok, CHATS)):
        hs = _hidden_states(model, r.input_ids)
        for layer in (3, 14, 28):
            torch.testing.assert_close(acts.acts[layer][acts.row_example == i], hs[layer + 1][0],
                                       atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("position", ["last", "response_mean", "auto", "response", (1, 4)])
def test_padding_invariance(default_model, side, position):
    model, tok = default_model
    data = CHATS if position != "response_mean" and position != "response" else [CHATS[0], CHATS[2]]
    alone = [capture(model, tok, [x], [5, -1], position=position, progress=False) for x in data]
    batched = capture(model, tok, data, [5, -1], position=position, batch_size=len(data),
                      padding_side=side, progress=False)
    for i, one in enumerate(alone):
        for layer in (5, 29):
            # late-layer residuals reach norms of ~1e3, so the tolerance is relative there
            torch.testing.assert_close(batched.acts[layer][batched.row_example == i], one.acts[layer],
                                       atol=1e-4, rtol=1e-4)


def test_response_positions_cover_only_the_answer(tokenizer):
    r = render(tokenizer, [CHATS[0]])[0]
    a, b = r.response
    decoded = tokenizer.decode(r.input_ids[a:b])
    assert decoded.strip() == CHATS[0][1]["content"]


def test_prompt_level_ends_with_generation_prompt(tokenizer):
    r = render(tokenizer, [CHATS[1]])[0]
    assert tokenizer.decode(r.input_ids).endswith("<|im_start|>assistant\n")


def test_rows_in_input_order_and_metadata(tokenizer):
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    examples = [{"messages": CHATS[0], "id": "a", "label": 1, "split": "train"},
                {"text": "plain", "id": "b", "label": 0},
                {"messages": CHATS[2], "id": "c", "label": 0, "split": "test"}]
    acts = capture(model, tokenizer, examples, [-1], batch_size=2, progress=False)
    assert [e["id"] for e in acts.examples] == ["a", "b", "c"]
    assert list(acts.labels) == [1, 0, 0]
    assert list(acts.row_example) == [0, 1, 2]
    single = capture(model, tokenizer, [examples[1]], [-1], progress=False)
    torch.testing.assert_close(acts.acts[2][1], single.acts[2][0], atol=1e-5, rtol=1e-5)


def test_bad_inputs(tokenizer):
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    before = hook_snapshot(model)
    with pytest.raises(CaptureError, match="empty"):
        capture(model, tokenizer, [], [0], progress=False)
    with pytest.raises(CaptureError, match=r"example 1 \(ex-1\).*not an assistant turn"):
        capture(model, tokenizer, [CHATS[0], CHATS[1]], [0], position="response_mean", progress=False)
    with pytest.raises(CaptureError, match="plain text has no assistant turn"):
        capture(model, tokenizer, ["text"], [0], position="response", progress=False)
    with pytest.raises(LayerError, match="out of range"):
        capture(model, tokenizer, TEXTS, [0, 7], progress=False)
    with pytest.raises(CaptureError, match="unknown position rule"):
        capture(model, tokenizer, TEXTS, [0], position="first", progress=False)
    assert hook_snapshot(model) == before


def test_bridge_matches_hf(default_model, bridge):
    """Same residuals through the bridge's hook points as through the HF blocks. The bridge runs eager
    attention, so the exact comparison is with an eager-attention copy of the HF model; against the
    default (SDPA) kernels they agree to 1e-4 of the largest residual value (residuals reach ~1e3)."""
    import reasonwatch
    model, tok = default_model
    bridge(tok("warm-up", return_tensors="pt")["input_ids"])  # transformers installs its own hooks once
    before = hook_snapshot(bridge)
    eager, _ = reasonwatch.load_model()
    eager.set_attn_implementation("eager")
    sites = [2, 17, -1, "embed"]
    tl = capture(bridge, tok, CHATS, sites, position="all", batch_size=1, progress=False)
    hf_eager = capture(eager, tok, CHATS, sites, position="all", batch_size=1, progress=False)
    hf = capture(model, tok, CHATS, sites, position="all", batch_size=1, progress=False)
    for key in hf.acts:
        torch.testing.assert_close(tl.acts[key], hf_eager.acts[key], atol=1e-4, rtol=0)
        assert (tl.acts[key] - hf.acts[key]).abs().max() <= 1e-4 * max(1.0, hf.acts[key].abs().max())
    other = capture(bridge, tok, CHATS[:1], ["blocks.3.hook_attn_out"], position="last", progress=False)
    assert other.acts["blocks.3.hook_attn_out"].shape == (1, 576)
    assert hook_snapshot(bridge) == before
