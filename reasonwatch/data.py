"""Contrastive example datasets: one JSONL file per principle (schema in data/SCHEMA.md).

Lifecycle: a constitution names its dataset files; `load_examples` reads one file into frozen
`Example` values, validating every line against the schema; `check_splits` guards against leakage
(splits are assigned per topic group, so a group may sit in one split only); capture turns the
examples into activations; `split_summary` feeds data cards and the CLI.

`load_inputs` reads the lighter files that `reasonwatch score` takes: one `{"text": ...}` or
`{"messages": [...]}` object per line, no labels needed.

Every problem raises `DatasetError` naming the file, the line and what is wrong; nothing here
imports more than the standard library.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "DatasetError",
    "Example",
    "Message",
    "check_splits",
    "load_examples",
    "load_inputs",
    "split_summary",
]

ROLES = ("system", "user", "assistant")
LEVELS = ("prompt", "response")
SPLITS = ("train", "val", "test")
LABELS = (0, 1)

_REQUIRED = ("id", "messages", "label", "level", "group", "split")
_OPTIONAL = ("hard", "note")
_EXAMPLE_KEYS = _REQUIRED + _OPTIONAL
_INPUT_KEYS = ("id", "text", "messages")
# The last turn a level scores: a prompt-level label is about the request, a response-level one
# about the assistant's reply.
_LAST_ROLE = {"prompt": "user", "response": "assistant"}


class DatasetError(ValueError):
    """A dataset file that cannot be used as it is; `path` and `line` say where (either may be None)."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(message if self.path is None else f"{where}: {message}")


class Message(NamedTuple):
    """One turn of a conversation; a plain tuple, so `role, content = message` works."""

    role: str
    content: str


@dataclass(frozen=True)
class Example:
    """One labelled conversation from a principle's dataset."""

    id: str
    messages: tuple[Message, ...]
    label: int
    """1: the scored turn violates the principle; 0: it complies."""
    level: str
    """"prompt" (the label is about the final user turn) or "response" (the final assistant turn)."""
    group: str
    """Topic group: near-duplicates and contrastive pairs share one, and splits follow groups."""
    split: str
    hard: bool = False
    """A look-alike: benign but sounds like a violation, or a subtle violation that sounds benign."""
    note: str = ""
    source: str = ""
    """The file the example was read from."""
    line: int = 0
    """Its 1-based line number in `source`."""

    def chat(self) -> list[dict[str, str]]:
        """The conversation as `[{"role": ..., "content": ...}]`, the shape chat templates take."""
        return [{"role": m.role, "content": m.content} for m in self.messages]

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def load_examples(path: str | Path) -> list[Example]:
    """Read and validate a JSONL example file; blank lines are skipped.

    Raises `DatasetError` (naming the file and line) for a missing or empty file, a line that is not
    a JSON object, a missing, unknown or ill-typed field, a label outside {0, 1}, an unknown role, a
    conversation whose last turn does not match its level, or an id used twice.
    """
    path = Path(path)
    examples: list[Example] = []
    first_line_of: dict[str, int] = {}
    for lineno, obj in _read_jsonl(path):
        example = _parse_example(obj, path, lineno)
        if example.id in first_line_of:
            raise DatasetError(
                f"duplicate id {example.id!r} (first used on line {first_line_of[example.id]})",
                path, lineno,
            )
        first_line_of[example.id] = lineno
        examples.append(example)
    if not examples:
        raise DatasetError("no examples (the file is empty or holds only blank lines)", path)
    return examples


def load_inputs(path: str | Path) -> list[dict[str, Any]]:
    """Read a file of conversations to score: each line `{"text": str}` or `{"messages": [...]}`.

    An optional `"id"` names the input (default: `"line-<n>"`). Lines of a labelled example file are
    accepted too (its extra schema fields are ignored), so a dataset can be scored as it is.
    Returns dicts with `id`, `line` and exactly one of `text` (str) or `messages` (list of
    role/content dicts).
    """
    path = Path(path)
    inputs: list[dict[str, Any]] = []
    for lineno, obj in _read_jsonl(path):
        _reject_unknown(obj, _INPUT_KEYS + _EXAMPLE_KEYS, path, lineno)
        has_text, has_messages = "text" in obj, "messages" in obj
        if has_text == has_messages:
            raise DatasetError(
                'each line needs exactly one of "text" or "messages"'
                + (" (it has both)" if has_text else ""),
                path, lineno,
            )
        item: dict[str, Any] = {"id": f"line-{lineno}", "line": lineno}
        if "id" in obj:
            item["id"] = _string(obj, "id", path, lineno)
        if has_text:
            item["text"] = _string(obj, "text", path, lineno)
        else:
            item["messages"] = [m._asdict() for m in _messages(obj["messages"], path, lineno)]
        inputs.append(item)
    if not inputs:
        raise DatasetError("no inputs (the file is empty or holds only blank lines)", path)
    return inputs


