"""Audit log: the chain verifies, every kind of tampering is named, a killed writer loses nothing earlier."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reasonwatch.audit import (AuditError, AuditLog, generate_keypair, key_id, load_private_key,
                               load_public_key, main_verify, read_records, recover_tail, verify_log)

ROOT = Path(__file__).resolve().parents[1]


def _events(g: int):
    return dict(
        generation_id=f"gen-{g}", model_fingerprint={"arch": "LlamaForCausalLM", "d_model": 576},
        bundle_hash="b" * 64,
        events=[{"principle": "honesty", "state": "warning", "position": 3, "sequence": 0, "score": 0.61},
                {"principle": "honesty", "state": "violation", "position": 5, "sequence": 0, "score": 0.93}],
        corrections=[{"principle": "honesty", "sequence": 0, "start": 5, "end": 12, "tokens": 7,
                      "action": "add", "alpha": 4.0}],
        prompt_text="the prompt", output_text="the output")


def _make_log(path: Path, generations: int = 4, **kw) -> Path:
    with AuditLog(path, creator="test", **kw) as log:
        for g in range(generations):
            log.record_generation(**_events(g))
    return path


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_records_fields_and_no_text_by_default(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=2)
    result = verify_log(log_path)
    assert result.ok and result.n_records == 1 + 2 * 3 and result.first_bad_record is None
    recs = read_records(log_path)
    header = recs[0]
    assert header["kind"] == "header" and header["creator"] == "test"
    assert header["settings"]["include_text"] is False
    assert recs[1]["prev"] == header["hash"]            # the first record links to the header's digest
    kinds = [r["kind"] for r in recs[1:]]
    assert kinds == ["warning", "violation", "correction"] * 2
    viol = recs[2]
    assert viol["principle"] == "honesty" and viol["position"] == 5 and viol["scores"] == {"score": 0.93}
    assert viol["action"] == "steer" and viol["params"]["alpha"] == 4.0
    assert viol["bundle_hash"] == "b" * 64 and viol["model_fingerprint"]["d_model"] == 576
    corr = recs[3]
    assert corr["action"] == "add" and corr["params"] == {"alpha": 4.0, "start": 5, "end": 12, "tokens": 7}
    raw = log_path.read_text()
    assert "the prompt" not in raw and "the output" not in raw


def test_text_only_when_asked(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=1, include_text=True)
    texts = read_records(log_path, kinds=["generation_text"])
    assert len(texts) == 1 and texts[0]["output_text"] == "the output"
    with pytest.raises(AuditError, match="include_text=True"):
        AuditLog(log_path, include_text=False)


def test_reopen_continues_the_chain(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=2)
    with AuditLog(log_path) as log:
        rec = log.append("bundle_change", bundle_hash="c" * 64, action="replace_bundle", params={})
        assert rec["seq"] == 7
    assert verify_log(log_path).ok and verify_log(log_path).n_records == 8


def test_one_writer_at_a_time(tmp_path):
    with AuditLog(tmp_path / "audit.jsonl"):
        with pytest.raises(AuditError, match="another process"):
            AuditLog(tmp_path / "audit.jsonl")


@pytest.mark.parametrize("tamper, first_bad, words", [
    ("edit", 4, "edited"),
    ("edit_rehash", 4, "altered"),
    ("delete", 4, "missing"),
    ("insert_copy", 5, "copy of record 2"),
    ("insert_forged", 5, "second record claiming"),
    ("insert_garbage", 5, "not a JSON record"),
    ("reorder", 4, "out of order"),
    ("truncate_partial", 12, "partial last record"),
    ("truncate_records", 11, "truncated tail"),
    ("edit_last_rehash", 12, "does not match"),
])
def test_verify_names_the_tampered_record(tmp_path, tamper, first_bad, words):
    log_path = _make_log(tmp_path / "audit.jsonl")          # header + 12 records: seq 0..12
    lines = _lines(log_path)
    assert len(lines) == 13

    def rehash(rec):
        import hashlib
        body = {k: v for k, v in rec.items() if k != "hash"}
        rec["hash"] = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"))
                                     .encode()).hexdigest()
        return (json.dumps(rec, sort_keys=True, separators=(",", ":")) + "\n").encode()

    if tamper == "edit":
        lines[4] = lines[4].replace(b'"principle":"honesty"', b'"principle":"harmless"')
    elif tamper == "edit_rehash":
        rec = json.loads(lines[4])
        rec["scores"]["score"] = 0.01
        lines[4] = rehash(rec)
    elif tamper == "delete":
        del lines[4]
    elif tamper == "insert_copy":
        lines.insert(5, lines[2])
    elif tamper == "insert_forged":
        rec = json.loads(lines[5])                           # a forgery that claims seq 5, linked to 4
        rec["principle"], rec["scores"] = "honesty", {"score": 0.0}
        lines.insert(5, rehash(rec))
    elif tamper == "insert_garbage":
        lines.insert(5, b'{"kind": "violation", "oops\n')
    elif tamper == "reorder":
        lines[4], lines[5] = lines[5], lines[4]
    elif tamper == "truncate_partial":
        lines[-1] = lines[-1][: len(lines[-1]) // 2]
    elif tamper == "truncate_records":
        del lines[-2:]
    elif tamper == "edit_last_rehash":
        rec = json.loads(lines[-1])
        rec["params"]["alpha"] = 0.0
        lines[-1] = rehash(rec)
    log_path.write_bytes(b"".join(lines))

    result = verify_log(log_path)
    assert not result.ok
    assert result.first_bad_record == first_bad, result.summary()
    assert words in result.problems[0].message, result.summary()
    assert f"record {first_bad}" in str(result.problems[0])
    # the writer refuses to append to it, and leaves the bytes as they were
    before = log_path.read_bytes()
    with pytest.raises(AuditError, match="refusing to append"):
        AuditLog(log_path)
    assert log_path.read_bytes() == before
    assert main_verify(log_path) == 1


def test_not_our_log(tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text('{"hello": "world"}\n')
    with pytest.raises(AuditError, match="not a reasonwatch audit log"):
        AuditLog(other)
    assert other.read_text() == '{"hello": "world"}\n'
    assert not verify_log(other).ok
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(AuditError, match="not a reasonwatch audit log"):
        AuditLog(empty)
    assert main_verify(tmp_path / "missing.jsonl") == 2
    assert "no such audit log" in capsys.readouterr().out


def test_bad_records_are_refused_before_writing(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=1)
    before = log_path.read_bytes()
    with AuditLog(log_path) as log:
        with pytest.raises(AuditError, match="kind"):
            log.append("gossip", x=1)
        with pytest.raises(AuditError, match="set by the log"):
            log.append("warning", seq=3)
        with pytest.raises(AuditError, match="finite"):
            log.append("warning", scores={"score": float("nan")})
        bad = _events(9)
        bad["events"] = bad["events"] + [{"principle": "x", "state": "violation"}]
        with pytest.raises(AuditError, match=r"events\[2\] lacks"):
            log.record_generation(**bad)
    assert log_path.read_bytes() == before


def test_rotation_keeps_the_chain(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=12, max_bytes=2500)
    files = verify_log(log_path).files
    assert len(files) >= 3
    result = verify_log(log_path)
    assert result.ok and result.n_records == 1 + 12 * 3 + (len(files) - 1)
    seg1 = [json.loads(x) for x in _lines(Path(files[1]))]
    seg0_last = json.loads(_lines(Path(files[0]))[-1])
    assert seg1[0]["kind"] == "header" and seg1[0]["segment"] == 1 and seg1[0]["prev"] == seg0_last["hash"]
    assert all(os.path.getsize(f) <= 2500 for f in files[:-1])
    # reopen appends to the last segment
    with AuditLog(log_path, max_bytes=2500) as log:
        log.record_generation(**_events(99))
    assert verify_log(log_path).ok
    # a deleted middle segment, or a deleted last one, is named
    middle = Path(files[1]).read_bytes()
    Path(files[1]).unlink()
    r = verify_log(log_path)
    assert not r.ok and "segment" in r.summary()
    Path(files[1]).write_bytes(middle)
    last = sorted(verify_log(log_path).files)[-1]
    Path(last).unlink()
    r = verify_log(log_path)
    assert not r.ok and "truncated tail" in r.summary()


_WRITER = textwrap.dedent("""
    import sys
    from reasonwatch.audit import AuditLog
    log = AuditLog(sys.argv[1], creator="killed-writer", include_text=True)
    text = "x" * int(sys.argv[2])
    i = 0
    while True:
        log.record_generation(generation_id=f"g{i}", model_fingerprint="fp", bundle_hash="bh",
                              events=[{"principle": "p", "state": "violation", "position": 1,
                                       "sequence": 0, "score": 0.9}],
                              output_text=text)
        i += 1
        print(i, flush=True)
