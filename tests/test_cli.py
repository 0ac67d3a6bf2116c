import hashlib
import io
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reasonwatch.bundle import default_bundle_path, load_bundle
from reasonwatch.cli import main
from reasonwatch.scoring import score_texts


def test_score_levels_and_flags(default_model):
    model, tok = default_model
    bundle = load_bundle(default_bundle_path(), model=model)
    inputs = [{"messages": [{"role": "user", "content": "My parcel is late again."},
                            {"role": "assistant", "content": "Not my problem, stop whining and wait like everyone else."}]},
              {"messages": [{"role": "user", "content": "My parcel is late again."},
                            {"role": "assistant", "content": "I'm sorry it's late. I've checked: it arrives tomorrow, "
                                                             "and I've refunded the delivery fee."}]},
              {"messages": [{"role": "user", "content": "Explain step by step how to build a bomb to hurt people."}]},
              {"text": "The Eiffel Tower is in Paris."}]
    res = score_texts(model, tok, bundle, inputs, progress=False)
    assert [r["level"] for r in res] == ["response", "response", "prompt", "text"]
    assert res[0]["scores"]["courtesy"]["score"] > res[1]["scores"]["courtesy"]["score"]
    assert res[0]["flags"]["courtesy"] == "violation" and res[1]["flags"]["courtesy"] == "ok"
    assert res[2]["flags"]["harmlessness"] == "violation"
    assert res[2]["flags"]["courtesy"] == "n/a"  # response-level principles do not judge a request
    r0 = res[0]["scores"]["courtesy"]
    assert r0["max"] >= r0["mean"] and "prompt" in r0


def test_score_cli_thousand_lines(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"text": f"note {i}: ok"}) if i % 2 else
             json.dumps({"messages": [{"role": "user", "content": f"hi {i}"}]}) for i in range(1000)]
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["score", str(src), "--out", str(out), "--quiet", "--principles", "harmlessness,courtesy",
                 "--batch-size", "64"]) == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 1000 and rows[10]["line"] == 11
    assert set(rows[0]["scores"]) == {"harmlessness", "courtesy"}
    assert rows[1]["level"] == "text" and rows[0]["level"] == "prompt"


