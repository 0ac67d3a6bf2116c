"""Audit log: the chain verifies, every kind of tampering is named, a killed writer loses nothing earlier."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reasonwatch.audit import (AuditError, AuditLog, main_verify, read_records, recover_tail,
                               verify_log)

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
