"""`reasonwatch eval`: reading labelled files, framing, metrics, JSON and plot, on a tiny random model.

The probes are planted: a direction fitted (by least squares, n rows < d_model) so that the pooled
activation of every row of a fixture scores exactly +1 (positive) or -1 (negative). The activations are
captured here from conversations built by hand, independently of how ``evaluate`` frames rows, so a
wrong framing or reduction breaks the perfect separation.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from sklearn.metrics import roc_auc_score

from conftest import make_tiny_model
from reasonwatch.capture import capture
from reasonwatch.cli import main
from reasonwatch.data import DatasetError
from reasonwatch.evaluate import evaluate_file, evaluate_inputs, evaluate_scores, read_labelled
from reasonwatch.scoring import BARE_TEXT_REQUEST, score_texts
from watch_helpers import planted_bundle

FIX = Path(__file__).parent / "fixtures" / "eval"
ANSWERS, TEXTS = FIX / "answers.csv", FIX / "texts.jsonl"
LAYER = 1


@pytest.fixture(scope="module")
def tiny(tokenizer):
    return make_tiny_model("llama", vocab_size=len(tokenizer), seed=7), tokenizer


def _separating_direction(model, tok, conversations, labels) -> torch.Tensor:
    """w with (pooled activation) @ w = +1 for positives, -1 for negatives, exactly (least squares)."""
    x = capture(model, tok, conversations, [LAYER], position="auto", progress=False).acts[LAYER].double()
    target = torch.tensor(labels, dtype=torch.float64) * 2 - 1
    w = torch.linalg.pinv(x) @ target
    assert torch.allclose(x @ w, target, atol=1e-6)
    return w.float()


def _bundle(model, w, threshold=0.0):
    return planted_bundle(model, [{"id": "planted", "layer": LAYER, "weight": w, "threshold": threshold},
                                  {"id": "reversed", "layer": LAYER, "weight": -w, "threshold": threshold}])


# ---- reading files ----------------------------------------------------------------------------------
def test_read_csv_with_prompts_categories_and_a_multiline_row():
    d = read_labelled(ANSWERS, prompt_column="prompt", category_column="category")
    assert len(d.texts) == 16 and d.labels.tolist() == [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0]
    assert d.texts[6] == "Yes: three monthly payments, no fees.\nYou can choose them at checkout."
    assert d.lines[6:8] == (8, 10)             # the quoted two-line row starts on line 8; the next is line 10
    assert d.prompts[10] is None and d.prompts[0] == "Where is my parcel?"   # empty cell: neutral request
    assert 'use "Forgot password"' in d.texts[8]                         # doubled quotes unescaped
    assert d.categories[12:14] == ("insults", "insults")


def test_read_jsonl_boolean_and_string_labels():
    d = read_labelled(TEXTS, label_column="is_toxic", category_column="category")
    assert d.lines[7] == 9                     # a blank line 8 is skipped but still counted
    toxic = read_labelled(TEXTS, label_column="verdict", positive="toxic")
    neutral = read_labelled(TEXTS, label_column="verdict", positive="neutral")
    assert toxic.labels.tolist() == d.labels.tolist() == (1 - neutral.labels).tolist()
    assert d.labels.sum() == 7 and d.prompts is None


@pytest.mark.parametrize("name, kwargs, where, words", [
    ("answers.csv", {"label_column": "verdict"}, "answers.csv:1", ["'verdict'", "'label'", "'text'"]),
    ("answers.csv", {"prompt_column": "question"}, "answers.csv:1", ["prompt column 'question'"]),
    ("missing_label.jsonl", {}, "missing_label.jsonl:3", ["label column 'label'"]),
    ("bad_label.csv", {}, "bad_label.csv:5", ["column 'label'", "'maybe'", "--positive"]),
    ("texts.jsonl", {"label_column": "verdict"}, "texts.jsonl:1", ["'neutral'", "--positive"]),
    ("texts.jsonl", {"label_column": "verdict", "positive": "Toxic"}, "texts.jsonl", ["'Toxic'", "'toxic'"]),
    ("single_class.jsonl", {}, "single_class.jsonl", ["all 3 rows", "both classes"]),
    ("header_only.csv", {}, "header_only.csv", ["no rows"]),
    ("empty.jsonl", {}, "empty.jsonl", ["empty file"]),
    ("absent.csv", {}, "absent.csv", ["no such file"]),
])
def test_bad_files_name_file_line_and_column(name, kwargs, where, words):
    with pytest.raises(DatasetError) as err:
        read_labelled(FIX / name, **kwargs)
    msg = str(err.value)
    assert msg.startswith(str(FIX / where) + ":"), msg
    for w in words:
        assert w in msg, msg


def test_empty_text_cell_is_an_error(tmp_path):
    f = tmp_path / "gap.csv"
    f.write_text("text,label\nfine,0\n  ,1\n")
    with pytest.raises(DatasetError, match=r"gap\.csv:3: column 'text': empty text"):
        read_labelled(f)


# ---- metrics ----------------------------------------------------------------------------------------
def test_evaluate_scores_known_values_reversal_and_categories():
    y = np.array([0, 0, 0, 1, 1, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8, 0.2, 0.9])        # one positive (0.2) below two negatives
    cats = ["a", "a", "b", "a", "b", "c"]
    res = evaluate_scores({"p": s, "neg": -s}, y, categories=cats, n_boot=200)
    assert res["p"].auroc == pytest.approx(7 / 9) and res["neg"].auroc == pytest.approx(2 / 9)
    assert res["p"].auroc_ci95[0] <= 7 / 9 <= res["p"].auroc_ci95[1]
    assert res["p"].tpr_at_1pct_fpr == pytest.approx(2 / 3)   # positives above the highest negative
    a, b, c = (res["p"].categories[k] for k in "abc")
    assert a["auroc"] == 1.0 and b["auroc"] == 0.0 and math.isnan(c["auroc"])
    assert c["auroc_pos_vs_all_neg"] == 1.0 and math.isnan(c["auroc_neg_vs_all_pos"])
    assert a["auroc_neg_vs_all_pos"] == pytest.approx(roc_auc_score([0, 0, 1, 1, 1], [0.1, 0.4, 0.8, 0.2, 0.9]))
    with pytest.raises(ValueError, match="both classes"):
        evaluate_scores({"p": s}, np.zeros(6))


# ---- end to end on a tiny model -----------------------------------------------------------------------
def test_answers_separable_by_planted_direction_give_auroc_one_and_reversed_zero(tiny):
    model, tok = tiny
    d = read_labelled(ANSWERS, prompt_column="prompt", category_column="category")
    chats = [[{"role": "user", "content": p or BARE_TEXT_REQUEST}, {"role": "assistant", "content": t}]
             for p, t in zip(d.prompts, d.texts)]
    bundle = _bundle(model, _separating_direction(model, tok, chats, d.labels))
    res = evaluate_file(model, tok, bundle, ANSWERS, prompt_column="prompt", category_column="category",
                        n_boot=200)
    assert res.framing == "answer" and res.level == "response" and res.n == 16 and res.n_positive == 7
    np.testing.assert_allclose(res.scores["planted"], d.labels * 2 - 1, atol=1e-3)
    good, bad = res.principle("planted"), res.principle("reversed")
    assert good.auroc == 1.0 and good.auroc_ci95 == (1.0, 1.0) and good.tpr_at_1pct_fpr == 1.0
    assert bad.auroc == 0.0 and bad.tpr_at_1pct_fpr == 0.0
    assert (good.flagged_positive, good.flagged_negative) == (1.0, 0.0)   # threshold 0 splits ±1
    assert (bad.flagged_positive, bad.flagged_negative) == (0.0, 1.0)
    cats = good.categories
    assert cats["billing"]["auroc"] == 1.0 and cats["billing"]["n"] == 5 and cats["billing"]["n_positive"] == 2
    assert math.isnan(cats["insults"]["auroc"]) and cats["insults"]["auroc_pos_vs_all_neg"] == 1.0
    assert bad.categories["delivery"]["auroc"] == 0.0
    # the same texts framed without their prompts no longer score ±1: the prompt column was used
    plain = evaluate_file(model, tok, bundle, ANSWERS, framing="answer", n_boot=10)
    assert not np.allclose(plain.scores["planted"], d.labels * 2 - 1, atol=1e-3)


def test_prompt_framing_scores_the_request_by_its_last_token(tiny):
    model, tok = tiny
    d = read_labelled(TEXTS, label_column="is_toxic")
    w = _separating_direction(model, tok, [[{"role": "user", "content": t}] for t in d.texts], d.labels)
    bundle = _bundle(model, w)
    res = evaluate_inputs(model, tok, bundle, d.texts, d.labels.tolist(), framing="prompt", n_boot=50)
    assert res.level == "prompt" and res.principle("planted").auroc == 1.0 and res.principle("reversed").auroc == 0.0
    np.testing.assert_allclose(res.scores["planted"], d.labels * 2 - 1, atol=1e-3)
    # planted probes have no prompt-level threshold: the bundle cannot flag requests, so no shares
    assert res.principle("planted").flagged_positive is None
    text = evaluate_inputs(model, tok, bundle, d.texts, d.labels.tolist(), framing="text", n_boot=50)
    assert text.principle("planted").auroc < 1.0       # framed otherwise, the direction no longer separates


def test_text_framing_equals_score_texts_and_answer_without_prompt(tiny):
    model, tok = tiny
    d = read_labelled(TEXTS, label_column="is_toxic", category_column="category")
    w = torch.randn(64, generator=torch.Generator().manual_seed(5))
    bundle = planted_bundle(model, [{"id": "random", "layer": 2, "weight": w, "threshold": 0.0}])
    res = evaluate_file(model, tok, bundle, TEXTS, label_column="is_toxic", category_column="category",
                        n_boot=50)
    oracle = np.array([r["scores"]["random"]["score"]
                       for r in score_texts(model, tok, bundle, [{"text": t} for t in d.texts], progress=False)])
    np.testing.assert_allclose(res.scores["random"], oracle, rtol=1e-5, atol=1e-5)
    p = res.principle("random")
    assert p.auroc == pytest.approx(roc_auc_score(d.labels, oracle))
    neg_max = oracle[d.labels == 0].max()
    assert p.tpr_at_1pct_fpr == pytest.approx((oracle[d.labels == 1] > neg_max).mean())
    groups = np.array(d.categories) == "groups"
    assert p.categories["groups"]["auroc"] == pytest.approx(roc_auc_score(d.labels[groups], oracle[groups]))
    # an answer without a prompt is the bare text as scoring frames it: same scores
    ans = evaluate_file(model, tok, bundle, TEXTS, label_column="is_toxic", framing="answer", n_boot=10)
    np.testing.assert_allclose(ans.scores["random"], oracle, rtol=1e-5, atol=1e-5)
    assert "groups" in res.summary() and "random" in repr(res)


def test_framing_errors(tiny):
    model, tok = tiny
    bundle = planted_bundle(model, [{"id": "p", "layer": 1, "weight": torch.ones(64), "threshold": 0.0}])
    with pytest.raises(ValueError, match="unknown framing"):
        evaluate_inputs(model, tok, bundle, ["a", "b"], [0, 1], framing="chat")
    with pytest.raises(ValueError, match="--as answer"):
        evaluate_inputs(model, tok, bundle, ["a", "b"], [0, 1], prompts=["q", "q"], framing="text")
    with pytest.raises(ValueError, match="both classes"):
        evaluate_inputs(model, tok, bundle, ["a", "b"], [1, 1])
    with pytest.raises(ValueError, match="0/1"):
        evaluate_inputs(model, tok, bundle, ["a", "b"], [0, 2])


# ---- command line -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def saved_tiny(tiny, tmp_path_factory):
    """The tiny model and tokenizer in a folder, and a bundle whose direction separates texts.jsonl as
    requests (toxic positive)."""
    model, tok = tiny
    folder = tmp_path_factory.mktemp("tiny-eval")
    model.save_pretrained(folder / "model")
    tok.save_pretrained(folder / "model")
    d = read_labelled(TEXTS, label_column="is_toxic")
    w = _separating_direction(model, tok, [[{"role": "user", "content": t}] for t in d.texts], d.labels)
    bundle = _bundle(model, w).save(folder / "bundle.safetensors")
    return folder / "model", bundle


def _strict_json(path: Path) -> dict:
    def refuse(token):
        raise AssertionError(f"{path} holds {token}, which is not JSON")
    return json.loads(path.read_text(), parse_constant=refuse)


def test_cli_json_plot_and_reversed_string_labels(saved_tiny, tmp_path, capsys):
    model_dir, bundle = saved_tiny
    common = ["eval", str(TEXTS), "--model", str(model_dir), "--bundle", str(bundle), "--label-column",
              "verdict", "--as", "prompt", "--category-column", "category", "--n-boot", "100", "--quiet"]
    out, png = tmp_path / "eval.json", tmp_path / "roc.png"
    assert main(common + ["--positive", "toxic", "-o", str(out), "--plot", str(png), "--principles",
                          "planted", "--include-scores"]) == 0
    printed = capsys.readouterr().out
    assert "planted" in printed and "1.000" in printed and str(out) in printed
    res = _strict_json(out)
    assert set(res["principles"]) == {"planted"} and res["framing"] == "prompt" and res["n"] == 14
    p = res["principles"]["planted"]
    assert p["auroc"] == 1.0 and p["auroc_ci95"] == [1.0, 1.0] and p["tpr_at_1pct_fpr"] == 1.0
    assert p["categories"]["health"]["auroc"] is None               # one class only: null, not NaN
    assert p["categories"]["insults"]["auroc"] == 1.0
    assert res["settings"]["positive"] == "toxic" and res["settings"]["columns"]["category"] == "category"
    assert [r["line"] for r in res["rows"]][7] == 9 and len(res["rows"]) == 14
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    # the other label as positive reverses every AUROC
    assert main(common + ["--positive", "neutral", "-o", str(out)]) == 0
    res = _strict_json(out)
    assert res["principles"]["planted"]["auroc"] == 0.0 and res["principles"]["reversed"]["auroc"] == 1.0


def test_cli_reads_the_file_before_loading_a_model(monkeypatch, capsys):
    import reasonwatch.models

    def no_model(*a, **k):
        raise AssertionError("the model was loaded before the file was checked")
    monkeypatch.setattr(reasonwatch.models, "load_model", no_model)
    assert main(["eval", str(FIX / "bad_label.csv")]) == 2
    err = capsys.readouterr().err
    assert "bad_label.csv:5" in err and "column 'label'" in err and "'maybe'" in err
    assert main(["eval", str(ANSWERS), "--prompt-column", "prompt", "--as", "text"]) == 2
    assert "--as answer" in capsys.readouterr().err


def test_import_loads_neither_torch_nor_matplotlib():
    code = ("import sys, reasonwatch.evaluate; "
            "print(sorted(m for m in ('torch', 'matplotlib', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
