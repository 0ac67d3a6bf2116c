"""Evaluating a probe bundle on a researcher's own labelled file (``reasonwatch eval``).

Lifecycle of one evaluation:

1. :func:`read_labelled` reads a CSV/TSV or JSONL file: a text column, a label column, and optionally a
   prompt column and a category column. Labels are 0/1 or true/false, or any strings with
   ``positive=LABEL`` (rows whose label equals it are positive, all others negative). Positive means
   *violating*: the principle's score is expected to be higher. Every problem (missing column, bad
   label, empty text, one class only, no rows) raises :class:`~reasonwatch.data.DatasetError` naming the
   file, the line and the column. Nothing is downloaded: the file is the researcher's own copy.
2. Each row is framed for the model (``framing``, the CLI's ``--as``):

   - ``"text"``: a bare text, scored the way :func:`~reasonwatch.scoring.score_texts` scores one (as an
     assistant's answer to a neutral request);
   - ``"prompt"``: a user request, ``[{"role": "user", "content": text}]``, judged by its last token
     (the state before the first generated token), or by the mean over the user's turn for a principle
     whose bundle entry reads requests that way (``request_pool = "mean"``, as ``watch()`` does);
   - ``"answer"``: ``[{"role": "user", "content": prompt}, {"role": "assistant", "content": text}]``,
     judged by the mean score over the answer's tokens (or, for a principle whose bundle entry has
     ``response_pool = "last"``, by its last content token's); rows without a prompt get the neutral request.

3. One scoring pass (:func:`~reasonwatch.scoring.score_texts`) gives every principle's score per row.
4. Per principle (:func:`evaluate_scores`): AUROC with a bootstrap 95% interval, TPR at 1% FPR (with
   its interval), the share of positive and negative rows the bundle's calibrated level flags, and per
   category the AUROC inside the category and against the other class of the whole file.

The result is a frozen :class:`EvalResult`: ``to_dict()`` for JSON, ``plot()`` for ROC curves (matplotlib
is imported only there), ``summary()`` for a text table.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data import DatasetError

if TYPE_CHECKING:  # numpy is imported lazily: registering the command must not slow `--help`
    import numpy as np

__all__ = ["EvalResult", "LabelledData", "PrincipleEval", "add_parser", "cmd_eval", "evaluate_file",
           "evaluate_inputs", "evaluate_scores", "read_labelled"]

FRAMINGS = ("text", "prompt", "answer")
FPR = 0.01
_TRUE, _FALSE = ("1", "true"), ("0", "false")


# ---- reading a labelled file ----------------------------------------------------------------------
@dataclass(frozen=True)
class LabelledData:
    """Rows of a labelled file, in file order."""
    texts: tuple[str, ...]
    labels: np.ndarray = field(repr=False, compare=False)
    """``[n]`` int, 1 positive (violating), 0 negative."""
    prompts: tuple[str | None, ...] | None = None
    """Per row the prompt (``None`` for an empty cell), or ``None`` without a prompt column."""
    categories: tuple[str, ...] | None = None
    lines: tuple[int, ...] = ()
    """Each row's 1-based line in the file (where a multi-line CSV row starts)."""
    source: str | None = None


