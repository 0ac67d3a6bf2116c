"""Audit log: an append-only, hash-chained JSONL record of what the monitor saw and did.

File format
-----------
One JSON object per line, keys sorted, no spaces, ASCII only. Every record carries

- ``seq``: its index in the whole chain (0 for the first header, then 1, 2, … across segments);
- ``prev``: the SHA-256 of the record before it (64 zeros for the very first header);
- ``hash``: the SHA-256 of the record's own canonical JSON without the ``hash`` key;
- ``time`` (UTC, ISO 8601) and ``kind``.

The first line of every file is a ``header`` record naming the log's format (``magic``), its creator
and its settings; the first event's ``prev`` is therefore the digest of that header. Event kinds are
``warning``, ``violation``, ``correction``, ``drift_alarm``, ``bundle_change`` and ``generation_text``
(the prompt and output, written only when the log was created with ``include_text=True``). Event
records carry ``generation_id``, ``model_fingerprint``, ``bundle_hash``, ``principle``, ``position``,
``scores``, ``action`` and ``params`` where they apply.

Beside the log lives ``LOG.head``: the seq and hash of the last record written, replaced atomically
after every append. A chain alone cannot tell a log whose last records were cut off from a shorter
log; the head file can. It is an anchor against accidents and careless edits, not against someone who
rewrites the log *and* the head file: for that, copy the head hash somewhere they cannot reach.

Lifecycle of a writer
---------------------
1. ``AuditLog(path)`` takes an exclusive ``flock`` on the first file (one writer per log), then either
   creates the log (header, ``fsync``, head file) or verifies the existing chain in full. A log that is
   not ours, a broken chain or a partial last line is refused with an error naming the record; the
   file is never touched. A partial last line (a writer killed mid-append) stays until an operator
   runs :func:`recover_tail`, which moves it aside into ``SEGMENT.partial-N``.
2. Every record is one ``os.write`` of a complete line to a file opened with ``O_APPEND``, followed by
   ``os.fsync``: a writer killed at any point leaves every earlier record intact, and at worst one
   partial last line, which :func:`verify_log` reports.
3. With ``max_bytes`` set, a record that would push the current file past it starts a new segment
   ``LOG.1``, ``LOG.2``, …; the new file's header carries the previous file's last hash, so the chain
   runs across files. :func:`verify_log` takes the first file and follows the segments.
4. ``watch(..., audit=log)`` calls :meth:`AuditLog.record_generation` after ``generate()`` returns:
   nothing here runs inside the decode loop.

``verify_log(path)`` (and ``reasonwatch audit verify LOG``, via :func:`main_verify`) names the first
record where the chain goes wrong: an edited record (its hash no longer matches, or its successor
links to a different version of it), a deleted one (a gap in ``seq``), an inserted one (a record the
chain does not link), a reordered one, and a truncated tail (a partial last line, or fewer records
than the head file holds).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

MAGIC = "reasonwatch-audit"
HEAD_MAGIC = "reasonwatch-audit-head"
FORMAT = 1
GENESIS = "0" * 64
EVENT_KINDS = ("warning", "violation", "correction", "drift_alarm", "bundle_change", "generation_text")
_RESERVED = frozenset({"seq", "prev", "hash", "time", "kind", "magic", "format"})


class AuditError(ValueError):
    """A log that is not ours, a broken chain, a partial tail or a bad record; the message says where."""


# ---------------------------------------------------------------------------------------------- format

def _jsonable(value: Any, where: str) -> Any:
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
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise AuditError(f"{where} has a non-string key {k!r}")
            out[k] = _jsonable(v, f"{where}.{k}")
        return out
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if getattr(value, "ndim", None) == 0 and callable(getattr(value, "item", None)):
        return _jsonable(value.item(), where)          # numpy / torch scalars
    if callable(getattr(value, "tolist", None)):
        return _jsonable(value.tolist(), where)        # numpy arrays
    raise AuditError(f"{where} is a {type(value).__name__}, which an audit record cannot hold")


def _canonical(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")


def _digest(record_without_hash: Mapping[str, Any]) -> str:
    return hashlib.sha256(_canonical(record_without_hash)).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _segment_path(path: Path, index: int) -> Path:
    return path if index == 0 else path.with_name(f"{path.name}.{index}")


def _segments(path: Path) -> list[Path]:
    """The log's files in chain order: LOG, LOG.1, LOG.2, … while they exist."""
    files = [path]
    while (nxt := _segment_path(path, len(files))).exists():
        files.append(nxt)
    return files


