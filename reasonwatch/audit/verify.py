"""Verifying an audit log: the hash chain, the head file and, given the public key, the signatures.

:func:`verify_log` never modifies anything. It reads every segment, then walks the records in file
order and names the first record where the chain goes wrong: an edited record (its hash no longer
matches, or its successor links to a different version of it), a deleted one (a gap in ``seq``), an
inserted one (a record the chain does not link), a reordered one, and a truncated tail (a partial
last line, or fewer records than the head file holds).

A chain alone cannot show a *rewrite*: someone who edits a record and recomputes every hash after it,
and the head file, leaves a consistent chain. With ``key=`` (the public key) the signatures catch
that: every checkpoint must verify, and the log's end must be vouched for by the signed head file or
a closing checkpoint; the first checkpoint that does not verify bounds the records that changed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .chain import FORMAT, GENESIS, HEAD_MAGIC, LOG_KINDS, MAGIC, AuditError, digest, head_path, segments


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
    """What :func:`verify_log` found. ``first_bad_record`` is the chain index where things go wrong;
    ``signed_by`` is the key id whose signatures were checked and held (None when not checked)."""
    ok: bool
    n_records: int
    files: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    first_bad_record: int | None = None
    warnings: tuple[str, ...] = ()
    last_hash: str | None = None
    signed_by: str | None = None

    def summary(self) -> str:
        lines = [f"{'OK' if self.ok else 'FAILED'}: {self.n_records} intact records in "
                 f"{len(self.files)} file(s)"]
        if self.first_bad_record is not None:
            lines.append(f"first bad record: {self.first_bad_record}")
        lines += [f"  problem: {p}" for p in self.problems]
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.ok and self.signed_by:
            lines.append(f"signatures: every checkpoint and the log's end verify with key {self.signed_by}")
        if self.ok and self.last_hash:
            lines.append(f"last hash: {self.last_hash}")
        return "\n".join(lines)

    __str__ = summary


# ------------------------------------------------------------------------------------------- reading

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

    @property
    def kind(self) -> str | None:
        return self.record.get("kind") if self.record else None


def _read_entries(files: Sequence[Path]) -> list[_Entry]:
    entries: list[_Entry] = []
    for fi, f in enumerate(files):
        pieces = f.read_bytes().split(b"\n")
        tail = pieces.pop()   # b"" when the file ends with a newline
        entries += [_parse(raw, str(f), ln, fi, partial=False) for ln, raw in enumerate(pieces, start=1)]
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
        e.hash_ok = isinstance(rec.get("hash"), str) and digest(body) == rec["hash"]
    except (TypeError, ValueError):
        e.hash_ok = False
    return e


def read_records(path: str | os.PathLike, *, kinds: Iterable[str] | None = None) -> list[dict]:
    """Every complete record of the log (all segments), in file order; ``kinds`` filters by kind.

    Reads what is there without judging it: call :func:`verify_log` to know whether to trust it.
    """
    path = Path(path)
    if not path.exists():
        raise AuditError(f"{path}: no such audit log")
    wanted = set(kinds) if kinds is not None else None
    records = [e.record for e in _read_entries(segments(path)) if e.record is not None]
    if not records or records[0].get("magic") != MAGIC:
        raise AuditError(f"{path}: not a reasonwatch audit log (no {MAGIC!r} header on line 1)")
    return [r for r in records if wanted is None or r.get("kind") in wanted]


def iter_events(records: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """The event records: neither headers nor checkpoints."""
    return (r for r in records if r.get("kind") not in LOG_KINDS)


# ----------------------------------------------------------------------------------------- verifying

def verify_log(path: str | os.PathLike, *, key: Any = None) -> VerifyResult:
    """Check the whole chain of the log at ``path`` (its first file) and every segment after it.

    ``key``: the public key (a PEM file's path, PEM bytes or a key object) to check the log's
    signatures with; without it only the chain and the head file are checked. Never modifies
    anything. ``ok`` is False for any problem; each problem names the file, line and record. Records
    are numbered by their place in the chain (``seq``), the header being record 0.
    """
    path = Path(path)
    if not path.exists():
        raise AuditError(f"{path}: no such audit log")
    public = None
    if key is not None:
        from .signing import load_public_key
        public = load_public_key(key)
    return _Verifier(path, public).run()


class _Verifier:
    """One pass over one log. State: the entries, the problems so far, the walk's position."""

    def __init__(self, path: Path, public) -> None:
        self.path, self.public = path, public
        self.files = segments(path)
        self.names = tuple(str(f) for f in self.files)
        self.entries = _read_entries(self.files)
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.by_seq: dict[int, list[int]] = {}   # seq -> entries with a valid self-hash claiming it
        self.linked: set[str] = set()            # every hash some record links to
        self.prev_seq = -1
        self.reordered: set[int] = set()
        self.n_ok = 0
        self.head: dict | None = None            # the head file, when it parses

    def bad(self, e: _Entry | None, record: int | None, msg: str) -> None:
        self.problems.append(Problem(e.file if e else str(self.path), e.line if e else None, record, msg))

    def run(self) -> VerifyResult:
        if not self._header_ok():
            return VerifyResult(False, 0, self.names, tuple(self.problems), 0)
        self._stray_segments()
        self._index()
        for i, e in enumerate(self.entries):
            self._walk(i, e)
        self._check_head()
        signed_by = self._check_signatures() if self.public is not None else None
        if self.public is None and self._signing():
            self.warnings.append("the log is signed: pass its public key (--key) to check the signatures")
        return self._result(signed_by)

    def _result(self, signed_by: str | None) -> VerifyResult:
        problems = sorted(self.problems, key=lambda p: (p.record is None, p.record or 0))
        first_bad = next((p.record for p in problems if p.record is not None), None)
        return VerifyResult(not problems, self.n_ok, self.names, tuple(problems), first_bad,
                            tuple(self.warnings), self._hash_of(self.prev_seq),
                            signed_by if not problems else None)

    # -- the first line and the files
    def _header_ok(self) -> bool:
        first = self.entries[0] if self.entries else None
        if first is None or first.record is None or first.record.get("magic") != MAGIC:
            self.bad(first, 0, f"not a reasonwatch audit log (the first line is not a {MAGIC!r} header)")
            return False
        if first.record.get("format") != FORMAT:
            self.bad(first, 0, f"audit log format {first.record.get('format')!r}; this reasonwatch "
                               f"reads {FORMAT}")
            return False
        return True

    def _stray_segments(self) -> None:
        # a segment after a gap (LOG.1 missing, LOG.2 present) would be silently ignored: say so
        n, name = len(self.files), self.path.name
        for p in sorted(self.path.parent.glob(name + ".*")):
            if p.suffix[1:].isdigit() and int(p.suffix[1:]) > n - 1:
                self.bad(None, None, f"segment file {p.name} exists after a missing segment "
                                     f"(a segment was deleted)")

    # -- which entry is which record
    def _index(self) -> None:
        for i, e in enumerate(self.entries):
            if e.hash_ok and e.seq is not None:
                self.by_seq.setdefault(e.seq, []).append(i)
                if isinstance(e.record.get("prev"), str):
                    self.linked.add(e.record["prev"])

    def genuine(self, seq: int) -> int | None:
        """Index of the entry that is record ``seq`` of the chain, if one can be told."""
        cands = self.by_seq.get(seq, [])
        if not cands:
            return None
        if len({self.entries[c].claimed for c in cands}) == 1:
            return cands[0]                     # copies: the first one is the original
        # two versions of one record: the genuine one is the one its successor links to
        refd = [c for c in cands if self.entries[c].claimed in self.linked]
        return refd[0] if len(refd) == 1 else None

    def _hash_of(self, seq: int) -> str | None:
        g = self.genuine(seq) if seq >= 0 else None
        return self.entries[g].claimed if g is not None else None

    # -- the walk, one entry at a time
    def _walk(self, i: int, e: _Entry) -> None:
        if e.record is None:
            self._unparsable(i, e)
        elif not e.hash_ok:
            self._edited(e)
        elif e.seq is None:
            self.bad(e, self.prev_seq + 1, "record has no integer seq (inserted or corrupted)")
        else:
            if e.partial:
                self.bad(e, e.seq, "the last line has no newline (cut off while being written)")
            if not self._duplicate(i, e):
                self._accept(e)

    def _accept(self, e: _Entry) -> None:
        self._placed(e)
        self._ordered(e)
        self._linked(e)
        self.prev_seq = max(self.prev_seq, e.seq)
        self.n_ok += 1

    def _unparsable(self, i: int, e: _Entry) -> None:
        if e.partial and i == len(self.entries) - 1:
            self.bad(e, self.prev_seq + 1, "partial last record (the writer was interrupted mid-append "
                                           "or the file was truncated); every record before it is intact")
        else:
            self.bad(e, self.prev_seq + 1, "not a JSON record: a corrupted or inserted line")

    def _edited(self, e: _Entry) -> None:
        s = e.seq
        self.bad(e, s if s is not None else self.prev_seq + 1,
                 "contents do not match its hash: the record was edited after it was written")
        if s is not None:
            self.prev_seq = max(self.prev_seq, s)

    def _duplicate(self, i: int, e: _Entry) -> bool:
        """A second entry claiming the same seq: report it (named by the place it took) and skip it."""
        s = e.seq
        g = self.genuine(s)
        if len(self.by_seq[s]) == 1 or g == i:
            return False
        if g is not None and self.entries[g].claimed == e.claimed:
            self.bad(e, self.prev_seq + 1, f"a copy of record {s} (line {self.entries[g].line} of "
                                           f"{Path(self.entries[g].file).name}) was inserted here")
        else:
            self.bad(e, self.prev_seq + 1, f"a second record claiming to be record {s} was inserted "
                                           f"here (the chain links to another one)")
        return True

    def _placed(self, e: _Entry) -> None:
        """Headers start files, and only headers do."""
        is_header = e.kind == "header"
        if e.line == 1 and not (is_header and e.record.get("segment") == e.file_index):
            self.bad(e, e.seq, f"the first line of segment {e.file_index} is not its header")
        elif e.line != 1 and is_header:
            self.bad(e, e.seq, "a header record in the middle of a file (inserted)")

    def _ordered(self, e: _Entry) -> None:
        s, expected = e.seq, self.prev_seq + 1
        if s > expected:
            missing = [x for x in range(expected, s) if x not in self.by_seq]
            later = [x for x in range(expected, s) if x in self.by_seq and x not in self.reordered]
            if missing:
                span = str(missing[0]) if len(missing) == 1 else f"{missing[0]}..{missing[-1]}"
                self.bad(e, missing[0], f"record{'s' if len(missing) > 1 else ''} {span} missing before "
                                        f"record {s} (deleted)")
            if later:
                self.bad(e, later[0], f"out of order: record {s} comes before record {later[0]} (reordered)")
                self.reordered.update(later)
        elif s < expected and s not in self.reordered:
            self.bad(e, s, f"out of order: record {s} comes after record {self.prev_seq} (reordered)")
            self.reordered.add(s)

    def _linked(self, e: _Entry) -> None:
        """``prev`` must be the hash of the genuine record ``seq - 1``."""
        s = e.seq
        if s == 0:
            if e.record.get("prev") != GENESIS:
                self.bad(e, 0, "the first header does not start the chain (prev is not the genesis hash)")
        elif (g := self.genuine(s - 1)) is not None and self.entries[g].claimed != e.record.get("prev"):
            self.bad(self.entries[g], s - 1, f"altered after it was written: record {s} links to a "
                                             f"different version of it")

    # -- the head file anchors the tail
    def _check_head(self) -> None:
        head_file = head_path(self.path)
        if not head_file.exists():
            if self.public is None:
                self.warnings.append(f"no {head_file.name}: a tail cut off at a record boundary "
                                     f"cannot be detected")
            return
        try:
            head = json.loads(head_file.read_bytes())
            if head.get("magic") != HEAD_MAGIC or not isinstance(head["seq"], int) \
                    or not isinstance(head["hash"], str):
                raise ValueError
        except (ValueError, KeyError, TypeError, AttributeError):
            self.bad(None, None, f"{head_file.name} is not a valid head file")
            return
        self.head = head
        self._head_matches(head, head_file.name)

    def _head_matches(self, head: dict, name: str) -> None:
        hseq, last = head["seq"], self.prev_seq
        if hseq > last:
            span = f"{last + 1}" if hseq == last + 1 else f"{last + 1}..{hseq}"
            self.problems.append(Problem(self.names[-1], None, last + 1,
                                         f"truncated tail: record{'s' if hseq > last + 1 else ''} {span} "
                                         f"missing at the end ({name} says the log holds records up "
                                         f"to {hseq})"))
        elif (g := self.genuine(hseq)) is not None and self.entries[g].claimed != head["hash"]:
            self.bad(self.entries[g], hseq, f"does not match {name}: altered after it was written")

    # -- signatures
    def _signing(self) -> dict | None:
        settings = self.entries[0].record.get("settings")
        signing = settings.get("signing") if isinstance(settings, dict) else None
        return signing if isinstance(signing, dict) else None

    def _check_signatures(self) -> str | None:
        """Every checkpoint verifies, and the log's end is vouched for; returns the key id."""
        from .signing import key_id
        kid, header = key_id(self.public), self.entries[0]
        signing = self._signing()
        if signing is None:
            self.bad(header, 0, f"not a signed log: its header names no signing key, so nothing in it "
                                f"is vouched for by key {kid} (signatures stripped, or written without "
                                f"a key)")
            return None
        if signing.get("key_id") != kid:
            self.bad(header, 0, f"signed with key {signing.get('key_id')}, not with the key given ({kid})")
            return None
        vouched, final, broken = self._check_checkpoints(kid, header.record.get("log_id"))
        if not broken:                  # after a broken checkpoint, the end is suspect anyway
            self._check_end(vouched, final)
        else:
            self._head_vouches()
        return kid

    def _checkpoints(self) -> list[_Entry]:
        """The checkpoint records of the chain, in chain order."""
        seqs = sorted(s for s in self.by_seq if (g := self.genuine(s)) is not None
                      and self.entries[g].kind == "checkpoint")
        return [self.entries[self.genuine(s)] for s in seqs]

    def _check_checkpoints(self, kid: str, log_id: Any) -> tuple[int, bool, bool]:
        """Returns the last record a valid checkpoint vouches for, whether it closed the log, and
        whether a checkpoint failed (reported here)."""
        from .signing import check_body
        vouched, final = -1, False
        for e in self._checkpoints():
            r = e.record
            unhashed = {k: v for k, v in r.items() if k != "hash"}      # signed before it was hashed
            if r.get("key_id") == kid and r.get("log_id") == log_id and check_body(self.public, unhashed):
                vouched, final = e.seq, r.get("final") is True
                continue
            self.bad(e, e.seq, f"checkpoint does not verify with key {kid}: "
                               f"{self._span(vouched + 1, e.seq - 1)} changed after they were signed "
                               f"(the log was rewritten), or the checkpoint was forged")
            return vouched, final, True
        return vouched, final, False

    @staticmethod
    def _span(a: int, b: int) -> str:
        return f"record {a}" if a >= b else f"a record among {a}..{b}"

    def _head_vouches(self) -> int:
        """The last record the signed head file vouches for; -1 when it is missing, forged or
        not this log's (a problem then, when the file exists)."""
        from .signing import check_body
        if self.head is None:
            return -1
        hseq = self.head["seq"]
        log_id = self.entries[0].record.get("log_id")
        if self.head.get("log_id") != log_id or not check_body(self.public, self.head):
            name = head_path(self.path)
            self.problems.append(Problem(str(name), None, None,
                                         f"{name.name} is not signed by this key for this log: the head "
                                         f"file was replaced (it claims record {hseq}, hash "
                                         f"{str(self.head['hash'])[:16]}…)"))
            return -1
        return hseq if self._hash_of(hseq) == self.head["hash"] else -1

    def _check_end(self, vouched: int, final: bool) -> None:
        """Records after the last signature are not vouched for; a log without its signed head
        must end with a closing checkpoint, or its tail may have been cut."""
        last = self.prev_seq
        head = self._head_vouches()
        if self.head is not None and self.head["seq"] > last:
            return                                  # reported as a truncated tail already
        end = max(vouched, head)
        name = head_path(self.path).name
        if end < last:
            what = f"records {end + 1}..{last} are" if end + 1 < last else "this record is"
            self.bad(self._entry(end + 1), end + 1,
                     f"{what} not covered by any signature: written after the last checkpoint and the "
                     f"signed {name}, by someone without the key (or by a writer killed before it could "
                     f"sign them: reasonwatch.audit.recover_tail(LOG, key=PUB) moves them aside)")
        elif head < 0 and not (final and vouched == last):
            self.problems.append(Problem(self.names[-1], None, last + 1,
                                         f"truncated tail: the log ends at record {last} without a closing "
                                         f"checkpoint and without a valid signed {name}: records after "
                                         f"record {last} were cut off (or the writer never closed)"))
        elif head < 0:
            self.warnings.append(f"no valid signed {name}: the log ends with a closing checkpoint, but "
                                 f"a cut back to an earlier close cannot be told apart")

    def _entry(self, seq: int) -> _Entry | None:
        g = self.genuine(seq)
        return self.entries[g] if g is not None else None


def main_verify(path: str | os.PathLike, key: Any = None) -> int:
    """``reasonwatch audit verify LOG [--key PUB]``: print the result; exit code 0 intact, 1 problems,
    2 unreadable."""
    try:
        result = verify_log(path, key=key)
    except (AuditError, OSError) as exc:
        print(f"error: {exc}")
        return 2
    print(f"{path}: {result.summary()}")
    return 0 if result.ok else 1
