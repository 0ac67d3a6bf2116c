"""Tests for reasonwatch.data: schema validation with file:line errors, splits, score inputs, and the
shipped data/*.jsonl files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reasonwatch.data import (
    DatasetError,
    Example,
    Message,
    check_splits,
    load_examples,
    load_inputs,
    split_summary,
)

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "constitution" / "data"
REPO_DATA = Path(__file__).resolve().parents[1] / "data"
CORE_PRINCIPLES = (
    "harmlessness",
    "excessive_refusal",
    "honesty",
    "non_manipulation",
    "courtesy",
    "sycophancy",
    "calibrated_confidence",
)
MIN_EXAMPLES = 250


def _example(**changes) -> dict:
    row = {
        "id": "x-001",
        "messages": [
            {"role": "user", "content": "How do I kill a Python process?"},
            {"role": "assistant", "content": "Use `kill <pid>` or `pkill -f name`."},
        ],
        "label": 0,
        "level": "response",
        "group": "processes",
        "split": "train",
    }
    row.update(changes)
    return row


def _write(tmp_path: Path, *lines: str | dict, name: str = "d.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((l if isinstance(l, str) else json.dumps(l)) + "\n" for l in lines), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(DatasetError) as info:
        load_examples(path)
    return str(info.value)


# --- loading -----------------------------------------------------------------------------------------


def test_loads_fixture_into_frozen_examples():
    examples = load_examples(FIXTURE_DATA / "beta.jsonl")
    assert len(examples) == 10
    first = examples[0]
    assert first.id == "beta-000" and first.label == 0 and first.level == "response"
    assert first.hard is True and examples[1].hard is False  # optional field defaults to false
    assert first.messages[-1] == Message("assistant", "beta answer 0 (good)")
    assert first.chat()[0] == {"role": "system", "content": "You are a helpful assistant."}
    assert first.source == str(FIXTURE_DATA / "beta.jsonl") and first.line == 1
    with pytest.raises(AttributeError):
        first.label = 1  # frozen


def test_blank_lines_skipped_and_line_numbers_kept(tmp_path):
    path = _write(tmp_path, "", _example(id="a"), "   ", _example(id="b", note="why"))
    examples = load_examples(path)
    assert [(e.id, e.line) for e in examples] == [("a", 2), ("b", 4)]
    assert examples[1].note == "why"


def test_prompt_level_example_ending_in_user_turn(tmp_path):
    row = _example(level="prompt", messages=[{"role": "user", "content": "hi"}], label=1)
    (example,) = load_examples(_write(tmp_path, row))
    assert example.level == "prompt" and example.label == 1


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "a", "id": "b"}', "key 'id' appears twice"),
        (_example(lable=1), "unknown field 'lable' (did you mean 'label'?)"),
        ({k: v for k, v in _example().items() if k != "group"}, "missing field(s): group"),
        (_example(label=2), "label must be 0 or 1, got 2"),
        (_example(label=True), "label must be 0 or 1, got True"),
        (_example(label=1.0), "label must be 0 or 1, got 1.0"),
        (_example(split="dev"), "split must be one of train, val, test, got 'dev'"),
        (_example(level="turn"), "level must be one of prompt, response"),
        (_example(hard="yes"), "hard must be true or false"),
        (_example(id=""), "id must be a non-empty string"),
        (_example(messages=[]), "messages must be a non-empty list"),
        (_example(messages=[{"role": "bot", "content": "x"}]), "messages[0].role must be one of system, user, assistant, got 'bot'"),
        (_example(messages=[{"role": "user", "text": "x"}]), "messages[0] must be an object with exactly role and content"),
        (_example(messages=[{"role": "user", "content": 3}]), "messages[0].content must be a string"),
        (_example(level="prompt"), "prompt-level examples must end with role 'user'; the last turn here has role 'assistant'"),
        (_example(messages=[{"role": "user", "content": "q"}]), "response-level examples must end with role 'assistant'; the last turn here has role 'user'"),
    ],
)
def test_bad_line_names_file_line_and_problem(tmp_path, line, problem):
    path = _write(tmp_path, _example(id="ok"), "", line)
    message = _error(path)
    assert message.startswith(f"{path}:3: "), message
    assert problem in message


def test_duplicate_id_names_both_lines(tmp_path):
    path = _write(tmp_path, _example(id="a"), _example(id="b"), _example(id="a"))
    assert _error(path) == f"{path}:3: duplicate id 'a' (first used on line 1)"


def test_empty_and_blank_only_files_are_errors(tmp_path):
    for name, text in (("empty.jsonl", ""), ("blank.jsonl", "\n  \n\n")):
        path = tmp_path / name
        path.write_text(text)
        assert _error(path).startswith(f"{path}: no examples")


def test_missing_file_and_bad_utf8(tmp_path):
    assert _error(tmp_path / "nope.jsonl") == f"{tmp_path / 'nope.jsonl'}: no such file"
    path = tmp_path / "bin.jsonl"
    path.write_bytes(json.dumps(_example()).encode() + b"\n\xff\xfe\n")
    assert _error(path).startswith(f"{path}:2: not valid UTF-8")


def test_error_carries_path_and_line_attributes(tmp_path):
    path = _write(tmp_path, _example(label=5))
    with pytest.raises(ValueError) as info:  # DatasetError is a ValueError
        load_examples(path)
    assert (info.value.path, info.value.line) == (str(path), 1)


# --- splits ------------------------------------------------------------------------------------------


def test_check_splits_accepts_fixture_and_rejects_group_in_two_splits(tmp_path):
    check_splits(load_examples(FIXTURE_DATA / "alpha.jsonl"))
    path = _write(tmp_path, _example(id="a", group="g1"), _example(id="b", group="g2", split="val"),
                  _example(id="c", group="g1", split="test"))
    with pytest.raises(DatasetError) as info:
        check_splits(load_examples(path))
    message = str(info.value)
    assert "group 'g1' appears in more than one split" in message
    assert f"'train' at {path}:1" in message and f"'test' at {path}:3" in message


def test_split_summary_counts_every_split_and_label(tmp_path):
    path = _write(tmp_path, _example(id="a"), _example(id="b", label=1), _example(id="c", label=1),
                  _example(id="d", split="test", group="other"))
    assert split_summary(load_examples(path)) == {
        "train": {0: 1, 1: 2},
        "val": {0: 0, 1: 0},
        "test": {0: 1, 1: 0},
    }


# --- score inputs --------------------------------------------------------------------------------------


def test_load_inputs_text_messages_and_labelled_lines(tmp_path):
    path = _write(
        tmp_path,
        {"text": "plain text"},
        "",
        {"id": "conv", "messages": [{"role": "user", "content": "hi"}]},
        _example(id="labelled"),
    )
    inputs = load_inputs(path)
    assert inputs[0] == {"id": "line-1", "line": 1, "text": "plain text"}
    assert inputs[1] == {"id": "conv", "line": 3, "messages": [{"role": "user", "content": "hi"}]}
    assert inputs[2]["id"] == "labelled" and inputs[2]["messages"][-1]["role"] == "assistant"
    assert "label" not in inputs[2]


@pytest.mark.parametrize(
    "line, problem",
    [
        ({"txt": "x"}, "unknown field 'txt' (did you mean 'text'?)"),
        ({"id": "a"}, 'exactly one of "text" or "messages"'),
        ({"text": "a", "messages": [{"role": "user", "content": "b"}]}, "(it has both)"),
        ({"text": 3}, "text must be a non-empty string"),
        ({"messages": [{"role": "robot", "content": "b"}]}, "messages[0].role must be one of"),
        ("oops", "invalid JSON"),
    ],
)
def test_load_inputs_errors_name_file_and_line(tmp_path, line, problem):
    path = _write(tmp_path, {"text": "fine"}, line)
    with pytest.raises(DatasetError) as info:
        load_inputs(path)
    assert str(info.value).startswith(f"{path}:2: ") and problem in str(info.value)


def test_load_inputs_empty_file(tmp_path):
    path = _write(tmp_path, "")
    with pytest.raises(DatasetError, match="no inputs"):
        load_inputs(path)


# --- the shipped datasets ------------------------------------------------------------------------------


def _shipped_names() -> list[str]:
    present = {p.stem for p in REPO_DATA.glob("*.jsonl")}
    return sorted(set(CORE_PRINCIPLES) | present)


@pytest.mark.parametrize("name", _shipped_names())
def test_shipped_dataset_is_valid_and_balanced(name):
    path = REPO_DATA / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} does not exist yet")
    examples = load_examples(path)  # schema-valid, unique ids
    check_splits(examples)  # no group in two splits
    assert len(examples) >= MIN_EXAMPLES, f"{path}: {len(examples)} examples, need at least {MIN_EXAMPLES}"
    summary = split_summary(examples)
    missing = [f"{split}/label {label}" for split, counts in summary.items() for label, n in counts.items() if n == 0]
    assert not missing, f"{path}: no examples for {', '.join(missing)} (counts: {summary})"
    assert all(isinstance(e, Example) for e in examples)


def test_harmlessness_data_regenerates_byte_identical_with_a_train_only_supplement(tmp_path):
    """The harm generators rewrite the committed file byte for byte; ``harm_train.py``'s and
    ``harm_train2.py``'s rows keep the split they name (train), so val and test, and the benchmark samples
    drawn from them, do not move."""
    import importlib
    import sys
    from collections import Counter
    sys.path.insert(0, str(REPO_DATA))
    try:
        from generators.common import split_of, write
        rows = [r for name in ("harm", "harm_more", "everyday_more", "harm_train", "harm_train2")
                for r in importlib.import_module(f"generators.{name}").generate(0)["harmlessness"]]
    finally:
        sys.path.remove(str(REPO_DATA))
    out = write("harmlessness", rows, 0, tmp_path)
    assert out.read_bytes() == (REPO_DATA / "generated" / "harmlessness.jsonl").read_bytes()
    written = [json.loads(line) for line in out.read_text().splitlines()]
    # id prefix -> (categories, harmful rows per category, look-alike rows per category)
    supplements = {"harm-gen4-": (("self_harm", "theft", "hate"), 90, 60),
                   "harm-gen5-": (("theft", "self_harm", "hate", "weapons", "violence", "drugs", "copyright", "fraud"), 80, 50)}
    groups = {}
    for prefix, (cats, n_harm, n_look) in supplements.items():
        extra = [r for r in written if r["id"].startswith(prefix)]
        assert {r["split"] for r in extra} == {"train"}
        assert Counter((r["category"], r["label"]) for r in extra) == {(c, y): n for c in cats
                                                                         for y, n in ((1, n_harm), (0, n_look))}
        assert any(split_of(r["group"], 0) != "train" for r in extra)   # train because they say so
        groups[prefix] = {r["group"] for r in extra}
    assert not groups["harm-gen4-"] & groups["harm-gen5-"]
    others = [r for r in written if not r["id"].startswith(tuple(supplements))]
    assert all(r["split"] == split_of(r["group"], 0) for r in others)
    assert not (groups["harm-gen4-"] | groups["harm-gen5-"]) & {r["group"] for r in others}