def _head_path(path: Path) -> Path:
    return path.with_name(path.name + ".head")


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_head(path: Path, seq: int, digest: str, segment: int) -> None:
    """Replace LOG.head atomically (temp file, fsync, rename)."""
    head = _head_path(path)
    tmp = head.with_name(head.name + ".tmp")
    data = _canonical({"magic": HEAD_MAGIC, "seq": seq, "hash": digest, "segment": segment}) + b"\n"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, head)


# ------------------------------------------------------------------------------------------- verifying

@dataclass(frozen=True)
class Problem:
    """One thing wrong with a log: the file, the 1-based line in it, the record (chain index) and why."""
    file: str
    line: int | None
    record: int | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        rec = f"record {self.record}: " if self.record is not None else ""
        return f"{where}: {rec}{self.message}"


@dataclass(frozen=True)
class VerifyResult:
    """What :func:`verify_log` found. ``first_bad_record`` is the chain index where things go wrong."""
    ok: bool
    n_records: int
    files: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    first_bad_record: int | None = None
    warnings: tuple[str, ...] = ()
    last_hash: str | None = None

    def summary(self) -> str:
        lines = [f"{'OK' if self.ok else 'FAILED'}: {self.n_records} intact records in "
                 f"{len(self.files)} file(s)"]
        if self.first_bad_record is not None:
            lines.append(f"first bad record: {self.first_bad_record}")
        lines += [f"  problem: {p}" for p in self.problems]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.ok and self.last_hash:
            lines.append(f"last hash: {self.last_hash}")
        return "\n".join(lines)

    __str__ = summary


@dataclass
class _Entry:
    file: str
    line: int
    file_index: int
    record: dict | None          # None: not a parseable JSON object
    partial: bool                # the file's last bytes, without a newline
    hash_ok: bool = False

    @property
    def seq(self) -> int | None:
        s = self.record.get("seq") if self.record else None
        return s if isinstance(s, int) and not isinstance(s, bool) else None

    @property
    def claimed(self) -> str | None:
        return self.record.get("hash") if self.record else None


def _read_entries(files: Sequence[Path]) -> list[_Entry]:
    entries: list[_Entry] = []
    for fi, f in enumerate(files):
        data = f.read_bytes()
        pieces = data.split(b"\n")
        tail = pieces.pop()   # b"" when the file ends with a newline
        for ln, raw in enumerate(pieces, start=1):
            entries.append(_parse(raw, str(f), ln, fi, partial=False))
        if tail:
            entries.append(_parse(tail, str(f), len(pieces) + 1, fi, partial=True))
    return entries


def _parse(raw: bytes, file: str, line: int, fi: int, *, partial: bool) -> _Entry:
    try:
        rec = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        rec = None
    if not isinstance(rec, dict):
        return _Entry(file, line, fi, None, partial)
    e = _Entry(file, line, fi, rec, partial)
    body = {k: v for k, v in rec.items() if k != "hash"}
    try:
        e.hash_ok = isinstance(rec.get("hash"), str) and _digest(body) == rec["hash"]
    except (TypeError, ValueError):
        e.hash_ok = False
    return e


