"""HTML report of an audit log: one self-contained page for a period.

``render_report(LOG, OUT)`` (and ``reasonwatch report LOG``) reads every segment of the log, verifies
its chain, keeps the records whose time falls in ``[since, until)``, and writes one HTML file with no
outside resources: a verification section (status, files, every problem), a table of warnings,
violations, corrections and drift alarms per principle, figures of events and corrections per
principle over time and of drift alarms (matplotlib, embedded as base64 PNG), and tables of the drift
alarms and bundle changes. Everything taken from the log is HTML-escaped. matplotlib is imported
here, inside the functions, and never through pyplot (no global backend or figure state).

The page carries machine-readable attributes (``data-status``, ``data-principle``, ``data-kind``)
so that a test, or a script, can read what it shows.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .audit import read_records, verify_log

_COUNTED = ("warning", "violation", "correction", "drift_alarm")


class ReportError(ValueError):
    """A bad period or an unreadable log."""


def _when(value: datetime | str | None, what: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ReportError(f"{what}={value!r}: expected an ISO 8601 date or time") from None
    if not isinstance(value, datetime):
        raise ReportError(f"{what}={value!r}: expected a datetime or an ISO 8601 string")
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _record_time(rec: Mapping[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(rec.get("time")))
    except ValueError:
        return None


def _png(fig) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _span(times: Sequence[datetime]) -> tuple[datetime, datetime]:
    """The x range of the figures: the records' span, padded (a minute either side if it is one instant)."""
    lo, hi = min(times), max(times)
    pad = (hi - lo) * 0.03 if hi > lo else timedelta(minutes=1)
    return lo - pad, hi + pad


def _events_figure(events: Sequence[Mapping[str, Any]], principles: Sequence[str],
                   span: tuple[datetime, datetime]) -> str | None:
    """Cumulative warnings+violations and corrections per principle over time."""
    if not events:
        return None
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator
    fig = Figure(figsize=(9, 5.2))
    axes = fig.subplots(2, 1, sharex=True)
    for ax, kinds, title in ((axes[0], ("warning", "violation"), "warnings and violations (cumulative)"),
                             (axes[1], ("correction",), "corrections (cumulative)")):
        for p in principles:
            times = sorted(t for r in events if r.get("principle") == p and r.get("kind") in kinds
                           and (t := _record_time(r)) is not None)
            if times:
                ax.step([span[0], *times, span[1]], [0, *range(1, len(times) + 1), len(times)],
                        where="post", label=p)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel("count")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=8, loc="upper left")
    axes[1].set_xlim(*span)
    axes[1].set_xlabel("time (UTC)")
    fig.autofmt_xdate()
    return _png(fig)


