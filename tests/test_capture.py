import pytest
import torch

from reasonwatch.capture import CaptureError, capture, chat_opening, render
from reasonwatch.hooks import LayerError, ResidualHooks, hook_snapshot
from conftest import TINY_ARCHS, assert_rows_close, make_tiny_model

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
# Identities (capture == hidden_states, batched == alone) are checked on float64 models: what is left is
# the float32 rounding of the captured rows (≤ 6e-8 of each element), so 1e-6 of the row's norm is tight,
# while a real bug moves rows far more (pad tokens attended: up to 0.65 of the row norm at block 29; the
# neighbouring block: O(1)). In float32 the same comparisons depend on thread count, CPU and batch shape
# (one element of 10,368 was once 1.37e-4 off, a 2e-3 relative difference).
EXACT = 1e-6


def _hidden_states(model, ids):
    with torch.no_grad():
        return model(input_ids=torch.tensor([ids]), output_hidden_states=True).hidden_states


@pytest.mark.parametrize("arch", TINY_ARCHS)
def test_capture_equals_hidden_states_tiny(arch, tokenizer):
    model = make_tiny_model(arch, vocab_size=len(tokenizer), dtype=torch.float64)
    acts = capture(model, tokenizer, TEXTS, [0, 1], position="all", batch_size=3, progress=False)
    rendered = render(tokenizer, TEXTS)
    assert len({len(r.input_ids) for r in rendered}) == 3  # one padded batch of three lengths
    for i, r in enumerate(rendered):
        hs = _hidden_states(model, r.input_ids)
        rows = acts.row_example == i
        assert list(acts.row_position[rows]) == list(range(len(r.input_ids)))
        for layer in (0, 1):
            assert_rows_close(acts.acts[layer][rows], hs[layer + 1][0], EXACT, f"{arch} text {i} block {layer}")


def test_capture_equals_hidden_states_default(default_model_f64):
    model, tok = default_model_f64
    acts = capture(model, tok, CHATS, [3, 14, 28], position="all", batch_size=1, progress=False)
    for i, r in enumerate(render(tok, CHATS)):
        hs = _hidden_states(model, r.input_ids)
        for layer in (3, 14, 28):
            assert_rows_close(acts.acts[layer][acts.row_example == i], hs[layer + 1][0], EXACT,
                              f"chat {i} block {layer}")


REQUESTS = [[{"role": "user", "content": "hi"}],
            [{"role": "user", "content": "Summarise the plot of a heist film in two sentences, please."}],
            [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "Hi! How can I help?"},
             {"role": "user", "content": "Tell me a joke about ducks."}]]


def _padding_data(position):
    if position == "request_mean":
        return REQUESTS
    return CHATS if position not in ("response_mean", "response_last", "response") else [CHATS[0], CHATS[2]]


@pytest.fixture(scope="module")
def alone_f64(default_model_f64):
    """Each example captured alone on the float64 model, once per position rule (both padding sides
    compare with the same captures)."""
    model, tok = default_model_f64
    cache = {}

    def get(position):
        if position not in cache:
            cache[position] = [capture(model, tok, [x], [5, -1], position=position, progress=False)
                               for x in _padding_data(position)]
        return cache[position]
    return get


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("position", ["last", "response_mean", "response_last", "request_mean", "auto", "response",
                                      (1, 4)])
def test_padding_invariance(default_model_f64, alone_f64, side, position):
    """A padded batch gives each example exactly the activations it has alone (float64: see EXACT)."""
    model, tok = default_model_f64
    data = _padding_data(position)
    batched = capture(model, tok, data, [5, -1], position=position, batch_size=len(data), padding_side=side,
                      progress=False)
    for i, one in enumerate(alone_f64(position)):
        for layer in (5, 29):
            assert_rows_close(batched.acts[layer][batched.row_example == i], one.acts[layer], EXACT,
                              f"example {i} block {layer}")


@pytest.mark.parametrize("position", ["all", "auto", "response"])
def test_a_shared_opening_runs_once_and_changes_nothing(default_model_f64, position):
    """Examples that open with the same tokens (the chat template's system turn) are batched together and
    continue from one pass over that opening; each still gets exactly what it has alone (float64)."""
    model, tok = default_model_f64
    data = [CHATS[0], CHATS[2], [{"role": "user", "content": "What is the capital of France?"},
                                 {"role": "assistant", "content": "Paris."}]]
    opening = chat_opening(tok)   # the default system turn and the user header: two of the three open with it
    assert tok.decode(opening).startswith("<|im_start|>system") and tok.decode(opening).endswith("user\n")
    assert [r.input_ids[:len(opening)] == opening for r in render(tok, data)] == [True, False, True]
    seen = []
    with ResidualHooks(model, {"input_ids": lambda key, ids: seen.append(tuple(ids.shape))}):
        batched = capture(model, tok, data, [5, -1], position=position, batch_size=2, padding_side="right",
                          progress=False)
    assert seen[0] == (1, len(opening)) and seen[1][0] == 2 and seen[2][0] == 1   # opening, its batch, the other
    for i, x in enumerate(data):
        one = capture(model, tok, [x], [5, -1], position=position, progress=False)
        for layer in (5, 29):
            assert_rows_close(batched.acts[layer][batched.row_example == i], one.acts[layer], EXACT,
                              f"example {i} block {layer}")


