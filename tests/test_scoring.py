"""Scoring bare texts and conversations with the shipped bundle on the default model."""

from pathlib import Path

import numpy as np
import pytest

FACTS = Path(__file__).parent / "fixtures" / "plain_facts.txt"


@pytest.fixture(scope="module")
def shipped(default_model):
    import reasonwatch
    from reasonwatch.bundle import default_bundle_path
    model, tok = default_model
    return model, tok, reasonwatch.load_bundle(default_bundle_path(), model=model)


@pytest.mark.slow
def test_plain_factual_sentences_are_flagged_by_no_principle(shipped):
    from reasonwatch.scoring import score_texts
    model, tok, bundle = shipped
    facts = [x.strip() for x in FACTS.read_text().splitlines() if x.strip()]
    assert len(facts) == 50
    res = score_texts(model, tok, bundle, [{"text": f} for f in facts], progress=False)
    flagged = [(r["id"], p) for r in res for p, f in r["flags"].items() if f == "violation"]
    assert flagged == []
    assert {r["level"] for r in res} == {"text"}


@pytest.mark.slow
def test_bare_text_is_scored_as_an_answer_to_the_neutral_request(shipped):
    from reasonwatch.scoring import BARE_TEXT_REQUEST, frame_bare_text, score_texts
    model, tok, bundle = shipped
    text = "The capital of France is Paris."
    bare, framed = score_texts(model, tok, bundle, [{"text": text}, {"messages": frame_bare_text(text)}],
                               progress=False)
    assert frame_bare_text(text)[0] == {"role": "user", "content": BARE_TEXT_REQUEST}
    for pid in bundle.ids:
        assert bare["scores"][pid]["score"] == pytest.approx(framed["scores"][pid]["score"], abs=1e-4)
    assert bare["level"] == "text" and framed["level"] == "response"


def test_generated_data_frames_bare_texts_as_scoring_does():
    import importlib.util
    import sys
    from reasonwatch.scoring import BARE_TEXT_REQUEST
    root = Path(__file__).resolve().parent.parent / "data"
    sys.path.insert(0, str(root))
    try:
        spec = importlib.util.spec_from_file_location("gen_common", root / "generators" / "common.py")
        common = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(common)
    finally:
        sys.path.remove(str(root))
    assert common.BARE_TEXT_REQUEST == BARE_TEXT_REQUEST


@pytest.mark.slow
def test_sink_position_never_enters_a_score(shipped):
    """The first position's residual (an attention sink, norm ~10^3) is in no reduction: changing it
    through a hook changes no response-level score."""
    from reasonwatch.hooks import ResidualHooks
    from reasonwatch.scoring import score_texts
    model, tok, bundle = shipped
    chat = {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello! How can I help?"}]}
    ref = score_texts(model, tok, bundle, [chat], progress=False)[0]["scores"]

    def poke(key, h):  # a large edit to the sink position only, after the last block any probe reads
        h = h.clone()
        h[:, 0] += 1e3
        return h
    with ResidualHooks(model, {max(bundle.layers): poke}):
        got = score_texts(model, tok, bundle, [chat], progress=False)[0]["scores"]
    for pid in bundle.ids:
        if bundle.principle(pid).layer == max(bundle.layers):
            assert np.isclose(got[pid]["score"], ref[pid]["score"], atol=1e-5)


def test_response_pool_last_reads_an_answer_at_its_last_content_token(tokenizer):
    """A probe with ``response_pool = "last"`` scores an answer (and a bare text, framed as one) at its last
    content token, the ``response_last`` capture; any other at the mean over the answer. ``mean``, ``max``
    and ``last`` are reported for both; a request is read the same way by both."""
    import torch
    from reasonwatch.bundle import PrincipleProbe, ProbeBundle
    from reasonwatch.capture import capture
    from reasonwatch.models import fingerprint
    from reasonwatch.scoring import flag, frame_bare_text, score_texts, token_scores
    from conftest import make_tiny_model
    model = make_tiny_model("llama", vocab_size=len(tokenizer))
    w = torch.randn(64, generator=torch.Generator().manual_seed(0))

    def probe(pid, pool):
        return PrincipleProbe(id=pid, layer=1, kind="logistic", weight=w, bias=0.1, threshold=0.2, warning=0.0,
                              score_mean=0.0, score_std=1.0, steer_layer=1, steer_vector=torch.zeros(64),
                              resid_norm=1.0, response_pool=pool)
    bundle = ProbeBundle((probe("by_mean", "mean"), probe("by_last", "last")), fingerprint(model))
    text = "The capital of France is Paris."
    chat = [{"role": "user", "content": "Where is the Eiffel Tower?"},
            {"role": "assistant", "content": "It stands in Paris, on the Champ de Mars."}]
    inputs = [{"messages": chat}, {"text": text}, [{"role": "user", "content": "hi"}]]
    res = score_texts(model, tokenizer, bundle, inputs, progress=False)
    toks = token_scores(model, tokenizer, bundle, inputs)
    last = capture(model, tokenizer, [chat, frame_bare_text(text)], [1], position="response_last",
                   progress=False).acts[1] @ w + 0.1
    for i, (r, t) in enumerate(zip(res[:2], toks[:2])):
        resp = t["response"]
        by_mean, by_last = r["scores"]["by_mean"], r["scores"]["by_last"]
        assert by_mean["score"] == pytest.approx(float(resp[:, 0].mean()), abs=1e-5)
        assert by_last["score"] == pytest.approx(float(resp[-1, 1]), abs=1e-5)
        assert by_last["score"] == pytest.approx(float(last[i]), abs=1e-4)         # the training reading
        assert by_last["score"] != pytest.approx(by_mean["score"], abs=1e-3)     # the two readings differ here
        for s in (by_mean, by_last):  # same weights: the same token scores, only the primary reading differs
            assert s["mean"] == pytest.approx(by_mean["score"]) and s["last"] == pytest.approx(by_last["score"])
            assert s["max"] >= max(s["mean"], s["last"]) - 1e-6
        assert r["flags"] == {"by_mean": flag(by_mean["score"], bundle.principles[0]),
                              "by_last": flag(by_last["score"], bundle.principles[1])}
    assert res[1]["level"] == "text"
    request = res[2]["scores"]
    assert request["by_last"] == request["by_mean"] and "last" not in request["by_last"]