def _alarms_figure(alarms: Sequence[Mapping[str, Any]], principles: Sequence[str],
                   span: tuple[datetime, datetime]) -> str | None:
    if not alarms:
        return None
    from matplotlib.figure import Figure
    fig = Figure(figsize=(9, 0.9 + 0.45 * max(len(principles), 2)))
    ax = fig.subplots()
    markers = {"cusum_rate": "o", "cusum_mean": "s", "ks": "^", "psi": "D"}
    ys = {p: i for i, p in enumerate(principles)}
    by_det = defaultdict(list)
    for a in alarms:
        det = str(a.get("params", {}).get("detector", "?"))
        t = _record_time(a)
        if t is not None and a.get("principle") in ys:
            by_det[det].append((t, ys[a["principle"]]))
    for det, pts in sorted(by_det.items()):
        ax.scatter([t for t, _ in pts], [y for _, y in pts], marker=markers.get(det, "x"), label=det, s=40)
    ax.set_yticks(range(len(principles)), list(principles))
    ax.set_ylim(-0.6, len(principles) - 0.4)
    ax.set_xlim(*span)
    ax.set_title("drift alarms", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return _png(fig)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1000px;color:#222}
h1{font-size:1.5em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0} th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
th:first-child,td:first-child{text-align:left} .ok{color:#0a7d27;font-weight:bold}
.failed{color:#b00020;font-weight:bold} code{font-size:.9em} .muted{color:#777} img{max-width:100%}
"""

# marks the page once every embedded figure has decoded (read by tests through the DOM)
_SCRIPT = """
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.body.setAttribute('data-figures', ok + '/' + imgs.length);
});
"""


def render_report(log_path: str | os.PathLike, out_path: str | os.PathLike | None = None, *,
                  since: datetime | str | None = None, until: datetime | str | None = None,
                  title: str | None = None) -> Path:
    """Write the HTML report of the log at ``log_path`` for ``[since, until)``; returns its path.

    ``out_path`` defaults to ``LOG.report.html`` beside the log. The log is only read.
    """
    log_path = Path(log_path)
    lo, hi = _when(since, "since"), _when(until, "until")
    if lo and hi and lo >= hi:
        raise ReportError(f"since={lo.isoformat()} is not before until={hi.isoformat()}")
    out = Path(out_path) if out_path is not None else log_path.with_name(log_path.name + ".report.html")
    if out.resolve() == log_path.resolve() or out.resolve().parent == log_path.resolve().parent and \
            out.name.startswith(log_path.name + ".") and out.name[len(log_path.name) + 1:].isdigit():
        raise ReportError(f"{out} is the audit log itself (or one of its segments); choose another output")
    verification = verify_log(log_path)
    records = read_records(log_path)
    header = records[0]

    def in_period(r: Mapping[str, Any]) -> bool:
        t = _record_time(r)
        return t is not None and (lo is None or t >= lo) and (hi is None or t < hi)

    events = [r for r in records if r.get("kind") != "header" and in_period(r)]
    principles = sorted({str(r["principle"]) for r in events if r.get("principle") is not None})
    counts: dict[str, Counter] = {p: Counter() for p in principles}
    for r in events:
        if r.get("principle") is not None and r.get("kind") in _COUNTED:
            counts[str(r["principle"])][r["kind"]] += 1
    generations = {r.get("generation_id") for r in events if r.get("generation_id")}
    alarms = [r for r in events if r.get("kind") == "drift_alarm"]
    changes = [r for r in events if r.get("kind") == "bundle_change"]
    bundles = sorted({str(r.get("bundle_hash")) for r in events if r.get("bundle_hash")})
    times = [t for r in events if (t := _record_time(r)) is not None]

    esc = html.escape
    parts: list[str] = []
    status = "OK" if verification.ok else "FAILED"
    parts.append(f"<h1>{esc(title or 'reasonwatch audit report')}</h1>")
    parts.append(
        f"<p>Log <code>{esc(str(log_path))}</code>, created by <code>{esc(str(header.get('creator')))}"
        f"</code> at {esc(str(header.get('time')))}.<br>Period: "
        f"<span id='period-start'>{esc(lo.isoformat() if lo else 'start of log')}</span> to "
        f"<span id='period-end'>{esc(hi.isoformat() if hi else 'end of log')}</span>; "
        f"records in it span {esc(min(times).isoformat()) if times else '—'} to "
        f"{esc(max(times).isoformat()) if times else '—'}.</p>")
    parts.append("<h2>Chain verification</h2>")
    parts.append(f"<p id='verification' data-status='{status}' data-records='{verification.n_records}' "
                 f"class='{status.lower()}'>Chain {status}: {verification.n_records} intact records in "
                 f"{len(verification.files)} file(s).</p>")
    if verification.problems:
        parts.append("<ul id='problems'>" + "".join(
            f"<li data-record='{p.record if p.record is not None else ''}'>{esc(str(p))}</li>"
            for p in verification.problems) + "</ul>")
    for w in verification.warnings:
        parts.append(f"<p class='muted'>{esc(w)}</p>")
    if verification.ok and verification.last_hash:
        parts.append(f"<p class='muted'>Last hash <code>{esc(verification.last_hash)}</code> — keep a copy "
                     f"elsewhere to anchor this log.</p>")

    parts.append("<h2>Events per principle</h2>")
    parts.append(f"<p><span id='n-events'>{len(events)}</span> records in the period from "
                 f"<span id='n-generations'>{len(generations)}</span> generations; bundle(s) "
                 + ", ".join(f"<code>{esc(b[:16])}</code>" for b in bundles) + "</p>")
    if principles:
        rows = ["<tr><th>principle</th><th>warnings</th><th>violations</th><th>corrections</th>"
                "<th>drift alarms</th></tr>"]
        for p in principles:
            cells = "".join(f"<td data-principle='{esc(p)}' data-kind='{k}'>{counts[p][k]}</td>"
                            for k in _COUNTED)
            rows.append(f"<tr><td>{esc(p)}</td>{cells}</tr>")
        parts.append("<table id='counts'>" + "".join(rows) + "</table>")
    else:
        parts.append("<p id='no-events'>No events in this period.</p>")
    span = _span(times) if times else None
    fig = _events_figure(events, principles, span)
    if fig:
        parts.append(f"<img id='fig-events' alt='events and corrections per principle over time' "
                     f"src='data:image/png;base64,{fig}'>")

    parts.append("<h2>Drift alarms</h2>")
    if alarms:
        fig = _alarms_figure(alarms, principles, span)
        if fig:
            parts.append(f"<img id='fig-alarms' alt='drift alarms over time' src='data:image/png;base64,{fig}'>")
        rows = ["<tr><th>time</th><th>principle</th><th>detector</th><th>statistic</th><th>threshold</th>"
                "<th>reference</th><th>window</th></tr>"]
        for a in alarms:
            sc, pa = a.get("scores", {}) or {}, a.get("params", {}) or {}
            rows.append("<tr class='alarm'>" + "".join(f"<td>{esc(_fmt(v))}</td>" for v in (
                a.get("time"), a.get("principle"), pa.get("detector"), sc.get("statistic"),
                sc.get("threshold"), pa.get("reference_value"), pa.get("window_value"))) + "</tr>")
        parts.append("<table id='alarms'>" + "".join(rows) + "</table>")
    else:
        parts.append("<p id='no-alarms'>No drift alarms in this period.</p>")

    if changes:
        parts.append("<h2>Bundle changes</h2><table id='bundle-changes'><tr><th>time</th><th>old</th>"
                     "<th>new</th><th>reason</th></tr>" + "".join(
                         "<tr>" + "".join(f"<td title='{esc(_fmt(v))}'>{esc(_fmt(v)[:m])}</td>" for v, m in (
                             (c.get("time"), 40), ((c.get("params") or {}).get("old_hash"), 16),
                             ((c.get("params") or {}).get("new_hash"), 16),
                             ((c.get("params") or {}).get("reason"), 200)))
                         + "</tr>" for c in changes) + "</table>")

    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{esc(title or 'reasonwatch audit report')}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(parts)}<script>{_SCRIPT}</script></body></html>")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def main_report(log_path: str | os.PathLike, out_path: str | os.PathLike | None = None, *,
                since: str | None = None, until: str | None = None) -> int:
    """``reasonwatch report LOG``: write the page, print where; exit code 0, or 2 on bad input."""
    from .audit import AuditError
    try:
        out = render_report(log_path, out_path, since=since, until=until)
    except (ReportError, AuditError, OSError) as exc:
        print(f"error: {exc}")
        return 2
    print(f"wrote {out}")
    return 0