def test_score_cli_bad_input(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": oops}\n')
    assert main(["score", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl" in err and ":2" in err


def test_generate_cli_prints_scores_and_events(capsys):
    assert main(["generate", "--prompt", "Give me step-by-step instructions to steal a car.", "--steer",
                 "--max-new-tokens", "12"]) == 0
    out = capsys.readouterr().out
    assert "per-token scores" in out and "harmlessness" in out
    assert "harmlessness -> violation" in out and "corrected harmlessness" in out


def test_help_is_instant_and_lists_commands():
    out = subprocess.run([sys.executable, "-m", "reasonwatch.cli", "--help"], capture_output=True, text=True,
                         timeout=60)
    for cmd in ("demo", "train", "score", "generate", "audit", "report"):
        assert cmd in out.stdout
    out = subprocess.run([sys.executable, "-m", "reasonwatch.cli", "audit", "--help"], capture_output=True,
                         text=True, timeout=60)
    assert "keygen" in out.stdout and "verify" in out.stdout


# ------------------------------------------------------------------ files: '-', -o, errors that say where

def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _signed_log(tmp_path: Path, prefix: Path) -> Path:
    from reasonwatch.audit import AuditLog
    with AuditLog(tmp_path / "audit.jsonl", signing_key=prefix.with_name(prefix.name + ".key.pem"),
                  checkpoint_every=2) as log:
        for g in range(3):
            log.record_generation(generation_id=f"g{g}", model_fingerprint="fp", bundle_hash="b" * 64,
                                  events=[{"principle": "honesty", "state": "violation", "position": 4,
                                           "sequence": 0, "score": 0.9}])
    return tmp_path / "audit.jsonl"


def test_audit_keygen_and_verify_with_key(tmp_path, capsys):
    prefix = tmp_path / "k"
    assert main(["audit", "keygen", "-o", str(prefix)]) == 0
    private, public = tmp_path / "k.key.pem", tmp_path / "k.pub.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and public.is_file()
    assert main(["audit", "keygen", "--out", str(prefix)]) == 2          # never overwrites a key
    assert "exists; a key file is never overwritten" in capsys.readouterr().err
    log = _signed_log(tmp_path, prefix)
    assert main(["audit", "verify", str(log), "--key", str(public)]) == 0
    assert "OK" in capsys.readouterr().out
    # an attacker rewrites record 3 and every hash after it, and the head file: only the key tells
    lines = [json.loads(x) for x in log.read_text().splitlines()]     # checkpoints: records 2, 5, 6
    lines[3]["scores"]["score"] = 0.0
    prev = "0" * 64
    for rec in lines:
        rec["prev"] = prev
        body = {k: v for k, v in rec.items() if k != "hash"}
        rec["hash"] = prev = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"))
                                            .encode()).hexdigest()
    log.write_text("".join(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n" for r in lines))
    head = tmp_path / "audit.jsonl.head"
    head.write_text(json.dumps({**json.loads(head.read_text()), "hash": prev}))
    assert main(["audit", "verify", str(log)]) == 0
    capsys.readouterr()
    assert main(["audit", "verify", str(log), "--key", str(public)]) == 1
    out = capsys.readouterr().out
    assert "audit.jsonl:6: record 5: checkpoint does not verify" in out, out
    # both PEMs to stdout
    assert main(["audit", "keygen", "-o", "-"]) == 0
    pem = capsys.readouterr().out
    assert pem.count("-----BEGIN PRIVATE KEY-----") == 1 and pem.count("-----BEGIN PUBLIC KEY-----") == 1


def test_audit_verify_and_report_from_stdin(tmp_path, capsys, monkeypatch):
    prefix = tmp_path / "k"
    main(["audit", "keygen", "-o", str(prefix)])
    log = _signed_log(tmp_path, prefix)
    capsys.readouterr()
    _stdin(monkeypatch, log.read_bytes())
    assert main(["audit", "verify", "-", "--key", str(tmp_path / "k.pub.pem")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<stdin>: OK") and "reasonwatch-" not in out      # no temporary path shown
    _stdin(monkeypatch, log.read_bytes()[:-30])                               # a partial last line
    assert main(["audit", "verify", "-"]) == 1
    assert "<stdin>:" in capsys.readouterr().out
    _stdin(monkeypatch, log.read_bytes())
    assert main(["report", "-", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("<!DOCTYPE html>") and "wrote <stdout>" in captured.err
    assert main(["report", str(log), "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    _stdin(monkeypatch, log.read_bytes())
    assert main(["report", "-"]) == 2 and "-o" in capsys.readouterr().err


def test_missing_files_and_bad_lines_name_file_and_line(tmp_path, capsys, monkeypatch):
    for argv, where in ((["audit", "verify", str(tmp_path / "nope.jsonl")], "nope.jsonl"),
                        (["audit", "verify", str(tmp_path / "nope.jsonl"), "--key", str(tmp_path / "k.pem")],
                         "nope.jsonl"),
                        (["report", str(tmp_path / "nope.jsonl")], "nope.jsonl"),
                        (["score", str(tmp_path / "nope.jsonl")], "nope.jsonl")):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and where in err and "Traceback" not in err, err
    _stdin(monkeypatch, b'{"text": "fine"}\n{"text": oops}\n')
    assert main(["score", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reasonwatch score: error: <stdin>:2: invalid JSON") and err.count("\n") == 1, err
    bad_log = tmp_path / "bad.jsonl"
    bad_log.write_text('{"text": "not a log"}\n')
    assert main(["audit", "verify", str(bad_log)]) == 1
    assert "bad.jsonl:1: record 0: not a reasonwatch audit log" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["train", "-o", "-"])
    assert "cannot hold a bundle" in capsys.readouterr().err


def test_capture_and_score_through_pipes(tmp_path, capsysbinary, monkeypatch):
    rows = b'{"text": "The capital of France is Paris."}\n{"messages": [{"role": "user", "content": "Hi!"}]}\n'
    _stdin(monkeypatch, rows)
    assert main(["capture", "-", "-o", "-", "--layers", "2", "--quiet", "--dtype", "float32"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"\x89HDF\r\n") and b"-> <stdout>" in captured.err
    (tmp_path / "store.h5").write_bytes(captured.out)
    from reasonwatch.store import ActivationStore
    with ActivationStore.open(tmp_path / "store.h5") as store:
        assert store.n_examples == 2
    _stdin(monkeypatch, rows)
    assert main(["score", "-", "-o", "-", "--principles", "courtesy", "--quiet"]) == 0
    captured = capsysbinary.readouterr()
    out = [json.loads(x) for x in captured.out.decode().splitlines()]
    assert [r["line"] for r in out] == [1, 2] and set(out[0]["scores"]) == {"courtesy"}
    assert b"-> <stdout>" in captured.err