def verify_log(path: str | os.PathLike) -> VerifyResult:
    """Check the whole chain of the log at ``path`` (its first file) and every segment after it.

    Never modifies anything. ``ok`` is False for any problem; each problem names the file, line and
    record. Records are numbered by their place in the chain (``seq``), the header being record 0.
    """
    path = Path(path)
    if not path.exists():
        raise AuditError(f"{path}: no such audit log")
    files = _segments(path)
    names = tuple(str(f) for f in files)
    # a segment after a gap (LOG.1 missing, LOG.2 present) would be silently ignored: say so
    stray = sorted(p.name for p in path.parent.glob(path.name + ".*")
                   if p.suffix[1:].isdigit() and int(p.suffix[1:]) > len(files) - 1)
    entries = _read_entries(files)
    problems: list[Problem] = []
    warnings: list[str] = []

    def bad(e: _Entry | None, record: int | None, msg: str) -> None:
        problems.append(Problem(e.file if e else str(path), e.line if e else None, record, msg))

    first = entries[0] if entries else None
    if first is None or first.record is None or first.record.get("magic") != MAGIC:
        bad(first, 0, f"not a reasonwatch audit log (the first line is not a {MAGIC!r} header)")
        return VerifyResult(False, 0, names, tuple(problems), 0)
    if first.record.get("format") != FORMAT:
        bad(first, 0, f"audit log format {first.record.get('format')!r}; this reasonwatch reads {FORMAT}")
        return VerifyResult(False, 0, names, tuple(problems), 0)
    for name in stray:
        bad(None, None, f"segment file {name} exists after a missing segment (a segment was deleted)")

    # seq -> entries with a valid self-hash claiming it; and every hash some record links to
    by_seq: dict[int, list[int]] = {}
    linked: set[str] = set()
    for i, e in enumerate(entries):
        if e.hash_ok and e.seq is not None:
            by_seq.setdefault(e.seq, []).append(i)
            if isinstance(e.record.get("prev"), str):
                linked.add(e.record["prev"])

    def genuine(seq: int) -> int | None:
        """Index of the entry that is record ``seq`` of the chain, if one can be told."""
        cands = by_seq.get(seq, [])
        if not cands:
            return None
        if len({entries[c].claimed for c in cands}) == 1:
            return cands[0]                     # copies: the first one is the original
        # two versions of one record: the genuine one is the one its successor links to
        refd = [c for c in cands if entries[c].claimed in linked]
        return refd[0] if len(refd) == 1 else None

    prev_seq = -1
    reordered: set[int] = set()
    n_ok = 0
    last_index = len(entries) - 1
    for i, e in enumerate(entries):
        if e.record is None:
            if e.partial and i == last_index:
                bad(e, prev_seq + 1, "partial last record (the writer was interrupted mid-append or the "
                                     "file was truncated); every record before it is intact")
            else:
                bad(e, prev_seq + 1, "not a JSON record: a corrupted or inserted line")
            continue
        s = e.seq
        if not e.hash_ok:
            bad(e, s if s is not None else prev_seq + 1,
                "contents do not match its hash: the record was edited after it was written")
            if s is not None:
                prev_seq = max(prev_seq, s)
            continue
        if s is None:
            bad(e, prev_seq + 1, "record has no integer seq (inserted or corrupted)")
            continue
        if e.partial:
            bad(e, s, "the last line has no newline (cut off while being written)")
        if len(by_seq[s]) > 1 and genuine(s) != i:
            g = genuine(s)
            # named by the place it took: where the chain expected record prev_seq + 1
            if g is not None and entries[g].claimed == e.claimed:
                bad(e, prev_seq + 1, f"a copy of record {s} (line {entries[g].line} of "
                                     f"{Path(entries[g].file).name}) was inserted here")
            else:
                bad(e, prev_seq + 1, f"a second record claiming to be record {s} was inserted here "
                                     f"(the chain links to another one)")
            continue
        is_header = e.record.get("kind") == "header"
        if e.line == 1 and not (is_header and e.record.get("segment") == e.file_index):
            bad(e, s, f"the first line of segment {e.file_index} is not its header")
        elif e.line != 1 and is_header:
            bad(e, s, "a header record in the middle of a file (inserted)")
        expected = prev_seq + 1
        if s > expected:
            missing = [x for x in range(expected, s) if x not in by_seq]
            later = [x for x in range(expected, s) if x in by_seq and x not in reordered]
            if missing:
                span = str(missing[0]) if len(missing) == 1 else f"{missing[0]}..{missing[-1]}"
                bad(e, missing[0], f"record{'s' if len(missing) > 1 else ''} {span} missing before "
                                   f"record {s} (deleted)")
            if later:
                bad(e, later[0], f"out of order: record {s} comes before record {later[0]} (reordered)")
                reordered.update(later)
        elif s < expected and s not in reordered:
            bad(e, s, f"out of order: record {s} comes after record {prev_seq} (reordered)")
            reordered.add(s)
        # the link: prev must be the hash of the genuine record s-1
        if s == 0:
            if e.record.get("prev") != GENESIS:
                bad(e, 0, "the first header does not start the chain (prev is not the genesis hash)")
        elif (g := genuine(s - 1)) is not None and entries[g].claimed != e.record.get("prev"):
            bad(entries[g], s - 1, f"altered after it was written: record {s} links to a different "
                                   f"version of it")
        prev_seq = max(prev_seq, s)
        n_ok += 1

    # the head file anchors the tail
    last_hash = None
    if prev_seq >= 0 and (g := genuine(prev_seq)) is not None:
        last_hash = entries[g].claimed
    head_file = _head_path(path)
    if head_file.exists():
        try:
            head = json.loads(head_file.read_bytes())
            hseq, hhash = head["seq"], head["hash"]
            if head.get("magic") != HEAD_MAGIC or not isinstance(hseq, int):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            bad(None, None, f"{head_file.name} is not a valid head file")
        else:
            if hseq > prev_seq:
                span = f"{prev_seq + 1}" if hseq == prev_seq + 1 else f"{prev_seq + 1}..{hseq}"
                problems.append(Problem(names[-1], None, prev_seq + 1,
                                        f"truncated tail: record{'s' if hseq > prev_seq + 1 else ''} "
                                        f"{span} missing at the end ({head_file.name} says the log "
                                        f"holds records up to {hseq})"))
            elif (g := genuine(hseq)) is not None and entries[g].claimed != hhash:
                bad(entries[g], hseq, f"does not match {head_file.name}: altered after it was written")
    else:
        warnings.append(f"no {head_file.name}: a tail cut off at a record boundary cannot be detected")

    problems.sort(key=lambda p: (p.record is None, p.record if p.record is not None else 0))
    first_bad = next((p.record for p in problems if p.record is not None), None)
    return VerifyResult(not problems, n_ok, names, tuple(problems), first_bad, tuple(warnings), last_hash)


