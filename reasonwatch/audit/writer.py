"""Writing an audit log: :class:`AuditLog`, one locked, append-only writer per log.

Lifecycle of a writer
---------------------
1. ``AuditLog(path)`` takes an exclusive ``flock`` on the first file (one writer per log), then either
   creates the log (header, ``fsync``, head file) or verifies the existing chain in full (and its
   signatures, when it is signed). A log that is not ours, a broken chain or a partial last line is
   refused with an error naming the record; the file is never touched. A partial last line (a writer
   killed mid-append) stays until an operator runs :func:`recover_tail`, which moves it aside into
   ``SEGMENT.partial-N``.
2. Every record is one ``os.write`` of a complete line to a file opened with ``O_APPEND``; each
   :meth:`AuditLog.append` or batch ends with one ``os.fsync`` and an atomic rewrite of the head file.
   A writer killed at any point leaves every earlier record intact, and at worst one partial last line.
3. With ``signing_key``, a ``checkpoint`` record signed with it follows every ``checkpoint_every``
   records (checked when a batch ends) and the writer's close, and every head file is signed.
4. With ``max_bytes`` set, a record that would push the current file past it starts a new segment
   ``LOG.1``, ``LOG.2``, …; the new file's header carries the previous file's last hash, so the chain
   runs across files.
5. ``watch(..., audit=log)`` calls :meth:`AuditLog.record_generation` after ``generate()`` returns:
   nothing here runs inside the decode loop.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .chain import (EVENT_KINDS, FORMAT, GENESIS, HEAD_MAGIC, MAGIC, _RESERVED, AuditError, canonical,
                    digest, fsync_dir, head_path, jsonable, now, segment_path, segments, write_atomic)
from .verify import read_records, verify_log

_EVENT_FIELDS = ("principle", "state", "position", "sequence", "score")
_CORRECTION_FIELDS = ("principle", "sequence", "start", "end", "tokens", "alpha")


class AuditLog:
    """An open, locked audit log. Use as a context manager, or call :meth:`close`.

    ``creator`` names the writer in every header; ``include_text`` lets :meth:`record_generation`
    keep prompt and output text (off by default, and fixed for the life of the log); ``max_bytes``
    starts a new segment when a file would grow past it. ``signing_key`` (an Ed25519 private key, or
    its PEM file) signs a checkpoint every ``checkpoint_every`` records and at close, and the head
    file; a log is signed for its whole life or not at all.
    """

    def __init__(self, path: str | os.PathLike, *, creator: str | None = None,
                 include_text: bool = False, max_bytes: int | None = None,
                 signing_key: Any = None, checkpoint_every: int = 100):
        from .. import __version__
        self.path = Path(path)
        self.creator = creator or f"reasonwatch {__version__}"
        self.include_text = bool(include_text)
        self.max_bytes = _positive(max_bytes, "max_bytes", optional=True)
        self.checkpoint_every = _positive(checkpoint_every, "checkpoint_every")
        self._key = self._key_id = None
        if signing_key is not None:
            from .signing import key_id, load_private_key
            self._key = load_private_key(signing_key)
            self._key_id = key_id(self._key)
        self._fd: int | None = None        # the current segment, O_APPEND
        self._lock_fd: int | None = None   # the first file, holding the flock
        self._seq, self._last = -1, GENESIS
        self._segment = self._size = self._lines_in_segment = 0
        self._log_id: str | None = None
        self._unsigned = 0                 # records since the last checkpoint
        self._closed_by_checkpoint = False
        self._open()

    def __repr__(self) -> str:
        state = "closed" if self._fd is None else f"{self.n_records} records, segment {self._segment}"
        signed = f", signed by {self._key_id}" if self._key_id else ""
        return (f"AuditLog({str(self.path)!r}, include_text={self.include_text}, "
                f"max_bytes={self.max_bytes}{signed}; {state})")

    # -- lifecycle
    def _open(self) -> None:
        if self.path.is_dir():
            raise AuditError(f"{self.path} is a directory, not an audit log")
        created = self._lock()
        try:
            if created:
                self._create()
            elif os.fstat(self._lock_fd).st_size == 0:
                raise AuditError(f"{self.path} exists and is empty: not a reasonwatch audit log; "
                                 f"remove it or choose another path")
            else:
                self._resume()
        except BaseException:
            self._release()
            if created and self.path.exists() and self.path.stat().st_size == 0:
                self.path.unlink()
            raise

    def _lock(self) -> bool:
        """Open the first file (creating it if absent) and take the writer's lock; True if created."""
        import fcntl
        created = False
        try:
            self._lock_fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            created = True
        except FileExistsError:
            self._lock_fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._release()
            raise AuditError(f"{self.path}: another process is writing to this audit log") from None
        return created

    def _create(self) -> None:
        self._log_id = secrets.token_hex(16)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self._write_header(0, GENESIS)
        fsync_dir(self.path.parent)
        self._commit()

    def _resume(self) -> None:
        records = read_records(self.path)
        settings = _settings(records[0])
        signed = self._key is not None and _signer(settings) == self._key_id
        result = verify_log(self.path, key=self._key.public_key() if signed else None)
        if not result.ok:
            raise AuditError(f"{self.path}: refusing to append to a log that does not verify "
                             f"({result.problems[0]}); nothing was written. {_hint(self.path, result)}")
        self._check_settings(settings)
        files = segments(self.path)
        self._segment = len(files) - 1
        self._log_id = records[0].get("log_id")
        self._seq, self._last = records[-1]["seq"], records[-1]["hash"]
        self._unsigned = _since_checkpoint(records)
        self._closed_by_checkpoint = records[-1].get("kind") == "checkpoint" and records[-1].get("final")
        self._size = files[-1].stat().st_size
        self._lines_in_segment = files[-1].read_bytes().count(b"\n")
        self._fd = os.open(files[-1], os.O_WRONLY | os.O_APPEND)

    def _check_settings(self, settings: Mapping[str, Any]) -> None:
        if bool(settings.get("include_text")) != self.include_text:
            raise AuditError(f"{self.path} was created with include_text={settings.get('include_text')}; "
                             f"open it with the same setting or start a new log")
        signed_by = _signer(settings)
        if signed_by != self._key_id:
            raise AuditError(f"{self.path} is signed by key {signed_by}; open it with that key's private "
                             f"half (signing_key=...)" if signed_by else
                             f"{self.path} names no signing key (it was created without one, or its "
                             f"signatures were stripped); a log is signed for its whole life or not at "
                             f"all: start a new log to sign it")

    def close(self) -> None:
        """Sign a closing checkpoint (for a signed log), then release the file and the lock.
        Safe to call twice."""
        if self._fd is not None and self._key is not None and not self._closed_by_checkpoint:
            try:
                self._write_checkpoint(final=True)
                self._commit()
            except BaseException:
                self._release()
                raise
        self._release()

    def _release(self) -> None:
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
        # no closing checkpoint from the garbage collector: the signed head file anchors the end
        try:
            self._release()
        except Exception:
            pass

    @property
    def last_hash(self) -> str:
        """The hash of the last record written: keep a copy elsewhere to anchor the log."""
        return self._last

    @property
    def n_records(self) -> int:
        return self._seq + 1

    @property
    def log_id(self) -> str | None:
        """A random id written into every header (and signed with every checkpoint)."""
        return self._log_id

    # -- low level
    def _write_line(self, body: dict, *, sign: bool = False) -> dict:
        """One whole line in one write: a kill leaves either nothing or a partial last line."""
        if self._fd is None:
            raise AuditError(f"{self.path}: the audit log is closed")
        body = {**body, "seq": self._seq + 1, "prev": self._last}
        if sign:
            from .signing import sign_body
            body["sig"] = sign_body(self._key, body)
        rec = {**body, "hash": digest(body)}
        line = canonical(rec) + b"\n"
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view):]
        self._seq, self._last = rec["seq"], rec["hash"]
        self._size += len(line)
        self._lines_in_segment += 1
        self._closed_by_checkpoint = sign and body.get("final") is True
        self._unsigned = 0 if sign else self._unsigned + 1
        return rec

    def _write_header(self, segment: int, prev: str) -> dict:
        settings = {"include_text": self.include_text, "max_bytes": self.max_bytes, "hash": "sha256"}
        if self._key is not None:
            from .signing import ALGORITHM
            settings["signing"] = {"alg": ALGORITHM, "key_id": self._key_id,
                                   "checkpoint_every": self.checkpoint_every}
        return self._write_line({"kind": "header", "time": now(), "magic": MAGIC, "format": FORMAT,
                                 "creator": self.creator, "segment": segment, "settings": settings,
                                 **({"log_id": self._log_id} if self._log_id else {})})

    def _write_checkpoint(self, *, final: bool) -> dict:
        self._rotate_if_needed(400)
        return self._write_line({"kind": "checkpoint", "time": now(), "log_id": self._log_id,
                                 "key_id": self._key_id, "final": final}, sign=True)

    def _rotate_if_needed(self, nbytes: int) -> None:
        if self.max_bytes is None or self._lines_in_segment < 2 or self._size + nbytes <= self.max_bytes:
            return
        nxt = segment_path(self.path, self._segment + 1)
        fd = os.open(nxt, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o644)
        old, self._fd = self._fd, fd
        os.fsync(old)
        os.close(old)
        self._segment += 1
        self._size = self._lines_in_segment = 0
        self._write_header(self._segment, self._last)
        fsync_dir(self.path.parent)

    def _commit(self) -> None:
        """End of an append or a batch: a checkpoint if one is due, one fsync, the new head file."""
        if self._key is not None and self._unsigned >= self.checkpoint_every:
            self._write_checkpoint(final=False)
        os.fsync(self._fd)
        head = {"magic": HEAD_MAGIC, "seq": self._seq, "hash": self._last, "segment": self._segment}
        if self._log_id:
            head["log_id"] = self._log_id
        if self._key is not None:
            from .signing import sign_body
            head["key_id"] = self._key_id
            head["sig"] = sign_body(self._key, head)
        write_atomic(head_path(self.path), canonical(head) + b"\n")

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
        body = {"kind": kind, "time": now(), **jsonable(dict(fields), kind)}
        # size estimate for rotation (seq/prev/hash add a fixed ~170 bytes)
        self._rotate_if_needed(len(canonical(body)) + 180)
        return self._write_line(body)

    def _append_batch(self, items: list[tuple[str, dict]]) -> list[dict]:
        """Several records, then one commit (one fsync): each is still one write of a whole line, so
        a kill leaves every earlier record intact and at most a partial last line."""
        written = [self._append(k, b) for k, b in items]
        if written:
            self._commit()
        return written

    def record_generation(self, *, generation_id: str, model_fingerprint: Mapping | str, bundle_hash: str,
                          events: Sequence[Mapping[str, Any]] = (),
                          corrections: Sequence[Mapping[str, Any]] = (),
                          prompt_text: str | None = None, output_text: str | None = None) -> list[dict]:
        """One record per event and per correction of a finished generation; returns them.

        ``events``: dicts with ``principle``, ``state`` (``"warning"`` or ``"violation"``),
        ``position``, ``sequence`` and ``score`` (other keys go to ``detail``). ``corrections``: dicts
        with ``principle``, ``sequence``, ``start``, ``end``, ``tokens``, ``action`` and ``alpha``
        (other keys go to ``params``). A violation's record names the correction it led to (see
        :func:`correction_for`), or ``action: "none"``. Text is written only if the log keeps text.
        Everything is checked before the first line is written.
        """
        common = {"generation_id": str(generation_id), "model_fingerprint": model_fingerprint,
                  "bundle_hash": str(bundle_hash)}
        bodies = [(ev["state"], _event_body(ev, common, corrections)) for ev in _checked_events(events)]
        bodies += [("correction", _correction_body(c, common)) for c in _checked_corrections(corrections)]
        if self.include_text and (prompt_text is not None or output_text is not None):
            bodies.append(("generation_text", {**common, "prompt_text": prompt_text,
                                               "output_text": output_text,
                                               "n_events": len(events), "n_corrections": len(corrections)}))
        checked = [(k, jsonable(b, k)) for k, b in bodies]   # fail before writing anything
        return self._append_batch(checked)

    def record_drift_alarms(self, alarms: Iterable[Any], *, bundle_hash: str,
                            model_fingerprint: Mapping | str | None = None) -> list[dict]:
        """One ``drift_alarm`` record per alarm (anything with ``to_record()``, e.g. drift.Alarm)."""
        bodies = [jsonable({"bundle_hash": bundle_hash, "model_fingerprint": model_fingerprint,
                            **a.to_record()}, "drift_alarm") for a in alarms]
        return self._append_batch([("drift_alarm", b) for b in bodies])

    def record_bundle_change(self, *, old_hash: str | None, new_hash: str,
                             model_fingerprint: Mapping | str | None = None, reason: str = "") -> dict:
        """A ``bundle_change`` record: the probe bundle watching this model was replaced."""
        return self.append("bundle_change", bundle_hash=new_hash, model_fingerprint=model_fingerprint,
                           action="replace_bundle", params={"old_hash": old_hash, "new_hash": new_hash,
                                                            "reason": reason})


