"""The record format shared by writing, verifying and signing: canonical JSON, digests, file names.

A record's ``hash`` is the SHA-256 of its canonical JSON (keys sorted, no spaces, ASCII) without the
``hash`` key; its ``prev`` is the hash of the record before it. ``LOG``, ``LOG.1``, ``LOG.2``, … are
the segments of one chain; ``LOG.head`` names its last record.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

MAGIC = "reasonwatch-audit"
HEAD_MAGIC = "reasonwatch-audit-head"
FORMAT = 1
GENESIS = "0" * 64
EVENT_KINDS = ("warning", "violation", "correction", "drift_alarm", "bundle_change", "generation_text")
# written by the log itself, never through append()
LOG_KINDS = ("header", "checkpoint")
_RESERVED = frozenset({"seq", "prev", "hash", "time", "kind", "magic", "format"})


class AuditError(ValueError):
    """A log that is not ours, a broken chain, a partial tail or a bad record; the message says where."""


def jsonable(value: Any, where: str) -> Any:
    """Plain JSON types only: numpy scalars become Python numbers, NaN and infinity are refused."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AuditError(f"{where} is {value!r}; audit records hold finite numbers only")
        return value
    if isinstance(value, Mapping):
        return _jsonable_mapping(value, where)
    if isinstance(value, (list, tuple)):
        return [jsonable(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if getattr(value, "ndim", None) == 0 and callable(getattr(value, "item", None)):
        return jsonable(value.item(), where)           # numpy / torch scalars
    if callable(getattr(value, "tolist", None)):
        return jsonable(value.tolist(), where)         # numpy arrays
    raise AuditError(f"{where} is a {type(value).__name__}, which an audit record cannot hold")


def _jsonable_mapping(value: Mapping, where: str) -> dict:
    out = {}
    for k, v in value.items():
        if not isinstance(k, str):
            raise AuditError(f"{where} has a non-string key {k!r}")
        out[k] = jsonable(v, f"{where}.{k}")
    return out


def canonical(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")


def digest(record_without_hash: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(record_without_hash)).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def segment_path(path: Path, index: int) -> Path:
    return path if index == 0 else path.with_name(f"{path.name}.{index}")


def segments(path: Path) -> list[Path]:
    """The log's files in chain order: LOG, LOG.1, LOG.2, … while they exist."""
    files = [path]
    while (nxt := segment_path(path, len(files))).exists():
        files.append(nxt)
    return files


def head_path(path: Path) -> Path:
    return path.with_name(path.name + ".head")


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Replace ``path`` atomically: a temp file beside it, fsync, rename."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