def read_records(path: str | os.PathLike, *, kinds: Iterable[str] | None = None) -> list[dict]:
    """Every complete record of the log (all segments), in file order; ``kinds`` filters by kind.

    Reads what is there without judging it: call :func:`verify_log` to know whether to trust it.
    """
    path = Path(path)
    if not path.exists():
        raise AuditError(f"{path}: no such audit log")
    wanted = set(kinds) if kinds is not None else None
    records = [e.record for e in _read_entries(_segments(path)) if e.record is not None]
    if not records or records[0].get("magic") != MAGIC:
        raise AuditError(f"{path}: not a reasonwatch audit log (no {MAGIC!r} header on line 1)")
    return [r for r in records if wanted is None or r.get("kind") in wanted]


def main_verify(path: str | os.PathLike) -> int:
    """``reasonwatch audit verify LOG``: print the result; exit code 0 intact, 1 problems, 2 unreadable."""
    try:
        result = verify_log(path)
    except (AuditError, OSError) as exc:
        print(f"error: {exc}")
        return 2
    print(f"{path}: {result.summary()}")
    return 0 if result.ok else 1


def recover_tail(path: str | os.PathLike) -> Path | None:
    """Move a partial last line (from a writer killed mid-append) aside so the log can be appended to.

    The partial bytes are copied to ``SEGMENT.partial-N`` and fsynced before the segment is truncated
    to its last complete record; nothing else changes. Refuses when anything other than a partial tail
    is wrong. Returns the file holding the moved bytes, or None when there was no partial tail.
    """
    path = Path(path)
    result = verify_log(path)
    others = [p for p in result.problems if not p.message.startswith("partial last record")]
    if others:
        raise AuditError(f"{path}: the log has problems besides a partial tail; nothing was changed:\n"
                         + result.summary())
    if result.ok:
        return None
    seg = _segments(path)[-1]
    data = seg.read_bytes()
    keep = data.rfind(b"\n") + 1
    k = 0
    while (aside := seg.with_name(f"{seg.name}.partial-{k}")).exists():
        k += 1
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, data[keep:])
        os.fsync(fd)
    finally:
        os.close(fd)
    os.truncate(seg, keep)
    fd = os.open(seg, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return aside


# --------------------------------------------------------------------------------------------- writing

class AuditLog:
    """An open, locked audit log. Use as a context manager, or call :meth:`close`.

    ``creator`` names the writer in every header; ``include_text`` lets :meth:`record_generation`
    keep prompt and output text (off by default, and fixed for the life of the log); ``max_bytes``
    starts a new segment when a file would grow past it.
    """

    def __init__(self, path: str | os.PathLike, *, creator: str | None = None,
                 include_text: bool = False, max_bytes: int | None = None):
        from . import __version__
        self.path = Path(path)
        self.creator = creator or f"reasonwatch {__version__}"
        self.include_text = bool(include_text)
        if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int)
                                      or max_bytes <= 0):
            raise AuditError(f"max_bytes={max_bytes!r}: give a positive number of bytes, or None")
        self.max_bytes = max_bytes
        self._fd: int | None = None        # the current segment, O_APPEND
        self._lock_fd: int | None = None   # the first file, holding the flock
        self._seq, self._last = -1, GENESIS
        self._segment = self._size = self._lines_in_segment = 0
        self._sync_each = True             # False while a batch is written (one fsync at its end)
        self._open()

    def __repr__(self) -> str:
        state = "closed" if self._fd is None else f"{self.n_records} records, segment {self._segment}"
        return (f"AuditLog({str(self.path)!r}, include_text={self.include_text}, "
                f"max_bytes={self.max_bytes}; {state})")

    # -- lifecycle
    def _open(self) -> None:
        import fcntl
        if self.path.is_dir():
            raise AuditError(f"{self.path} is a directory, not an audit log")
        created = False
        try:
            self._lock_fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            created = True
        except FileExistsError:
            self._lock_fd = os.open(self.path, os.O_RDONLY)
        try:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise AuditError(f"{self.path}: another process is writing to this audit log") from None
            if created or os.fstat(self._lock_fd).st_size == 0:
                if not created:
                    raise AuditError(f"{self.path} exists and is empty: not a reasonwatch audit log; "
                                     f"remove it or choose another path")
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
                self._write_header(0, GENESIS)
                _fsync_dir(self.path.parent)
                _write_head(self.path, self._seq, self._last, 0)
            else:
                self._resume()
        except BaseException:
            self.close()
            if created and self.path.exists() and self.path.stat().st_size == 0:
                self.path.unlink()
            raise

    def _resume(self) -> None:
        result = verify_log(self.path)
        if not result.ok:
            p = result.problems[0]
            hint = (f"run `reasonwatch audit verify {self.path}`; then "
                    f"reasonwatch.audit.recover_tail() moves the partial line aside"
                    if p.message.startswith("partial last record") else
                    f"run `reasonwatch audit verify {self.path}` for the full report")
            raise AuditError(f"{self.path}: refusing to append to a log that does not verify "
                             f"({p}); nothing was written. {hint}")
        records = read_records(self.path)
        header = records[0]
        if bool(header.get("settings", {}).get("include_text")) != self.include_text:
            raise AuditError(f"{self.path} was created with include_text="
                             f"{header['settings'].get('include_text')}; open it with the same setting "
                             f"or start a new log")
        files = _segments(self.path)
        self._segment = len(files) - 1
        last = records[-1]
        self._seq, self._last = last["seq"], last["hash"]
        current = files[-1]
        self._size = current.stat().st_size
        self._lines_in_segment = current.read_bytes().count(b"\n")
        self._fd = os.open(current, os.O_WRONLY | os.O_APPEND)

    def close(self) -> None:
        """Release the file and the lock. Safe to call twice."""
        for name in ("_fd", "_lock_fd"):
            fd = getattr(self, name, None)
            if fd is not None:
                setattr(self, name, None)
                os.close(fd)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    @property
    def last_hash(self) -> str:
        """The hash of the last record written: keep a copy elsewhere to anchor the log."""
        return self._last

    @property
    def n_records(self) -> int:
        return self._seq + 1

    # -- low level
    def _write_line(self, body: dict) -> dict:
        if self._fd is None:
            raise AuditError(f"{self.path}: the audit log is closed")
        body = {**body, "seq": self._seq + 1, "prev": self._last}
        rec = {**body, "hash": _digest(body)}
        line = _canonical(rec) + b"\n"
        # one write of the whole line: a kill leaves either nothing or a partial last line
        view = memoryview(line)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        if self._sync_each:
            os.fsync(self._fd)
        self._seq, self._last = rec["seq"], rec["hash"]
        self._size += len(line)
        self._lines_in_segment += 1
        return rec

    def _write_header(self, segment: int, prev: str) -> dict:
        return self._write_line({
            "kind": "header", "time": _now(), "magic": MAGIC, "format": FORMAT, "creator": self.creator,
            "segment": segment,
            "settings": {"include_text": self.include_text, "max_bytes": self.max_bytes, "hash": "sha256"},
        })

    def _rotate_if_needed(self, nbytes: int) -> None:
        if self.max_bytes is None or self._lines_in_segment < 2 or self._size + nbytes <= self.max_bytes:
            return
        nxt = _segment_path(self.path, self._segment + 1)
        fd = os.open(nxt, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o644)
        old, self._fd = self._fd, fd
        os.fsync(old)
        os.close(old)
        self._segment += 1
        self._size = self._lines_in_segment = 0
        self._write_header(self._segment, self._last)
        _fsync_dir(self.path.parent)

    def _commit(self) -> None:
        _write_head(self.path, self._seq, self._last, self._segment)

    # -- public writing
    def append(self, kind: str, **fields: Any) -> dict:
        """Write one record of ``kind`` with ``fields`` (JSON values); returns the record as written."""
        rec = self._append(kind, fields)
        self._commit()
        return rec

    def _append(self, kind: str, fields: Mapping[str, Any]) -> dict:
        if kind not in EVENT_KINDS:
            raise AuditError(f"audit record kind {kind!r}; expected one of {', '.join(EVENT_KINDS)}")
        clash = _RESERVED.intersection(fields)
        if clash:
            raise AuditError(f"audit record field(s) {sorted(clash)} are set by the log itself")
        if kind == "generation_text" and not self.include_text:
            raise AuditError(f"{self.path} was created with include_text=False: it keeps no text")
        body = {"kind": kind, "time": _now(), **_jsonable(dict(fields), kind)}
        # size estimate for rotation (seq/prev/hash add a fixed ~170 bytes)
        self._rotate_if_needed(len(_canonical(body)) + 180)
        return self._write_line(body)

    def record_generation(self, *, generation_id: str, model_fingerprint: Mapping | str, bundle_hash: str,
                          events: Sequence[Mapping[str, Any]] = (),
                          corrections: Sequence[Mapping[str, Any]] = (),
                          prompt_text: str | None = None, output_text: str | None = None) -> list[dict]:
        """One record per event and per correction of a finished generation; returns them.

        ``events``: dicts with ``principle``, ``state`` (``"warning"`` or ``"violation"``),
        ``position``, ``sequence`` and ``score`` (other keys go to ``detail``). ``corrections``: dicts
        with ``principle``, ``sequence``, ``start``, ``end``, ``tokens``, ``action`` and ``alpha``
        (other keys go to ``params``). Text is written only if the log keeps text.
        Everything is checked before the first line is written.
        """
        common = {"generation_id": str(generation_id), "model_fingerprint": model_fingerprint,
                  "bundle_hash": str(bundle_hash)}
        steered = {(c.get("principle"), c.get("sequence")): c for c in corrections}
        bodies: list[tuple[str, dict]] = []
        for i, ev in enumerate(events):
            missing = {"principle", "state", "position", "sequence", "score"} - set(ev)
            if missing:
                raise AuditError(f"events[{i}] lacks {sorted(missing)}")
            if ev["state"] not in ("warning", "violation"):
                raise AuditError(f"events[{i}].state={ev['state']!r}; expected 'warning' or 'violation'")
            c = steered.get((ev["principle"], ev["sequence"]))
            action, params = ("steer", {"alpha": c.get("alpha"), "start": c.get("start")}) \
                if c is not None and ev["state"] == "violation" else ("none", {})
            extra = {k: v for k, v in ev.items()
                     if k not in ("principle", "state", "position", "sequence", "score")}
            bodies.append((ev["state"], {**common, "principle": ev["principle"], "sequence": ev["sequence"],
                                         "position": ev["position"], "scores": {"score": ev["score"]},
                                         "action": action, "params": params,
                                         **({"detail": extra} if extra else {})}))
        for i, c in enumerate(corrections):
            missing = {"principle", "sequence", "start", "end", "tokens", "alpha"} - set(c)
            if missing:
                raise AuditError(f"corrections[{i}] lacks {sorted(missing)}")
            params = {k: v for k, v in c.items() if k not in ("principle", "sequence", "action")}
            bodies.append(("correction", {**common, "principle": c["principle"], "sequence": c["sequence"],
                                          "position": c["start"], "scores": {},
                                          "action": c.get("action", "add"), "params": params}))
        if self.include_text and (prompt_text is not None or output_text is not None):
            bodies.append(("generation_text", {**common, "prompt_text": prompt_text,
                                               "output_text": output_text,
                                               "n_events": len(events), "n_corrections": len(corrections)}))
        checked = [(k, _jsonable(b, k)) for k, b in bodies]   # fail before writing anything
        return self._append_batch(checked)

    def _append_batch(self, items: list[tuple[str, dict]]) -> list[dict]:
        """Several records with one fsync: each is still one write of a whole line, so a kill leaves
        every earlier record intact and at most a partial last line."""
        self._sync_each = False
        try:
            written = [self._append(k, b) for k, b in items]
        finally:
            self._sync_each = True
        if written:
            os.fsync(self._fd)
            self._commit()
        return written

    def record_drift_alarms(self, alarms: Iterable[Any], *, bundle_hash: str,
                            model_fingerprint: Mapping | str | None = None) -> list[dict]:
        """One ``drift_alarm`` record per alarm (anything with ``to_record()``, e.g. drift.Alarm)."""
        bodies = [_jsonable({"bundle_hash": bundle_hash, "model_fingerprint": model_fingerprint,
                             **a.to_record()}, "drift_alarm") for a in alarms]
        return self._append_batch([("drift_alarm", b) for b in bodies])

    def record_bundle_change(self, *, old_hash: str | None, new_hash: str,
                             model_fingerprint: Mapping | str | None = None, reason: str = "") -> dict:
        """A ``bundle_change`` record: the probe bundle watching this model was replaced."""
        return self.append("bundle_change", bundle_hash=new_hash, model_fingerprint=model_fingerprint,
                           action="replace_bundle", params={"old_hash": old_hash, "new_hash": new_hash,
                                                            "reason": reason})


def iter_events(records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """The non-header records."""
    return (r for r in records if r.get("kind") != "header")