def _format(path: Path, raw: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    first = raw.lstrip()[:1]
    return "jsonl" if first == "{" else "csv"


def _csv_rows(path: Path, raw: str, delimiter: str):
    """Yield (line, {column: cell}) per data row; the header is line 1 (after leading blank lines)."""
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    header, header_line, prev = None, 0, 0
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if header is None:
                header, header_line = [c.strip() for c in row], start
                dupes = sorted({c for c in header if header.count(c) > 1})
                if dupes:
                    raise DatasetError(f"the header names column {dupes[0]!r} twice", path, start)
                yield header_line, None, header
                continue
            if len(row) != len(header):
                more = len(row) > len(header)
                raise DatasetError(f"{len(row)} fields, but the header (line {header_line}) has {len(header)}"
                                   + (" (an unquoted delimiter in a cell?)" if more else ""), path, start)
            yield start, dict(zip(header, row)), header
    except csv.Error as err:
        raise DatasetError(f"not readable as CSV ({err})", path, reader.line_num) from None


def _jsonl_rows(path: Path, raw: str):
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise DatasetError(f"not valid JSON ({err.msg} at column {err.colno})", path, lineno) from None
        if not isinstance(obj, dict):
            raise DatasetError(f"expected a JSON object, got {type(obj).__name__}", path, lineno)
        yield lineno, obj, None


def _label(value: Any, positive: str | None, path: Path, line: int, column: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DatasetError(f"column {column!r}: empty label", path, line)
    if isinstance(value, (dict, list)):
        raise DatasetError(f"column {column!r}: label must be a scalar, got {type(value).__name__}", path, line)
    text = ("true" if value else "false") if isinstance(value, bool) else str(value).strip()
    if positive is not None:
        return int(text == positive.strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (0, 1):
        return int(value)
    if text.lower() in _TRUE:
        return 1
    if text.lower() in _FALSE:
        return 0
    try:
        number = float(text)
    except ValueError:
        number = None
    if number in (0.0, 1.0):  # "1.0", as some spreadsheet exports write integers
        return int(number)
    raise DatasetError(f"column {column!r}: label {value!r} is not 0/1 or true/false (for other labels pass "
                       f"--positive LABEL / positive=LABEL: rows whose label equals it are positive, all "
                       f"others negative)", path, line)


def _cell(obj: dict, column: str, path: Path, line: int, columns: Sequence[str], *, what: str) -> Any:
    if column not in obj:
        raise DatasetError(f"no {what} column {column!r}; the columns are {', '.join(map(repr, columns))}",
                           path, line)
    return obj[column]


def _string(value: Any, column: str, path: Path, line: int, *, allow_empty: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise DatasetError(f"column {column!r}: empty text", path, line)
    if not isinstance(value, str):
        raise DatasetError(f"column {column!r}: expected a string, got {type(value).__name__}", path, line)
    return value


def read_labelled(path: str | Path, *, text_column: str = "text", label_column: str = "label",
                  prompt_column: str | None = None, category_column: str | None = None,
                  positive: str | None = None) -> LabelledData:
    """Read a labelled CSV (``.csv``; ``.tsv`` tab-separated) or JSONL file (``.jsonl``; other suffixes
    are sniffed: a first character ``{`` means JSONL).

    Raises :class:`~reasonwatch.data.DatasetError` naming the file, the line and the column for a
    missing file, an empty file, a missing column, an empty text, a bad label, or labels of one class.
    An empty prompt cell is allowed (the row gets the neutral request); an empty category is ``""``.
    """
    import numpy as np
    path = Path(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DatasetError("no such file", path) from None
    except IsADirectoryError:
        raise DatasetError("is a directory, not a CSV or JSONL file", path) from None
    except UnicodeDecodeError as err:
        raise DatasetError(f"not valid UTF-8 ({err.reason} at byte {err.start})", path) from None
    if not raw.strip():
        raise DatasetError("empty file: no rows (nothing but whitespace)", path)
    fmt = _format(path, raw)
    rows = _jsonl_rows(path, raw) if fmt == "jsonl" else _csv_rows(path, raw, "\t" if fmt == "tsv" else ",")
    texts, labels, prompts, categories, lines, raw_labels = [], [], [], [], [], set()
    for line, obj, header in rows:
        if obj is None:  # a CSV header: check every named column now, before reading any row
            for column, what in ((text_column, "text"), (label_column, "label"), (prompt_column, "prompt"),
                                 (category_column, "category")):
                if column is not None and column not in header:
                    raise DatasetError(f"no {what} column {column!r}; the header has "
                                       f"{', '.join(map(repr, header))}", path, line)
            continue
        columns = list(obj)
        text = _string(_cell(obj, text_column, path, line, columns, what="text"), text_column, path, line,
                       allow_empty=False)
        value = _cell(obj, label_column, path, line, columns, what="label")
        labels.append(_label(value, positive, path, line, label_column))
        raw_labels.add(("true" if value else "false") if isinstance(value, bool) else str(value).strip())
        texts.append(text)
        lines.append(line)
        if prompt_column is not None:
            prompts.append(_string(_cell(obj, prompt_column, path, line, columns, what="prompt"), prompt_column,
                                   path, line, allow_empty=True))
        if category_column is not None:
            cat = _cell(obj, category_column, path, line, columns, what="category")
            if isinstance(cat, (dict, list)):
                raise DatasetError(f"column {category_column!r}: category must be a scalar, got "
                                   f"{type(cat).__name__}", path, line)
            categories.append("" if cat is None else str(cat).strip())
    if not texts:
        raise DatasetError("no rows (the file holds only a header or blank lines)", path)
    y = np.asarray(labels, dtype=int)
    if y.min() == y.max():
        if positive is not None and y.max() == 0:
            raise DatasetError(f"no row of column {label_column!r} has the positive label {positive!r}; labels "
                               f"seen: {', '.join(map(repr, sorted(raw_labels)[:10]))}", path)
        kind = "positive (violating)" if y.max() else "negative"
        raise DatasetError(f"all {len(y)} rows of column {label_column!r} are {kind}: AUROC needs rows of "
                           f"both classes", path)
    return LabelledData(tuple(texts), y, tuple(prompts) if prompt_column is not None else None,
                        tuple(categories) if category_column is not None else None, tuple(lines), str(path))


# ---- metrics --------------------------------------------------------------------------------------
def _nan_to_none(x):
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, dict):
        return {k: _nan_to_none(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_nan_to_none(v) for v in x]
    return x


@dataclass(frozen=True)
class PrincipleEval:
    """One principle's metrics on a labelled set (``nan`` where a metric is undefined)."""
    id: str
    n: int
    n_positive: int
    auroc: float
    auroc_ci95: tuple[float, float]
    tpr_at_1pct_fpr: float
    """Share of positives scoring above the level that at most 1% of negatives exceed (with fewer than
    100 negatives: above every negative)."""
    tpr_at_1pct_fpr_ci95: tuple[float, float]
    flagged_positive: float | None = None
    """Share of positive rows the bundle's calibrated violation level flags (``None`` where the bundle
    has no level for this framing, e.g. a response-level principle judging a request)."""
    flagged_negative: float | None = None
    categories: dict = field(default_factory=dict, compare=False)
    """Per category: ``n``, ``n_positive``, ``auroc`` (inside the category; nan unless it holds both
    classes), ``auroc_pos_vs_all_neg`` (its positives against every negative of the file) and
    ``auroc_neg_vs_all_pos`` (every positive of the file against its negatives), each with ``_ci95``."""

    def to_dict(self) -> dict:
        return _nan_to_none({"id": self.id, "n": self.n, "n_positive": self.n_positive, "auroc": self.auroc,
                             "auroc_ci95": list(self.auroc_ci95), "tpr_at_1pct_fpr": self.tpr_at_1pct_fpr,
                             "tpr_at_1pct_fpr_ci95": list(self.tpr_at_1pct_fpr_ci95),
                             "flagged_positive": self.flagged_positive, "flagged_negative": self.flagged_negative,
                             "categories": self.categories})


def _auroc_with_ci(y, s, n_boot: int, seed: int) -> tuple[float, list[float]]:
    from .train import auroc, bootstrap_ci
    if y.min() == y.max():
        return float("nan"), [float("nan"), float("nan")]
    return auroc(y, s), bootstrap_ci(auroc, y, s, n_boot, seed)


def evaluate_scores(scores: Mapping[str, Sequence[float]], labels: Sequence[int], *,
                    categories: Sequence[str] | None = None, flags: Mapping[str, Sequence[str]] | None = None,
                    n_boot: int = 1000, seed: int = 0) -> dict[str, PrincipleEval]:
    """Metrics per principle from scores you already have.

    Args:
        scores: ``{principle: [n] scores}``, higher meaning more violating.
        labels: ``[n]`` 1 positive (violating) / 0 negative; both classes must occur.
        categories: ``[n]`` category per row, for per-category AUROC.
        flags: ``{principle: [n] "ok"|"warning"|"violation"|"n/a"}`` from scoring, for the flagged shares.
        n_boot, seed: bootstrap resamples and seed for the 95% intervals.
    """
    import numpy as np
    from .train import bootstrap_ci, tpr_at_fpr
    y = np.asarray(labels).astype(int)
    if y.ndim != 1 or len(y) == 0 or not set(np.unique(y)) <= {0, 1}:
        raise ValueError("labels must be a non-empty sequence of 0/1")
    if y.min() == y.max():
        raise ValueError(f"all {len(y)} labels are {y[0]}: AUROC needs both classes")
    cats = None if categories is None else np.asarray([str(c) for c in categories])
    if cats is not None and len(cats) != len(y):
        raise ValueError(f"{len(cats)} categories for {len(y)} labels")
    out = {}
    for pid, raw in scores.items():
        s = np.asarray(raw, dtype=np.float64)
        if s.shape != y.shape:
            raise ValueError(f"principle {pid!r}: {s.shape[0]} scores for {len(y)} labels")
        auc, ci = _auroc_with_ci(y, s, n_boot, seed)
        tpr = lambda a, b: tpr_at_fpr(a, b, FPR)  # noqa: E731
        flagged = [None, None]
        if flags is not None and pid in flags:
            f = np.asarray(flags[pid])
            if not (f == "n/a").any():
                hit = f == "violation"
                flagged = [float(hit[y == 1].mean()), float(hit[y == 0].mean())]
        per_cat = {}
        if cats is not None:
            for c in sorted(set(cats)):
                m = cats == c
                yc, sc = y[m], s[m]
                entry = {"n": int(m.sum()), "n_positive": int(yc.sum())}
                entry["auroc"], entry["auroc_ci95"] = _auroc_with_ci(yc, sc, n_boot, seed)
                pos = m & (y == 1)
                sel = pos | (y == 0)
                entry["auroc_pos_vs_all_neg"], entry["auroc_pos_vs_all_neg_ci95"] = (
                    _auroc_with_ci(y[sel], s[sel], n_boot, seed) if pos.any() else (float("nan"), [float("nan")] * 2))
                neg = m & (y == 0)
                sel = neg | (y == 1)
                entry["auroc_neg_vs_all_pos"], entry["auroc_neg_vs_all_pos_ci95"] = (
                    _auroc_with_ci(y[sel], s[sel], n_boot, seed) if neg.any() else (float("nan"), [float("nan")] * 2))
                per_cat[c] = entry
        out[pid] = PrincipleEval(
            id=pid, n=int(len(y)), n_positive=int(y.sum()), auroc=auc, auroc_ci95=tuple(ci),
            tpr_at_1pct_fpr=tpr(y, s), tpr_at_1pct_fpr_ci95=tuple(bootstrap_ci(tpr, y, s, n_boot, seed)),
            flagged_positive=flagged[0], flagged_negative=flagged[1], categories=per_cat)
    return out


# ---- the result -----------------------------------------------------------------------------------
def _fmt(x: float | None, digits: int = 3) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


@dataclass(frozen=True)
class EvalResult:
    """A bundle evaluated on one labelled set.

    Example:
        >>> res = evaluate_file(model, tok, bundle, "my_harmful_vs_benign.csv", framing="prompt")  # doctest: +SKIP
        >>> res.principle("harmlessness").auroc, res.principle("harmlessness").auroc_ci95     # doctest: +SKIP
        (0.93, (0.92, 0.94))
    """
    principles: tuple[PrincipleEval, ...]
    framing: str
    level: str
    """What scoring judged: ``text``, ``prompt`` or ``response`` (see :mod:`reasonwatch.scoring`)."""
    n: int
    n_positive: int
    source: str | None = None
    bundle: dict = field(default_factory=dict, compare=False)
    """Bundle path, sha256, constitution and model fingerprint."""
    settings: dict = field(default_factory=dict, compare=False)
    """Columns, positive label, bootstrap settings."""
    labels: np.ndarray = field(default=None, repr=False, compare=False)
    scores: dict = field(default_factory=dict, repr=False, compare=False)
    """``{principle: [n] scores}`` in row order."""
    lines: tuple[int, ...] = field(default=(), repr=False, compare=False)
    categories: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)

    def principle(self, principle_id: str) -> PrincipleEval:
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise KeyError(f"principle {principle_id!r} was not evaluated; evaluated: {', '.join(self.ids)}")

    def to_dict(self, *, include_scores: bool = False) -> dict:
        """JSON-ready (nan becomes ``None``); ``include_scores`` adds each row's line, label and scores."""
        out = {"source": self.source, "framing": self.framing, "level": self.level, "n": self.n,
               "n_positive": self.n_positive, "fpr": FPR, "bundle": self.bundle, "settings": self.settings,
               "principles": {p.id: p.to_dict() for p in self.principles}}
        if include_scores:
            out["rows"] = [{"line": line, "label": int(lab), **({"category": self.categories[i]}
                                                                if self.categories is not None else {}),
                            "scores": {pid: float(self.scores[pid][i]) for pid in self.ids}}
                           for i, (line, lab) in enumerate(zip(self.lines, self.labels))]
        return _nan_to_none(out)

    def save_json(self, path: str | Path, *, include_scores: bool = False) -> Path:
        """Write :meth:`to_dict` as JSON atomically (temporary file, then rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(self.to_dict(include_scores=include_scores), f, indent=2)
                f.write("\n")
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def summary(self) -> str:
        """A plain-text table: per principle AUROC (95% CI), TPR at 1% FPR, flagged shares, categories."""
        head = (f"{self.source or 'inputs'}: {self.n} rows ({self.n_positive} positive), framed as "
                f"{self.framing} (scored at level {self.level})")
        width = max([len(p.id) for p in self.principles] + [20])
        lines = [head, f"  {'principle':<{width}}  AUROC  95% CI          TPR@1%FPR  flagged pos / neg"]
        for p in self.principles:
            ci = f"[{_fmt(p.auroc_ci95[0])}, {_fmt(p.auroc_ci95[1])}]"
            lines.append(f"  {p.id:<{width}}  {_fmt(p.auroc)}  {ci:<14}  {_fmt(p.tpr_at_1pct_fpr, 2):<9}  "
                         f"{_fmt(p.flagged_positive, 2)} / {_fmt(p.flagged_negative, 2)}")
            for c, e in p.categories.items():
                parts = [f"n={e['n']} ({e['n_positive']} pos)"]
                if not math.isnan(e["auroc"]):
                    parts.append(f"AUROC {_fmt(e['auroc'])}")
                if not math.isnan(e["auroc_pos_vs_all_neg"]):
                    parts.append(f"pos vs all neg {_fmt(e['auroc_pos_vs_all_neg'])}")
                if not math.isnan(e["auroc_neg_vs_all_pos"]):
                    parts.append(f"all pos vs neg {_fmt(e['auroc_neg_vs_all_pos'])}")
                lines.append(f"    {c or '(no category)'}: " + ", ".join(parts))
        return "\n".join(lines)

    def __repr__(self) -> str:
        aucs = ", ".join(f"{p.id} {_fmt(p.auroc)}" for p in self.principles)
        return f"EvalResult({self.n} rows, {self.n_positive} positive, framing={self.framing!r}, AUROC: {aucs})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{p.id}</td><td>{_fmt(p.auroc)}</td><td>[{_fmt(p.auroc_ci95[0])}, {_fmt(p.auroc_ci95[1])}]"
            f"</td><td>{_fmt(p.tpr_at_1pct_fpr, 2)}</td><td>{_fmt(p.flagged_positive, 2)} / "
            f"{_fmt(p.flagged_negative, 2)}</td></tr>" for p in self.principles)
        return (f"<p>{self.n} rows ({self.n_positive} positive), framed as {self.framing}</p><table><tr>"
                "<th>principle</th><th>AUROC</th><th>95% CI</th><th>TPR@1%FPR</th><th>flagged pos / neg</th>"
                f"</tr>{rows}</table>")

    def plot(self, path: str | Path | None = None):
        """ROC curves of every principle, linear and log false-positive axis; saved to ``path`` if given.

        Returns the matplotlib Figure (matplotlib is imported here, not before).
        """
        import numpy as np
        from matplotlib.figure import Figure
        from sklearn.metrics import roc_curve
        fig = Figure(figsize=(10, 4.5))
        lin, log = fig.subplots(1, 2)
        y = np.asarray(self.labels)
        floor = min(0.5 / max(int((y == 0).sum()), 1), FPR / 2)  # where FPR 0 sits on the log axis
        for p in self.principles:
            fpr, tpr, _ = roc_curve(y, self.scores[p.id])
            label = f"{p.id} (AUROC {_fmt(p.auroc)})"
            lin.plot(fpr, tpr, label=label)
            log.plot(np.maximum(fpr, floor), tpr, label=label)
        lin.plot([0, 1], [0, 1], color="grey", lw=0.8, ls="--")
        log.set_xscale("log")
        log.set_xlim(floor, 1)
        for ax in (lin, log):
            ax.axvline(FPR, color="k", lw=0.8, ls=":")
            ax.set_xlabel("false positive rate" + (" (log)" if ax is log else ""))
            ax.set_ylabel("true positive rate")
            ax.set_ylim(0, 1.01)
            ax.grid(alpha=0.3)
        lin.legend(fontsize=8, loc="lower right")
        name = Path(self.source).name if self.source else "inputs"
        fig.suptitle(f"ROC on {name}: {self.n} rows, {self.n_positive} positive, framed as {self.framing} "
                     f"(dotted: 1% FPR)", fontsize=10)
        fig.tight_layout()
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(path, dpi=120)
        return fig


# ---- scoring and evaluating -----------------------------------------------------------------------
def _frame(texts: Sequence[str], prompts: Sequence[str | None] | None, framing: str) -> list[dict]:
    from .scoring import BARE_TEXT_REQUEST
    if framing == "text":
        return [{"id": f"row-{i}", "text": t} for i, t in enumerate(texts)]
    if framing == "prompt":
        return [{"id": f"row-{i}", "messages": [{"role": "user", "content": t}]} for i, t in enumerate(texts)]
    prompts = prompts if prompts is not None else [None] * len(texts)
    return [{"id": f"row-{i}", "messages": [{"role": "user", "content": p or BARE_TEXT_REQUEST},
                                             {"role": "assistant", "content": t}]}
            for i, (t, p) in enumerate(zip(texts, prompts))]


def _check_framing(framing: str | None, has_prompts: bool) -> str:
    framing = framing or ("answer" if has_prompts else "text")
    if framing not in FRAMINGS:
        raise ValueError(f"unknown framing {framing!r}: use one of {', '.join(FRAMINGS)}")
    if has_prompts and framing != "answer":
        raise ValueError(f"prompts are used only when texts are framed as answers (--as answer), "
                         f"not as {framing!r}")
    return framing


def evaluate_inputs(model, tokenizer, bundle, texts: Sequence[str], labels: Sequence[int], *,
                    prompts: Sequence[str | None] | None = None, categories: Sequence[str] | None = None,
                    framing: str | None = None, n_boot: int = 1000, seed: int = 0, batch_size: int = 16,
                    progress: bool = False, source: str | None = None, lines: Sequence[int] | None = None,
                    settings: dict | None = None) -> EvalResult:
    """Score labelled texts with every principle of ``bundle`` and measure how well each separates them.

    Args:
        model, tokenizer: the model the bundle was trained for (checked by fingerprint).
        bundle: a :class:`~reasonwatch.bundle.ProbeBundle` (``bundle.select(ids)`` for a subset).
        texts: ``[n]`` texts.
        labels: ``[n]`` 1 violating / 0 complying (bools work); both classes must occur.
        prompts: ``[n]`` user turns for ``framing="answer"`` (``None`` entries: the neutral request).
        categories: ``[n]`` category names, for per-category AUROC.
        framing: ``"text"``, ``"prompt"`` or ``"answer"`` (module docstring); default ``"answer"`` with
            prompts, else ``"text"``.
        n_boot, seed: bootstrap resamples and seed for the 95% intervals.
    """
    import numpy as np
    from .scoring import score_texts
    framing = _check_framing(framing, prompts is not None)
    n = len(texts)
    if n == 0:
        raise ValueError("no texts to evaluate")
    for name, seq in (("labels", labels), ("prompts", prompts), ("categories", categories), ("lines", lines)):
        if seq is not None and len(seq) != n:
            raise ValueError(f"{len(seq)} {name} for {n} texts")
    bad = [i for i, v in enumerate(labels) if not (isinstance(v, (bool, int, float, np.integer, np.floating))
                                                   and v in (0, 1))]
    if bad:
        raise ValueError(f"label {bad[0]} is {labels[bad[0]]!r}: labels must be 0/1 or True/False")
    y = np.asarray([int(v) for v in labels], dtype=int)
    if y.min() == y.max():
        raise ValueError(f"all {n} labels are {y[0]}: AUROC needs both classes")
    for i, t in enumerate(texts):
        if not isinstance(t, str) or not t.strip():
            raise ValueError(f"text {i} is {'empty' if isinstance(t, str) else type(t).__name__}: "
                             f"every text must be a non-empty string")
    results = score_texts(model, tokenizer, bundle, _frame(texts, prompts, framing), batch_size=batch_size,
                          progress=progress)
    levels = sorted({r["level"] for r in results})
    scores = {p.id: np.array([r["scores"][p.id]["score"] for r in results]) for p in bundle.principles}
    flags = {p.id: [r["flags"][p.id] for r in results] for p in bundle.principles}
    metrics = evaluate_scores(scores, y, categories=categories, flags=flags, n_boot=n_boot, seed=seed)
    return EvalResult(
        principles=tuple(metrics[p.id] for p in bundle.principles), framing=framing, level="/".join(levels),
        n=n, n_positive=int(y.sum()), source=source,
        bundle={"path": None if bundle.path is None else str(bundle.path), "sha256": bundle.sha256 or None,
                "constitution": bundle.constitution, "fingerprint": bundle.fingerprint,
                "layers": {p.id: p.layer for p in bundle.principles}},
        settings={"n_boot": n_boot, "seed": seed, **(settings or {})},
        labels=y, scores=scores, lines=tuple(lines) if lines is not None else tuple(range(1, n + 1)),
        categories=None if categories is None else tuple(str(c) for c in categories))


def evaluate_file(model, tokenizer, bundle, path: str | Path, *, text_column: str = "text",
                  label_column: str = "label", prompt_column: str | None = None,
                  category_column: str | None = None, framing: str | None = None, positive: str | None = None,
                  n_boot: int = 1000, seed: int = 0, batch_size: int = 16, progress: bool = False) -> EvalResult:
    """:func:`read_labelled` then :func:`evaluate_inputs`; the arguments are theirs."""
    framing = _check_framing(framing, prompt_column is not None)
    data = read_labelled(path, text_column=text_column, label_column=label_column, prompt_column=prompt_column,
                         category_column=category_column, positive=positive)
    return _evaluate_data(model, tokenizer, bundle, data, framing=framing, positive=positive, n_boot=n_boot,
                          seed=seed, batch_size=batch_size, progress=progress,
                          columns={"text": text_column, "label": label_column, "prompt": prompt_column,
                                   "category": category_column})


def _evaluate_data(model, tokenizer, bundle, data: LabelledData, *, framing, positive, n_boot, seed, batch_size,
                   progress, columns) -> EvalResult:
    return evaluate_inputs(model, tokenizer, bundle, data.texts, data.labels, prompts=data.prompts,
                           categories=data.categories, framing=framing, n_boot=n_boot, seed=seed,
                           batch_size=batch_size, progress=progress, source=data.source, lines=data.lines,
                           settings={"columns": columns, "positive": positive})


# ---- command line ---------------------------------------------------------------------------------
def add_parser(subparsers) -> Any:
    """Register ``reasonwatch eval`` on an argparse subparsers object; returns its parser."""
    p = subparsers.add_parser(
        "eval", help="evaluate the probes on your own labelled CSV or JSONL file (AUROC, TPR@1%%FPR, ROC)",
        description="Per principle: AUROC with a bootstrap 95% CI, TPR at 1% FPR, the share flagged at the "
                    "bundle's calibrated level, per-category AUROC. Positive labels mean violating.")
    p.add_argument("input", help="labelled file: .csv, .tsv or .jsonl (other suffixes and '-', stdin, "
                                  "are sniffed)")
    p.add_argument("--text-column", default="text")
    p.add_argument("--label-column", default="label",
                   help="0/1 or true/false; other labels with --positive")
    p.add_argument("--positive", default=None, metavar="LABEL",
                   help="rows whose label equals LABEL are positive (violating), all others negative")
    p.add_argument("--prompt-column", default=None, help="user turn for --as answer (empty cell: neutral request)")
    p.add_argument("--category-column", default=None, help="report AUROC per category too")
    p.add_argument("--as", dest="framing", choices=FRAMINGS, default=None,
                   help="text: a bare text; prompt: a user request (its last token, or its turn's mean where the bundle says); answer: an assistant's "
                        "answer to the prompt column or a neutral request (default: answer with "
                        "--prompt-column, else text)")
    p.add_argument("--principles", default=None, help="comma-separated subset")
    p.add_argument("--bundle", default=None)
    p.add_argument("--model", default=None)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples for the 95%% intervals")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("-o", "--out", default=None, help="write the metrics as JSON here ('-': stdout)")
    p.add_argument("--include-scores", action="store_true", help="with --out: every row's scores too")
    p.add_argument("--plot", default=None, metavar="PNG", help="write ROC curves here")
    p.add_argument("--quiet", action="store_true")
    # "-" reads the file from stdin (its format sniffed) or writes the JSON to stdout, where cli.py
    # supports it; elsewhere these defaults are ignored
    p.set_defaults(func=cmd_eval, reads={"input": ".txt"}, writes={"out": ".json"})
    return p


def cmd_eval(args) -> int:
    """Evaluate the bundle on a labelled file; print a table, write JSON and a ROC plot if asked."""
    from .bundle import default_bundle_path, load_bundle
    from .models import load_model

    framing = _check_framing(args.framing, args.prompt_column is not None)
    # read (and so check) the file before the model loads: a bad file fails in well under a second
    data = read_labelled(args.input, text_column=args.text_column, label_column=args.label_column,
                         prompt_column=args.prompt_column, category_column=args.category_column,
                         positive=args.positive)
    if "input" in getattr(args, "dashes", ()):  # cli.py spooled stdin to a temporary file
        data = replace(data, source="<stdin>")
    model, tok = load_model(args.model)
    bundle = load_bundle(args.bundle or default_bundle_path(), model=model)
    if args.principles:
        bundle = bundle.select([p.strip() for p in args.principles.split(",") if p.strip()])
    result = _evaluate_data(model, tok, bundle, data, framing=framing, positive=args.positive,
                            n_boot=args.n_boot, seed=args.seed, batch_size=args.batch_size,
                            progress=not args.quiet,
                            columns={"text": args.text_column, "label": args.label_column,
                                     "prompt": args.prompt_column, "category": args.category_column})
    print(result.summary())
    if args.out:
        print(f"metrics -> {result.save_json(args.out, include_scores=args.include_scores)}")
    if args.plot:
        result.plot(args.plot)
        print(f"ROC plot -> {args.plot}")
    return 0