def test_padding_invariance_float32(default_model):
    """The same in the precision models run in: equal up to float32 kernel differences (measured ≤ 6e-7
    of the row norm at block 29; pad tokens leaking into attention: up to 0.65)."""
    model, tok = default_model
    data = _padding_data("response")
    alone = [capture(model, tok, [x], [5, -1], position="response", progress=False) for x in data]
    batched = capture(model, tok, data, [5, -1], position="response", batch_size=len(data), padding_side="left",
                      progress=False)
    for i, one in enumerate(alone):
        for layer in (5, 29):
            assert_rows_close(batched.acts[layer][batched.row_example == i], one.acts[layer], 2e-5,
                              f"example {i} block {layer}")


def test_response_positions_cover_only_the_answer(tokenizer):
    r = render(tokenizer, [CHATS[0]])[0]
    a, b = r.response
    decoded = tokenizer.decode(r.input_ids[a:b])
    assert decoded.strip() == CHATS[0][1]["content"]


def test_prompt_level_ends_with_generation_prompt(tokenizer):
    r = render(tokenizer, [CHATS[1]])[0]
    assert tokenizer.decode(r.input_ids).endswith("<|im_start|>assistant\n")


def test_rows_in_input_order_and_metadata(tokenizer):
    model = make_tiny_model("llama", vocab_size=len(tokenizer), dtype=torch.float64)
    examples = [{"messages": CHATS[0], "id": "a", "label": 1, "split": "train"},
                {"text": "plain", "id": "b", "label": 0},
                {"messages": CHATS[2], "id": "c", "label": 0, "split": "test"}]
    acts = capture(model, tokenizer, examples, [-1], batch_size=2, progress=False)
    assert [e["id"] for e in acts.examples] == ["a", "b", "c"]
    assert list(acts.labels) == [1, 0, 0]
    assert list(acts.row_example) == [0, 1, 2]
    single = capture(model, tokenizer, [examples[1]], [-1], progress=False)
    assert_rows_close(acts.acts[2][1], single.acts[2][0], EXACT, "batched vs alone")


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
    """Same residuals through the bridge's hook points as through the HF blocks. The bridge runs the HF
    modules with eager attention, so against an eager-attention copy of the HF model the rows agree to
    float32 rounding (measured: bit for bit); against the default (SDPA) kernels, to float32 kernel
    differences (measured ≤ 1e-6 of the row norm; rows reach norms of ~1e4 on attention sinks)."""
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
        assert_rows_close(tl.acts[key], hf_eager.acts[key], EXACT, f"bridge vs eager HF at {key}")
        assert_rows_close(tl.acts[key], hf.acts[key], 2e-5, f"bridge vs SDPA HF at {key}")
    other = capture(bridge, tok, CHATS[:1], ["blocks.3.hook_attn_out"], position="last", progress=False)
    assert other.acts["blocks.3.hook_attn_out"].shape == (1, 576)
    assert hook_snapshot(bridge) == before


def test_request_start_finds_the_last_user_turn():
    from reasonwatch.capture import request_start
    header = torch.tensor([7, 8])
    tokens = torch.tensor([[0, 0, 7, 8, 5, 6, 9],      # left-padded, one turn: its text starts at 4
                           [7, 8, 5, 7, 8, 6, 9],      # two turns: the last one's text starts at 5
                           [0, 5, 6, 7, 6, 8, 9]])     # no header: the last token
    assert request_start(tokens, header).tolist() == [4, 5, 6]
    assert request_start(tokens, torch.tensor([], dtype=torch.long)).tolist() == [6, 6, 6]


def test_request_mean_is_the_mean_over_the_last_user_turn(tokenizer, default_model):
    from reasonwatch.capture import turn_header
    model, _ = default_model
    header = turn_header(tokenizer)
    assert tokenizer.decode(header).endswith("<|im_start|>user\n")
    pooled = capture(model, tokenizer, REQUESTS, [6], position="request_mean", progress=False)
    every = capture(model, tokenizer, REQUESTS, [6], position="all", progress=False)
    for i, r in enumerate(render(tokenizer, REQUESTS)):
        start = r.meta["request_start"]
        text = REQUESTS[i][-1]["content"]
        assert tokenizer.decode(r.input_ids[start:]).startswith(text)     # the last user turn's own text
        rows = (every.row_example == i) & (every.row_position >= start)
        assert_rows_close(pooled.acts[6][i:i + 1], every.acts[6][rows].mean(0, keepdim=True), 1e-5, f"request {i}")
    with pytest.raises(CaptureError, match="request_mean"):
        capture(model, tokenizer, [CHATS[0]], [6], position="request_mean", progress=False)


def test_response_last_is_the_answers_last_content_token(tokenizer, default_model):
    """``response_last``: the residual at the final assistant turn's last content token, the one just before
    ``<|im_end|>`` (the last position of ``Rendered.response``), as capturing every token finds it."""
    from reasonwatch.scoring import frame_bare_text
    model, _ = default_model
    data = [CHATS[0], CHATS[2], frame_bare_text("The capital of France is Paris.")]
    pooled = capture(model, tokenizer, data, [6, 15], position="response_last", batch_size=3, progress=False)
    every = capture(model, tokenizer, data, [6, 15], position="all", batch_size=3, progress=False)
    for i, r in enumerate(render(tokenizer, data)):
        a, b = r.response
        assert tokenizer.decode(r.input_ids[b]) == "<|im_end|>"                     # the turn's end marker next
        assert data[i][-1]["content"].endswith(tokenizer.decode(r.input_ids[b - 1]).strip())
        rows = (every.row_example == i) & (every.row_position == b - 1)
        assert rows.sum() == 1
        for layer in (6, 15):
            assert_rows_close(pooled.acts[layer][i:i + 1], every.acts[layer][rows], 1e-5, f"chat {i} block {layer}")
    with pytest.raises(CaptureError, match="not an assistant turn"):
        capture(model, tokenizer, [CHATS[1]], [6], position="response_last", progress=False)