""")


def test_writer_killed_mid_append(tmp_path):
    """SIGKILL a real writer process while it writes a large record: earlier records all verify."""
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    saw_partial = False
    for attempt in range(3):
        log_path = tmp_path / f"killed-{attempt}.jsonl"
        proc = subprocess.Popen([sys.executable, str(script), str(log_path), str(16_000_000)],
                                stdout=subprocess.PIPE, text=True, env=env)
        try:
            done = 0
            while done < 2:
                line = proc.stdout.readline()
                assert line, f"the writer died: exit code {proc.wait()}"
                done = int(line)
            base = log_path.stat().st_size
            # the large text record is being written once the file has grown by more than the small
            # event record before it: kill the writer now
            deadline = time.monotonic() + 30
            while log_path.stat().st_size < base + 65536:
                assert proc.poll() is None and time.monotonic() < deadline, "the writer stopped writing"
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
            proc.stdout.close()
        result = verify_log(log_path)
        # every record the writer finished (header + 2 per generation) is intact
        assert result.n_records >= 1 + 2 * done
        assert all(p.message.startswith("partial last record") for p in result.problems), result.summary()
        if result.problems:
            saw_partial = True
            assert result.first_bad_record == result.n_records
            with pytest.raises(AuditError, match="partial last record.*recover_tail"):
                AuditLog(log_path, include_text=True)
            aside = recover_tail(log_path)
            assert aside is not None and aside.stat().st_size > 0
            assert verify_log(log_path).ok
            with AuditLog(log_path, include_text=True) as log:   # appending works again
                log.record_generation(**_events(0))
            assert verify_log(log_path).ok
            break
    assert saw_partial, "the writer was never caught mid-write in 3 tries"


def test_recover_tail_refuses_other_damage(tmp_path):
    log_path = _make_log(tmp_path / "audit.jsonl")
    lines = _lines(log_path)
    del lines[3]
    lines[-1] = lines[-1][:10]
    log_path.write_bytes(b"".join(lines))
    before = log_path.read_bytes()
    with pytest.raises(AuditError, match="besides a partial tail"):
        recover_tail(log_path)
    assert log_path.read_bytes() == before


# ------------------------------------------------------------------------------- one correction each

def test_each_violation_names_the_correction_it_led_to(tmp_path):
    """Two violations of one (principle, sequence), each followed by its own correction window, and a
    third after the budget was spent: each record names its own window, the last none."""
    gen = dict(generation_id="g", model_fingerprint="fp", bundle_hash="b" * 64,
               events=[{"principle": "honesty", "state": "violation", "position": 5, "sequence": 0, "score": 0.9},
                       {"principle": "honesty", "state": "warning", "position": 12, "sequence": 0, "score": 0.5},
                       {"principle": "honesty", "state": "violation", "position": 20, "sequence": 0, "score": 0.8},
                       {"principle": "honesty", "state": "violation", "position": 30, "sequence": 0, "score": 0.7},
                       {"principle": "honesty", "state": "violation", "position": 7, "sequence": 1, "score": 0.9}],
               corrections=[{"principle": "honesty", "sequence": 0, "start": 6, "end": 10, "tokens": 4,
                             "action": "add", "alpha": 1.0},
                            {"principle": "honesty", "sequence": 0, "start": 21, "end": 25, "tokens": 4,
                             "action": "add", "alpha": 2.0},
                            {"principle": "honesty", "sequence": 1, "start": 8, "end": 9, "tokens": 1,
                             "action": "add", "alpha": 3.0}])
    with AuditLog(tmp_path / "audit.jsonl") as log:
        log.record_generation(**gen)
    viol = {(r["sequence"], r["position"]): r for r in read_records(tmp_path / "audit.jsonl", kinds=["violation"])}
    assert viol[0, 5]["action"] == "steer" and viol[0, 5]["params"] == {"alpha": 1.0, "start": 6}
    assert viol[0, 20]["action"] == "steer" and viol[0, 20]["params"] == {"alpha": 2.0, "start": 21}
    assert viol[0, 30]["action"] == "none" and viol[0, 30]["params"] == {}
    assert viol[1, 7]["params"] == {"alpha": 3.0, "start": 8}
    assert [r["action"] for r in read_records(tmp_path / "audit.jsonl", kinds=["warning"])] == ["none"]


# ---------------------------------------------------------------------------------------- signatures

@pytest.fixture()
def keys(tmp_path):
    (tmp_path / "keys").mkdir()
    return generate_keypair(tmp_path / "keys" / "audit")


def test_keygen_files_and_permissions(tmp_path, keys):
    assert keys.private.name == "audit.key.pem" and keys.public.name == "audit.pub.pem"
    assert stat.S_IMODE(keys.private.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in keys.private.read_bytes() and b"PUBLIC KEY" in keys.public.read_bytes()
    assert key_id(load_private_key(keys.private)) == key_id(load_public_key(keys.public))
    before = keys.private.read_bytes()
    with pytest.raises(AuditError, match="never overwritten"):
        generate_keypair(tmp_path / "keys" / "audit")
    assert keys.private.read_bytes() == before


def _signed_log(path: Path, keys, generations: int = 5) -> Path:
    """header 0, events 1-6, checkpoint 7, events 8-13, checkpoint 14, events 15-17, closing checkpoint 18."""
    return _make_log(path, generations=generations, signing_key=keys.private, checkpoint_every=5)


def test_signed_log_checkpoints_and_head(tmp_path, keys):
    log_path = _signed_log(tmp_path / "audit.jsonl", keys)
    recs = read_records(log_path)
    cps = [r for r in recs if r["kind"] == "checkpoint"]
    assert [(r["seq"], r["final"]) for r in cps] == [(7, False), (14, False), (18, True)]
    assert all(r["key_id"] == key_id(load_public_key(keys.public)) and r["log_id"] == recs[0]["log_id"]
               for r in cps)
    assert recs[0]["settings"]["signing"]["checkpoint_every"] == 5
    head = json.loads((tmp_path / "audit.jsonl.head").read_bytes())
    assert head["seq"] == 18 and "sig" in head
    # no key material in the log or beside it
    for f in tmp_path.iterdir():
        if f.is_file():
            assert b"PRIVATE" not in f.read_bytes()
    result = verify_log(log_path, key=keys.public)
    assert result.ok and result.signed_by == key_id(load_public_key(keys.public)), result.summary()
    assert "signed" in " ".join(verify_log(log_path).warnings)      # without the key: says so
    assert main_verify(log_path, key=keys.public) == 0
    # the head file's signature covers its hash, not only its record number
    head_file = tmp_path / "audit.jsonl.head"
    genuine_head = head_file.read_bytes()
    head_file.write_text(json.dumps({**head, "hash": "f" * 64}))
    r = verify_log(log_path, key=keys.public)
    assert not r.ok and any("head file was replaced" in p.message for p in r.problems), r.summary()
    head_file.write_bytes(genuine_head)
    # reopening needs the key; with it, the chain continues and is signed again at close
    with pytest.raises(AuditError, match="signed by key"):
        AuditLog(log_path)
    with AuditLog(log_path, signing_key=keys.private, checkpoint_every=5) as log:
        log.record_generation(**_events(7))
    assert read_records(log_path)[-1]["kind"] == "checkpoint"
    assert verify_log(log_path, key=keys.public).ok
    # an unsigned log is refused a key, and fails a keyed verification
    plain = _make_log(tmp_path / "plain.jsonl", generations=1)
    with pytest.raises(AuditError, match="names no signing key"):
        AuditLog(plain, signing_key=keys.private)
    r = verify_log(plain, key=keys.public)
    assert not r.ok and "not a signed log" in r.problems[0].message


def test_signed_rotation(tmp_path, keys):
    log_path = _make_log(tmp_path / "audit.jsonl", generations=12, max_bytes=2500,
                         signing_key=keys.private, checkpoint_every=4)
    result = verify_log(log_path, key=keys.public)
    assert result.ok and len(result.files) >= 3, result.summary()


def _rewrite(lines: list[bytes], head: Path, *, edit=None, forge=None) -> list[bytes]:
    """What an attacker without the key can do: recompute every seq, prev and hash (and the head file,
    keeping the old signature since they cannot make a new one), so the chain itself is consistent."""
    import hashlib
    recs = [json.loads(x) for x in lines]
    if edit:
        edit(recs)
    prev, out = "0" * 64, []
    for i, rec in enumerate(recs):
        rec["seq"], rec["prev"] = i, prev
        if forge and rec["kind"] == "checkpoint":
            forge(rec)
        body = {k: v for k, v in rec.items() if k != "hash"}
        rec["hash"] = prev = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"))
                                            .encode()).hexdigest()
        out.append((json.dumps(rec, sort_keys=True, separators=(",", ":")) + "\n").encode())
    old = json.loads(head.read_bytes())
    head.write_text(json.dumps({**old, "seq": len(recs) - 1, "hash": prev}))
    return out


def _forger():
    """Signs checkpoints with a forger's own key, passed off under the genuine key's id."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from reasonwatch.audit.signing import sign_body
    key = Ed25519PrivateKey.generate()

    def forge(rec):
        rec["sig"] = sign_body(key, {k: v for k, v in rec.items() if k != "hash"})
    return forge