def check_splits(examples: list[Example] | tuple[Example, ...]) -> None:
    """Raise `DatasetError` if any group has examples in more than one split (that would leak
    near-duplicates from train into val/test). Groups are compared by name across all the
    examples given, whatever file they came from."""
    first_seen: dict[str, dict[str, Example]] = {}
    for ex in examples:
        by_split = first_seen.setdefault(ex.group, {})
        by_split.setdefault(ex.split, ex)
        if len(by_split) > 1:
            where = ", ".join(f"{split!r} at {e.where}" for split, e in by_split.items())
            raise DatasetError(f"group {ex.group!r} appears in more than one split: {where}")


def split_summary(examples: list[Example] | tuple[Example, ...]) -> dict[str, dict[int, int]]:
    """Counts per split and label: `{"train": {0: n, 1: m}, "val": {...}, "test": {...}}`.

    Every split and label is present, with 0 where there are no examples.
    """
    counts = Counter((ex.split, ex.label) for ex in examples)
    return {split: {label: counts[split, label] for label in LABELS} for split in SPLITS}


# --- parsing ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path):
    """Yield (line number, JSON object) for each non-blank line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DatasetError("no such file", path) from None
    except IsADirectoryError:
        raise DatasetError("is a directory, not a JSONL file", path) from None
    for lineno, raw_line in enumerate(raw.split(b"\n"), start=1):
        try:
            # utf-8-sig on the first line drops a byte-order mark some editors write.
            text = raw_line.decode("utf-8-sig" if lineno == 1 else "utf-8").strip()
        except UnicodeDecodeError as err:
            raise DatasetError(f"not valid UTF-8 ({err.reason} at byte {err.start})", path, lineno) from None
        if not text:
            continue
        try:
            obj = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except _DuplicateKey as err:
            raise DatasetError(f"key {err.args[0]!r} appears twice in one object", path, lineno) from None
        except json.JSONDecodeError as err:
            raise DatasetError(f"invalid JSON: {err.msg} (column {err.colno})", path, lineno) from None
        if not isinstance(obj, dict):
            raise DatasetError(f"expected a JSON object, got {type(obj).__name__}", path, lineno)
        yield lineno, obj


class _DuplicateKey(Exception):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would silently keep the last value; a doubled "label" is a data bug worth naming.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKey(key)
        obj[key] = value
    return obj


def _parse_example(obj: dict[str, Any], path: Path, lineno: int) -> Example:
    _reject_unknown(obj, _EXAMPLE_KEYS, path, lineno)
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise DatasetError(f"missing field(s): {', '.join(missing)}", path, lineno)

    label = obj["label"]
    # Exact type: `true` (a bool is an int) and `1.0` are not labels.
    if type(label) is not int or label not in LABELS:
        raise DatasetError(f"label must be 0 or 1, got {label!r}", path, lineno)
    level = _choice(obj, "level", LEVELS, path, lineno)
    split = _choice(obj, "split", SPLITS, path, lineno)
    hard = obj.get("hard", False)
    if not isinstance(hard, bool):
        raise DatasetError(f"hard must be true or false, got {hard!r}", path, lineno)
    note = obj.get("note", "")
    if not isinstance(note, str):
        raise DatasetError(f"note must be a string, got {type(note).__name__}", path, lineno)

    messages = _messages(obj["messages"], path, lineno)
    expected = _LAST_ROLE[level]
    if messages[-1].role != expected:
        raise DatasetError(
            f"{level}-level examples must end with role {expected!r}; the last turn here has "
            f"role {messages[-1].role!r}",
            path, lineno,
        )
    return Example(
        id=_string(obj, "id", path, lineno),
        messages=messages,
        label=label,
        level=level,
        group=_string(obj, "group", path, lineno),
        split=split,
        hard=hard,
        note=note,
        source=str(path),
        line=lineno,
    )


def _messages(value: Any, path: Path, lineno: int) -> tuple[Message, ...]:
    if not isinstance(value, list) or not value:
        raise DatasetError("messages must be a non-empty list of {role, content} objects", path, lineno)
    out = []
    for i, turn in enumerate(value):
        if not isinstance(turn, dict) or set(turn) != {"role", "content"}:
            got = sorted(turn) if isinstance(turn, dict) else type(turn).__name__
            raise DatasetError(
                f"messages[{i}] must be an object with exactly role and content, got {got}",
                path, lineno,
            )
        role, content = turn["role"], turn["content"]
        if role not in ROLES:
            raise DatasetError(
                f"messages[{i}].role must be one of {', '.join(ROLES)}, got {role!r}", path, lineno
            )
        if not isinstance(content, str):
            raise DatasetError(
                f"messages[{i}].content must be a string, got {type(content).__name__}", path, lineno
            )
        out.append(Message(role, content))
    return tuple(out)


def _string(obj: dict[str, Any], key: str, path: Path, lineno: int) -> str:
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        raise DatasetError(f"{key} must be a non-empty string, got {value!r}", path, lineno)
    return value


def _choice(obj: dict[str, Any], key: str, allowed: tuple[str, ...], path: Path, lineno: int) -> str:
    value = obj[key]
    if value not in allowed:
        raise DatasetError(f"{key} must be one of {', '.join(allowed)}, got {value!r}", path, lineno)
    return value


def _reject_unknown(obj: dict[str, Any], known: tuple[str, ...], path: Path, lineno: int) -> None:
    for key in obj:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(known)})"
            raise DatasetError(f"unknown field {key!r}{hint}", path, lineno)
