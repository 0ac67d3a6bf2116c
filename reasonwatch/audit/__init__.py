"""Audit log: an append-only, hash-chained JSONL record of what the monitor saw and did, optionally
signed.

Modules: :mod:`.chain` (the record format), :mod:`.writer` (:class:`AuditLog`, :func:`recover_tail`),
:mod:`.verify` (:func:`verify_log`, :func:`read_records`) and :mod:`.signing` (Ed25519 keys and
signatures). Everything public is importable from ``reasonwatch.audit``.

File format
-----------
One JSON object per line, keys sorted, no spaces, ASCII only. Every record carries

- ``seq``: its index in the whole chain (0 for the first header, then 1, 2, … across segments);
- ``prev``: the SHA-256 of the record before it (64 zeros for the very first header);
- ``hash``: the SHA-256 of the record's own canonical JSON without the ``hash`` key;
- ``time`` (UTC, ISO 8601) and ``kind``.

The first line of every file is a ``header`` record naming the log's format (``magic``), its creator,
its ``log_id`` (random, per log) and its settings, the signing key's id among them for a signed log;
the first event's ``prev`` is therefore the digest of that header. Event kinds are ``warning``,
``violation``, ``correction``, ``drift_alarm``, ``bundle_change`` and ``generation_text`` (the prompt
and output, written only when the log was created with ``include_text=True``). Event records carry
``generation_id``, ``model_fingerprint``, ``bundle_hash``, ``principle``, ``position``, ``scores``,
``action`` and ``params`` where they apply. A signed log also holds ``checkpoint`` records: a
signature (``sig``) by the writer's Ed25519 key over the checkpoint's own fields, its ``seq`` and the
``prev`` hash that commits to every record before it.

Beside the log lives ``LOG.head``: the seq and hash of the last record written, replaced atomically
after every append (and signed, for a signed log). A chain alone cannot tell a log whose last records
were cut off from a shorter log; the head file can. Unsigned, it is an anchor against accidents and
careless edits, not against someone who rewrites the log *and* the head file; signed, it is: the
private key never lives beside the log (``reasonwatch audit keygen``), and ``reasonwatch audit verify
LOG --key PUB`` checks every signature and that the log's end is vouched for. What no offline check can
show is a log and head file swapped together for an older signed copy of themselves: keep the last
head hash elsewhere for that.
"""

from __future__ import annotations

from .chain import EVENT_KINDS, FORMAT, GENESIS, HEAD_MAGIC, MAGIC, AuditError
from .signing import generate_keypair, key_id, load_private_key, load_public_key
from .verify import Problem, VerifyResult, iter_events, main_verify, read_records, verify_log
from .writer import AuditLog, correction_for, recover_tail

__all__ = [
    "EVENT_KINDS", "FORMAT", "GENESIS", "HEAD_MAGIC", "MAGIC",
    "AuditError", "AuditLog", "Problem", "VerifyResult",
    "correction_for", "generate_keypair", "iter_events", "key_id", "load_private_key", "load_public_key",
    "main_verify", "read_records", "recover_tail", "verify_log",
]
