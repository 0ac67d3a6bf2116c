"""Ed25519 signatures over audit checkpoints and the head file, through ``cryptography``.

A hash chain shows an edit, but not a rewrite: whoever can write the log can recompute every hash
and the head file. A signature made with a key that never lives beside the log closes that gap.

Keys: :func:`generate_keypair` (``reasonwatch audit keygen --out PREFIX``) writes ``PREFIX.key.pem``
(the private key, mode 0600) and ``PREFIX.pub.pem``. The writer holds the private key; anyone holding
the public key verifies. A log names the key that signs it by :func:`key_id` only.

What is signed is canonical JSON without its ``sig`` (:func:`sign_body`); a record is signed before
its ``hash`` (the digest of the body and signature) is added, so a checkpoint is checked without it:

- a ``checkpoint`` record (every N records and when the writer closes, ``final`` true then) carries
  ``log_id``, ``key_id``, ``final`` and, like every record, ``seq`` and ``prev``: the signature over
  them vouches for the whole chain up to it;
- the head file (rewritten after every append) carries ``log_id``, ``seq``, ``hash`` and
  ``segment``: the signature vouches for where the log ends, so a tail cut after the last checkpoint
  shows.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .chain import AuditError, canonical

ALGORITHM = "ed25519"


class KeyFiles(NamedTuple):
    private: Path
    public: Path


def key_paths(prefix: str | os.PathLike) -> KeyFiles:
    prefix = str(prefix)
    return KeyFiles(Path(prefix + ".key.pem"), Path(prefix + ".pub.pem"))


def generate_keypair(prefix: str | os.PathLike) -> KeyFiles:
    """Write a new Ed25519 key pair to ``PREFIX.key.pem`` (0600) and ``PREFIX.pub.pem``.

    Refuses to overwrite either file. Keep the private key away from the log it signs.
    """
    paths = key_paths(prefix)
    if paths.public.exists():
        raise AuditError(f"{paths.public} exists; a key file is never overwritten")
    private, public = new_keypair_pem()
    _write_new(paths.private, private, 0o600)
    try:
        _write_new(paths.public, public, 0o644)
    except BaseException:
        paths.private.unlink()
        raise
    return paths


def new_keypair_pem() -> tuple[bytes, bytes]:
    """A new key pair as (private PEM, unencrypted PKCS#8; public PEM)."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return private, public_pem(key.public_key())


def _write_new(path: Path, data: bytes, mode: int) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise AuditError(f"{path} exists; a key file is never overwritten") from None
    try:
        os.fchmod(fd, mode)          # the umask must not loosen a private key
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _pem(source: str | os.PathLike | bytes, what: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, f"the {what} given"
    try:
        return Path(source).read_bytes(), str(source)
    except FileNotFoundError:
        raise AuditError(f"{source}: no such {what} file") from None


def load_private_key(source: Ed25519PrivateKey | str | os.PathLike | bytes) -> Ed25519PrivateKey:
    """An Ed25519 private key from a key object, a PEM file's path, or PEM bytes."""
    if isinstance(source, Ed25519PrivateKey):
        return source
    data, where = _pem(source, "private key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise AuditError(f"{where}: not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise AuditError(f"{where}: a {type(key).__name__}, not an Ed25519 private key")
    return key


def load_public_key(source: Ed25519PublicKey | Ed25519PrivateKey | str | os.PathLike | bytes
                    ) -> Ed25519PublicKey:
    """An Ed25519 public key from a key object (a private key gives its public half), a PEM file's
    path, or PEM bytes."""
    if isinstance(source, Ed25519PublicKey):
        return source
    if isinstance(source, Ed25519PrivateKey):
        return source.public_key()
    data, where = _pem(source, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise AuditError(f"{where}: not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise AuditError(f"{where}: a {type(key).__name__}, not an Ed25519 public key")
    return key


def key_id(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """A short name for a key pair: SHA-256 of the raw public key, first 32 hex digits."""
    raw = load_public_key(key).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def sign_body(key: Ed25519PrivateKey, body: Mapping[str, Any]) -> str:
    """The base64 signature over ``body`` without its ``sig``."""
    return base64.b64encode(key.sign(_message(body))).decode("ascii")


def check_body(key: Ed25519PublicKey, body: Mapping[str, Any]) -> bool:
    """Whether ``body["sig"]`` is ``key``'s signature over the rest of ``body``."""
    sig = body.get("sig")
    if not isinstance(sig, str):
        return False
    try:
        key.verify(base64.b64decode(sig, validate=True), _message(body))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _message(body: Mapping[str, Any]) -> bytes:
    return canonical({k: v for k, v in body.items() if k != "sig"})