@pytest.mark.parametrize("tamper, first_bad, words", [
    ("edited_field", 14, "checkpoint does not verify"),      # a score changed in record 9
    ("deleted_record", 13, "checkpoint does not verify"),    # record 9 removed, later ones renumbered
    ("reordered_records", 14, "checkpoint does not verify"), # records 9 and 10 swapped
    ("rewritten_log", 7, "checkpoint does not verify"),      # every record rewritten, re-signed by a forger
    ("stripped_signatures", 0, "not a signed log"),          # checkpoints and signing settings removed
    ("replaced_head", None, "head file was replaced"),       # LOG.head claims the log ends at record 14
    ("truncated_tail", 15, "truncated tail"),                # records after checkpoint 14 cut, head rewritten
    ("truncated_tail_no_head", 15, "truncated tail"),        # the same, head file deleted
    ("appended_record", 19, "not covered by any signature"), # a well-chained record added after the close
])
def test_signed_verify_catches_what_the_chain_cannot(tmp_path, keys, tamper, first_bad, words):
    log_path = _signed_log(tmp_path / "audit.jsonl", keys)
    head = tmp_path / "audit.jsonl.head"
    lines = _lines(log_path)
    assert len(lines) == 19 and verify_log(log_path, key=keys.public).ok

    def set_score(recs):
        recs[9]["scores"]["score"] = 0.01

    def rewrite_all(recs):
        for r in recs[1:]:
            if r["kind"] != "checkpoint":
                r["generation_id"] = "forged"

    if tamper == "edited_field":
        lines = _rewrite(lines, head, edit=set_score)
    elif tamper == "deleted_record":
        lines = _rewrite(lines[:9] + lines[10:], head)
    elif tamper == "reordered_records":
        lines[9], lines[10] = lines[10], lines[9]
        lines = _rewrite(lines, head)
    elif tamper == "rewritten_log":
        lines = _rewrite(lines, head, edit=rewrite_all, forge=_forger())
    elif tamper == "stripped_signatures":
        def strip(recs):
            recs[:] = [r for r in recs if r["kind"] != "checkpoint"]
            del recs[0]["settings"]["signing"]
        lines = _rewrite(lines, head, edit=strip)
        head.write_text(json.dumps({k: v for k, v in json.loads(head.read_bytes()).items()
                                    if k not in ("sig", "key_id")}))
    elif tamper == "replaced_head":
        rec14 = json.loads(lines[14])
        head.write_text(json.dumps({**json.loads(head.read_bytes()), "seq": 14, "hash": rec14["hash"]}))
    elif tamper in ("truncated_tail", "truncated_tail_no_head"):
        lines = _rewrite(lines[:15], head)
        if tamper == "truncated_tail_no_head":
            head.unlink()
    elif tamper == "appended_record":
        rec = json.loads(lines[1])
        lines = _rewrite(lines + [(json.dumps(rec) + "\n").encode()], head)
    log_path.write_bytes(b"".join(lines))

    assert verify_log(log_path).ok, "the chain alone was meant to pass: this case needs the signatures"
    result = verify_log(log_path, key=keys.public)
    assert not result.ok and result.signed_by is None
    assert result.first_bad_record == first_bad, result.summary()
    assert words in result.problems[0].message, result.summary()
    where = "audit.jsonl.head" if first_bad is None else f"record {first_bad}"
    assert where in str(result.problems[0]), result.summary()
    if tamper.endswith(("_field", "_record", "_records", "_log")) and tamper != "appended_record":
        cp = next(p for p in result.problems if words in p.message)
        assert cp.line == cp.record + 1                     # the checkpoint's own line names where
    assert main_verify(log_path, key=keys.public) == 1
    before = log_path.read_bytes()
    with pytest.raises(AuditError, match="refusing to append|names no signing key"):
        AuditLog(log_path, signing_key=keys.private, checkpoint_every=5)
    assert log_path.read_bytes() == before