# ------------------------------------------------------------------------------------ generations

def correction_for(event: Mapping[str, Any], corrections: Sequence[Mapping[str, Any]]
                   ) -> Mapping[str, Any] | None:
    """The correction a violation event led to, or None.

    A violation at position *p* opens its gate for position *p + 1* (or, in a pass that steers the
    position it scored, *p* itself): the correction it led to is the window of the same principle and
    sequence that holds *p* or *p + 1*; one already running at *p* is the one the event belongs to.
    None when no window does (the steering budget was spent, or the generation ended at *p*).
    """
    if event.get("state") != "violation":
        return None
    p = event["position"]
    return next((c for c in corrections
                 if c.get("principle") == event["principle"] and c.get("sequence") == event["sequence"]
                 and c["start"] <= p + 1 and c["end"] > p), None)


def _checked_events(events: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    for i, ev in enumerate(events):
        missing = set(_EVENT_FIELDS) - set(ev)
        if missing:
            raise AuditError(f"events[{i}] lacks {sorted(missing)}")
        if ev["state"] not in ("warning", "violation"):
            raise AuditError(f"events[{i}].state={ev['state']!r}; expected 'warning' or 'violation'")
    return events


def _checked_corrections(corrections: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    for i, c in enumerate(corrections):
        missing = set(_CORRECTION_FIELDS) - set(c)
        if missing:
            raise AuditError(f"corrections[{i}] lacks {sorted(missing)}")
    return corrections


def _event_body(ev: Mapping[str, Any], common: dict, corrections: Sequence[Mapping[str, Any]]) -> dict:
    c = correction_for(ev, corrections)
    action, params = ("steer", {"alpha": c.get("alpha"), "start": c.get("start")}) if c else ("none", {})
    extra = {k: v for k, v in ev.items() if k not in _EVENT_FIELDS}
    return {**common, "principle": ev["principle"], "sequence": ev["sequence"], "position": ev["position"],
            "scores": {"score": ev["score"]}, "action": action, "params": params,
            **({"detail": extra} if extra else {})}


def _correction_body(c: Mapping[str, Any], common: dict) -> dict:
    params = {k: v for k, v in c.items() if k not in ("principle", "sequence", "action")}
    return {**common, "principle": c["principle"], "sequence": c["sequence"], "position": c["start"],
            "scores": {}, "action": c.get("action", "add"), "params": params}


# --------------------------------------------------------------------------------------- helpers

def _positive(value: Any, name: str, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise AuditError(f"{name}={value!r}: give a positive whole number"
                         + (", or None" if optional else ""))
    return value


def _settings(header: Mapping[str, Any]) -> dict:
    settings = header.get("settings")
    return settings if isinstance(settings, dict) else {}


def _signer(settings: Mapping[str, Any]) -> Any:
    """The key id a log's settings name as its signer, or None."""
    signing = settings.get("signing")
    return signing.get("key_id") if isinstance(signing, dict) else None


def _since_checkpoint(records: Sequence[Mapping[str, Any]]) -> int:
    n = 0
    for r in reversed(records):
        if r.get("kind") == "checkpoint":
            break
        n += 1
    return n


def _hint(path: Path, result) -> str:
    if all(_recoverable(p) for p in result.problems):
        return (f"run `reasonwatch audit verify {path}`; then reasonwatch.audit.recover_tail() moves the "
                f"unfinished tail aside")
    return f"run `reasonwatch audit verify {path}` for the full report"


def _recoverable(problem) -> bool:
    """What a writer killed mid-append leaves: a partial last line, or (signed) its last complete
    records before it could sign them."""
    return problem.message.startswith("partial last record") or \
        "not covered by any signature" in problem.message


def recover_tail(path: str | os.PathLike, *, key: Any = None) -> Path | None:
    """Move an unfinished tail aside so the log can be appended to: a partial last line (from a writer
    killed mid-append) and, given the public ``key`` of a signed log, the complete records after the
    last signature (a writer killed before it signed them; check them, since nothing vouches for them).

    The bytes are copied to ``SEGMENT.partial-N`` and fsynced before the segment is truncated to the
    last good record; nothing else changes. Refuses when anything else is wrong. Returns the file
    holding the moved bytes, or None when there was nothing to move.
    """
    path = Path(path)
    result = verify_log(path, key=key)
    if not all(_recoverable(p) for p in result.problems):
        raise AuditError(f"{path}: the log has problems besides a partial tail (or unsigned last "
                         f"records); nothing was changed:\n" + result.summary())
    if result.ok:
        return None
    seg, cut = segments(path)[-1], result.problems[0]
    if cut.file != str(seg) or cut.line is None:
        raise AuditError(f"{path}: the unfinished tail starts in {cut.file}, before the last segment; "
                         f"nothing was changed")
    return _move_aside(seg, cut.line)


def _move_aside(seg: Path, line: int) -> Path:
    """Copy ``seg`` from ``line`` on into a new ``SEG.partial-N`` (fsynced), then cut it there."""
    data = seg.read_bytes()
    keep = 0
    for _ in range(line - 1):
        keep = data.index(b"\n", keep) + 1
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
