"""Report: a self-contained HTML page that shows what the log holds, checked in a headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reasonwatch.audit import AuditLog
from reasonwatch.drift import Alarm
from reasonwatch.report import ReportError, main_report, render_report

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)


def _log(path: Path) -> Path:
    """A log of synthetic records: 3 generations, 2 principles, a drift alarm, a bundle change."""
    with AuditLog(path, creator="report-test") as log:
        for g, (principle, n_warn, n_viol) in enumerate([("honesty", 2, 1), ("harmlessness", 1, 2),
                                                         ("honesty", 0, 1)]):
            events = [{"principle": principle, "state": "warning", "position": 2 + i, "sequence": 0,
                       "score": 0.6} for i in range(n_warn)]
            events += [{"principle": principle, "state": "violation", "position": 10 + i, "sequence": i,
                        "score": 0.95} for i in range(n_viol)]
            corrections = [{"principle": principle, "sequence": i, "start": 10 + i, "end": 20, "tokens": 10 - i,
                            "action": "add", "alpha": 4.0} for i in range(n_viol)]
            log.record_generation(generation_id=f"gen-{g}", model_fingerprint={"arch": "tiny"},
                                  bundle_hash="a" * 64, events=events, corrections=corrections,
                                  output_text="<script>alert(1)</script>")
        log.record_drift_alarms([Alarm("honesty", "cusum_rate", 11.2, 10.5, 812, 812.0, 500, 200, 0.05, 0.19)],
                                bundle_hash="a" * 64)
        log.record_bundle_change(old_hash="a" * 64, new_hash="c" * 64, reason="retrained <probes>")
    return path


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.attrs, self._cell = {}, {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.attrs[a["id"]] = a
        if tag == "td" and "data-kind" in a:
            self._cell = (a["data-principle"], a["data-kind"])
        if tag == "body":
            self.attrs["body"] = a

    def handle_data(self, data):
        if self._cell:
            self.cells[self._cell] = int(data)
            self._cell = None


EXPECTED = {("honesty", "warning"): 2, ("honesty", "violation"): 2, ("honesty", "correction"): 2,
            ("honesty", "drift_alarm"): 1, ("harmlessness", "warning"): 1,
            ("harmlessness", "violation"): 2, ("harmlessness", "correction"): 2,
            ("harmlessness", "drift_alarm"): 0}


def test_report_is_self_contained_and_counts(tmp_path):
    log = _log(tmp_path / "audit.jsonl")
    before = log.read_bytes()
    out = render_report(log, tmp_path / "report.html")
    page = out.read_text()
    assert log.read_bytes() == before
    p = _Collect()
    p.feed(page)
    assert p.cells == EXPECTED
    assert p.attrs["verification"]["data-status"] == "OK"
    assert page.count("data:image/png;base64,") == 2
    assert not re.search(r"""(src|href)=['"]?(https?:|//)""", page)      # nothing from outside
    assert "<script>alert" not in page and "retrained &lt;probes&gt;" in page
    assert "cusum_rate" in page


def test_report_period_and_bad_input(tmp_path):
    log = _log(tmp_path / "audit.jsonl")
    future = datetime.now(timezone.utc) + timedelta(days=1)
    out = render_report(log, tmp_path / "later.html", since=future)
    page = out.read_text()
    assert "No events in this period." in page and "No drift alarms in this period." in page
    with pytest.raises(ReportError, match="not before"):
        render_report(log, tmp_path / "x.html", since=future, until=future - timedelta(hours=1))
    with pytest.raises(ReportError, match="ISO 8601"):
        render_report(log, tmp_path / "x.html", since="yesterday")
    with pytest.raises(ReportError, match="audit log itself"):
        render_report(log, log)
    assert main_report(tmp_path / "missing.jsonl") == 2


def test_report_shows_a_broken_chain(tmp_path):
    log = _log(tmp_path / "audit.jsonl")
    lines = log.read_bytes().splitlines(keepends=True)
    del lines[3]
    log.write_bytes(b"".join(lines))
    page = render_report(log, tmp_path / "r.html").read_text()
    p = _Collect()
    p.feed(page)
    assert p.attrs["verification"]["data-status"] == "FAILED"
    assert "record 3" in page and "missing" in page


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs it: apt-get install -y chromium)")
def test_report_in_a_headless_browser(tmp_path):
    log = _log(tmp_path / "audit.jsonl")
    out = render_report(log, tmp_path / "report.html")
    profile = tmp_path / "profile"
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
         "--virtual-time-budget=5000", "--dump-dom", out.resolve().as_uri()],
        capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert proc.returncode == 0 and "<body" in dom, proc.stderr[-2000:]
    p = _Collect()
    p.feed(dom)
    assert p.cells == EXPECTED                                     # the counts the log holds
    assert p.attrs["verification"]["data-status"] == "OK"
    assert p.attrs["body"].get("data-figures") == "2/2"            # both figures decoded in the browser
    assert "honesty" in dom and "harmlessness" in dom and "cusum_rate" in dom