def test_unsigned_tail_of_a_killed_writer_is_moved_aside(tmp_path, keys):
    """A writer killed after writing records but before signing the head leaves them unsigned:
    verification says so, and recover_tail (given the key) moves them aside, keeping the bytes."""
    log_path = _signed_log(tmp_path / "audit.jsonl", keys, generations=1)   # 0-3, closing 4
    with AuditLog(log_path, signing_key=keys.private) as log:
        log._append_batch([("warning", {"principle": "p"})])  # record 5, committed: the head is signed
        log._append("warning", {"principle": "q"})          # record 6 written; the writer dies here
        log._release()
    r = verify_log(log_path, key=keys.public)
    assert not r.ok and r.first_bad_record == 6 and "not covered" in r.problems[0].message, r.summary()
    assert verify_log(log_path).ok                          # the chain alone cannot tell
    with pytest.raises(AuditError, match="recover_tail"):
        AuditLog(log_path, signing_key=keys.private)
    aside = recover_tail(log_path, key=keys.public)
    assert b'"principle":"q"' in aside.read_bytes()
    assert verify_log(log_path, key=keys.public).ok
    with AuditLog(log_path, signing_key=keys.private) as log:
        log.record_generation(**_events(1))
    assert verify_log(log_path, key=keys.public).ok
