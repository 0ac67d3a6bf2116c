"""Constitutions: the written principles a model is watched for, one linear probe per principle.

A constitution is a TOML file (read with the standard library's tomllib). The shipped ones live in
`reasonwatch/constitutions/` and load by bare name: `load_constitution("core")`,
`load_constitution("medical")`; anything else loads by path.

Format
------
::

    [constitution]
    id = "medical"               # [a-z][a-z0-9_]*, unique along the extends chain
    version = "1.0.0"            # any non-empty string
    description = "..."          # optional
    extends = "core"             # optional: the parent (see "Contexts" below)

    [[principle]]                # one table per principle; a root constitution needs at least one
    id = "harmlessness"          # [a-z][a-z0-9_]*, unique in the resolved constitution
    statement = "The assistant does not help cause serious harm."
    guidelines = ["...", "..."]  # non-empty: what the statement means as observable behaviour
    datasets = ["data:harmlessness.jsonl"]   # non-empty; see "Dataset paths"
    layers = "auto"              # optional: "auto" (chosen on the val split) or a list of layer ints
    steer = true                 # optional, default true: false means monitor only, never correct
    action = "add"               # optional: "add" (x + a*v), "project" (remove the component along
                                 # the violation direction) or "clamp" (cap that component)
    [principle.threshold]        # optional table, or an inline one: threshold = { target_fpr = 0.02 }
    target_fpr = 0.01            # default 0.01: share of compliant examples allowed to trigger action
    warning_fpr = 0.05           # default 0.05: same for the earlier, softer warning level

    [[override]]                 # contexts only: change an inherited principle
    id = "harmlessness"
    reason = "..."               # optional, except when the override loosens (below)
    steer = true                 # optional
    action = "project"           # optional
    threshold = { target_fpr = 0.02, warning_fpr = 0.10 }   # optional, either key or both

Both fprs must lie in the open interval (0, 0.5), and target_fpr <= warning_fpr (the warning fires
first). Unknown keys are errors, with the closest valid key suggested.

Thresholds are false-positive rates, so the *higher* the fpr, the *lower* the calibrated score
threshold and the more readily the monitor fires: raising an fpr makes the monitor stricter.

Dataset paths
-------------
A path starting with ``data:`` resolves against the data root: the ``REASONWATCH_DATA`` environment
variable if set, else the repository's top-level ``data/`` folder (next to the package). Any other
relative path resolves against the folder of the TOML file that names it. `Principle.datasets`
holds the resolved absolute paths, `Principle.dataset_refs` the references as written.

Contexts
--------
A deployment context names a parent with ``extends``: a bare name is looked up as
``<name>.toml`` in the context's own folder, then among the shipped constitutions; a value ending
in ``.toml`` or containing ``/`` is a path relative to the context's folder. A context inherits its
parent's principles (chains may be any depth; cycles are errors), may add principles of its own
(a new id; reusing an inherited id is an error) and may change inherited ones with
``[[override]]`` (an override of an unknown or same-file principle is an error).

Tightening (raising an fpr, turning steering on) is the expected use. Loosening (lowering an fpr,
turning steering off) is allowed but must give a ``reason`` and is recorded: every change lands in
`Constitution.overrides` (`Override.loosens` flags the loosening ones, `Constitution.loosened`
lists them), in `to_dict()` and hence in the hash.

Identity
--------
`Constitution.sha256` hashes the canonical JSON of the resolved content (`to_dict()` without the
hash): ids, version, lineage, every principle field, the overrides and the dataset references as
written. Comments, formatting, key order and the machine's absolute paths do not change it; any
change to a threshold, statement or guideline does. Probe bundles record it.

Every problem raises `ConstitutionError` naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import html
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Constitution",
    "ConstitutionError",
    "Override",
    "Principle",
    "Threshold",
    "available_constitutions",
    "data_root",
    "load_constitution",
]

SHIPPED_DIR = Path(__file__).resolve().parent / "constitutions"
DATA_PREFIX = "data:"
ACTIONS = ("add", "project", "clamp")

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = ("constitution", "principle", "override")
_META_KEYS = ("id", "version", "description", "extends")
_PRINCIPLE_KEYS = ("id", "statement", "guidelines", "datasets", "layers", "threshold", "steer", "action")
_OVERRIDE_KEYS = ("id", "reason", "threshold", "steer", "action")
_THRESHOLD_KEYS = ("target_fpr", "warning_fpr")


class ConstitutionError(ValueError):
    """A constitution that cannot be loaded; `path` and `key` say where (either may be None)."""

    def __init__(self, message: str, path: str | Path | None = None, key: str | None = None):
        self.path = None if path is None else str(path)
        self.key = key
        prefix = "".join(f"{part}: " for part in (self.path, key) if part)
        super().__init__(prefix + message)


@dataclass(frozen=True)
class Threshold:
    """Calibration targets, as false-positive rates on the compliant (label 0) val examples."""

    target_fpr: float = 0.01
    """Rate at which the monitor acts (steers, logs a violation); higher is stricter."""
    warning_fpr: float = 0.05
    """Rate for the earlier warning level; at least target_fpr."""


@dataclass(frozen=True)
class Principle:
    """One principle, after inheritance and overrides are applied."""

    id: str
    statement: str
    guidelines: tuple[str, ...]
    datasets: tuple[Path, ...] = field(compare=False)
    """Absolute paths of the JSONL example files (machine-specific, so not part of equality)."""
    dataset_refs: tuple[str, ...]
    """The same, as written in the TOML (`data:x.jsonl` or a path relative to the file)."""
    layers: str | tuple[int, ...] = "auto"
    threshold: Threshold = field(default_factory=Threshold)
    steer: bool = True
    action: str = "add"
    origin: str = ""
    """Id of the constitution that defined the principle."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "statement": self.statement,
            "guidelines": list(self.guidelines),
            "datasets": list(self.dataset_refs),
            "layers": self.layers if isinstance(self.layers, str) else list(self.layers),
            "threshold": dataclasses.asdict(self.threshold),
            "steer": self.steer,
            "action": self.action,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Override:
    """One value a context changed on an inherited principle."""

    principle: str
    by: str
    """Id of the context that made the change."""
    field: str
    """"target_fpr", "warning_fpr", "steer" or "action"."""
    old: Any
    new: Any
    loosens: bool
    """True if the monitor became less strict (lower fpr, or steering turned off)."""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Constitution:
    """A resolved constitution: its own id and version, and every principle it carries."""

    id: str
    version: str
    principles: tuple[Principle, ...]
    lineage: tuple[str, ...]
    """Constitution ids from the root to this one, e.g. ("core", "medical")."""
    overrides: tuple[Override, ...] = ()
    description: str = ""
    path: Path | None = field(default=None, compare=False)
    """The TOML file it was loaded from (not part of the identity)."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)

    @property
    def loosened(self) -> tuple[Override, ...]:
        return tuple(o for o in self.overrides if o.loosens)

    def principle(self, principle_id: str) -> Principle:
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise KeyError(
            f"constitution {self.id!r} has no principle {principle_id!r}; "
            f"valid ids: {', '.join(self.ids)}"
        )

    @property
    def sha256(self) -> str:
        canonical = json.dumps(self._content(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {**self._content(), "sha256": self.sha256}

    def _content(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "description": self.description,
            "lineage": list(self.lineage),
            "principles": [p.to_dict() for p in self.principles],
            "overrides": [o.to_dict() for o in self.overrides],
        }

    def __repr__(self) -> str:
        return (
            f"Constitution({self.id!r}, version={self.version!r}, lineage={' > '.join(self.lineage)}, "
            f"principles=[{', '.join(self.ids)}], sha256={self.sha256[:12]}…)"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><b>{html.escape(p.id)}</b></td><td>{html.escape(p.statement)}</td>"
            f"<td>{p.threshold.target_fpr:g}</td><td>{p.threshold.warning_fpr:g}</td>"
            f"<td>{html.escape(p.action) if p.steer else 'off'}</td><td>{html.escape(p.origin)}</td></tr>"
            for p in self.principles
        )
        return (
            f"<p><b>{html.escape(self.id)}</b> {html.escape(self.version)} "
            f"({html.escape(' > '.join(self.lineage))}), sha256 <code>{self.sha256[:12]}</code></p>"
            "<table><tr><th>principle</th><th>statement</th><th>target fpr</th><th>warning fpr</th>"
            f"<th>steer</th><th>from</th></tr>{rows}</table>"
        )


def data_root() -> Path:
    """Where `data:` dataset paths point: $REASONWATCH_DATA, else the repository's `data/` folder."""
    env = os.environ.get("REASONWATCH_DATA")
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parents[1] / "data"


def available_constitutions() -> tuple[str, ...]:
    """Names of the shipped constitutions, loadable by `load_constitution(name)`."""
    return tuple(sorted(p.stem for p in SHIPPED_DIR.glob("*.toml")))


def load_constitution(path_or_name: str | Path, *, check_datasets: bool = True) -> Constitution:
    """Load, resolve and validate a constitution, following its `extends` chain.

    `path_or_name`: a shipped name ("core", "medical", ...) or a path to a TOML file.
    `check_datasets`: require every dataset file to exist (turn off where only the principles and
    the hash are needed, e.g. when a probe bundle is loaded on a machine without the data).
    """
    chain = _read_chain(_locate(path_or_name))  # root first
    principles: dict[str, Principle] = {}
    overrides: list[Override] = []
    lineage: list[str] = []
    for path, doc in chain:
        meta = doc["constitution"]
        if meta["id"] in lineage:
            raise ConstitutionError(
                f"id {meta['id']!r} is already used by an ancestor (lineage: {' > '.join(lineage)})",
                path, "constitution.id",
            )
        inherited = dict(principles)
        for index, raw in enumerate(doc.get("principle", [])):
            p = _parse_principle(raw, index, path, meta["id"], check_datasets)
            if p.id in principles:
                where = "in this file" if p.id not in inherited else f"by {inherited[p.id].origin!r}"
                hint = "" if p.id not in inherited else "; use [[override]] to change an inherited one"
                raise ConstitutionError(
                    f"duplicate principle id {p.id!r}: already defined {where}{hint}",
                    path, f"principle[{p.id}]",
                )
            principles[p.id] = p
        seen_overrides: set[str] = set()
        for index, raw in enumerate(doc.get("override", [])):
            changed, records = _parse_override(raw, index, path, meta["id"], inherited, principles)
            if changed.id in seen_overrides:
                raise ConstitutionError(
                    f"a second [[override]] for {changed.id!r}; merge them into one", path, f"override[{changed.id}]"
                )
            seen_overrides.add(changed.id)
            principles[changed.id] = changed
            overrides.extend(records)
        lineage.append(meta["id"])

    leaf_path, leaf = chain[-1]
    if not principles:
        raise ConstitutionError("defines no principles: add at least one [[principle]]", leaf_path, "principle")
    return Constitution(
        id=leaf["constitution"]["id"],
        version=leaf["constitution"]["version"],
        description=leaf["constitution"].get("description", ""),
        principles=tuple(principles.values()),
        lineage=tuple(lineage),
        overrides=tuple(overrides),
        path=leaf_path,
    )


# --- locating and reading files --------------------------------------------------------------------


def _locate(path_or_name: str | Path) -> Path:
    text = str(path_or_name)
    if isinstance(path_or_name, Path) or text.endswith(".toml") or "/" in text or os.sep in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise ConstitutionError("no such constitution file", path)
        return path.resolve()
    path = SHIPPED_DIR / f"{text}.toml"
    if not path.is_file():
        names = ", ".join(available_constitutions()) or "none"
        raise ConstitutionError(
            f"no shipped constitution named {text!r} (shipped: {names}); pass a path to load your own"
        )
    return path


def _read_chain(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The file and its ancestors, root first."""
    chain: list[tuple[Path, dict[str, Any]]] = []
    while True:
        if any(path == p for p, _ in chain):
            cycle = " -> ".join(str(p) for p, _ in chain)
            raise ConstitutionError(f"circular extends chain: {cycle} -> {path}", chain[0][0], "constitution.extends")
        doc = _read_toml(path)
        chain.append((path, doc))
        extends = doc["constitution"].get("extends")
        if extends is None:
            break
        path = _locate_parent(extends, path)
    chain.reverse()
    root_path, root = chain[0]
    if root.get("override"):
        raise ConstitutionError(
            "[[override]] needs inherited principles: add `extends = \"<parent>\"` to [constitution]",
            root_path, "override",
        )
    return chain


def _locate_parent(extends: str, child: Path) -> Path:
    if extends.endswith(".toml") or "/" in extends or os.sep in extends:
        candidates = [child.parent / Path(extends).expanduser()]
    else:
        candidates = [child.parent / f"{extends}.toml", SHIPPED_DIR / f"{extends}.toml"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    tried = ", ".join(str(c) for c in dict.fromkeys(candidates))
    raise ConstitutionError(f"extends unknown parent {extends!r} (looked for {tried})", child, "constitution.extends")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            doc = tomllib.load(f)
    except tomllib.TOMLDecodeError as err:
        # tomllib's message carries "(at line L, column C)".
        raise ConstitutionError(f"invalid TOML: {err}", path) from None
    except UnicodeDecodeError as err:
        raise ConstitutionError(f"not valid UTF-8 ({err.reason} at byte {err.start})", path) from None
    _reject_unknown(doc, _TOP_KEYS, path, "")
    meta = doc.get("constitution")
    if not isinstance(meta, dict):
        raise ConstitutionError("missing the [constitution] table (id, version, ...)", path, "constitution")
    _reject_unknown(meta, _META_KEYS, path, "constitution")
    _ident(meta, "id", path, "constitution")
    _text(meta, "version", path, "constitution")
    _text(meta, "description", path, "constitution", required=False, empty_ok=True)
    _text(meta, "extends", path, "constitution", required=False)
    for key in ("principle", "override"):
        if key in doc and not (isinstance(doc[key], list) and all(isinstance(t, dict) for t in doc[key])):
            raise ConstitutionError(f"must be an array of tables: write [[{key}]], not [{key}]", path, key)
    return doc


# --- parsing tables --------------------------------------------------------------------------------


def _parse_principle(raw: dict[str, Any], index: int, path: Path, origin: str, check_datasets: bool) -> Principle:
    where = _entry_name("principle", raw, index)
    _reject_unknown(raw, _PRINCIPLE_KEYS, path, where)
    pid = _ident(raw, "id", path, where)
    refs = _string_list(raw, "datasets", path, where)
    if len(set(refs)) != len(refs):
        raise ConstitutionError("lists the same dataset twice", path, f"{where}.datasets")
    datasets = []
    for i, ref in enumerate(refs):
        resolved = _resolve_dataset(ref, path)
        if check_datasets and not resolved.is_file():
            hint = f" (data root {data_root()}; set REASONWATCH_DATA to move it)" if ref.startswith(DATA_PREFIX) else ""
            raise ConstitutionError(f"dataset file not found: {resolved}{hint}", path, f"{where}.datasets[{i}]")
        datasets.append(resolved)
    threshold = _threshold(raw.get("threshold", {}), Threshold(), path, f"{where}.threshold")
    return Principle(
        id=pid,
        statement=_text(raw, "statement", path, where),
        guidelines=tuple(_string_list(raw, "guidelines", path, where)),
        datasets=tuple(datasets),
        dataset_refs=tuple(refs),
        layers=_layers(raw, path, where),
        threshold=threshold,
        steer=_flag(raw, "steer", True, path, where),
        action=_action(raw, "add", path, where),
        origin=origin,
    )


def _parse_override(
    raw: dict[str, Any],
    index: int,
    path: Path,
    by: str,
    inherited: dict[str, Principle],
    current: dict[str, Principle],
) -> tuple[Principle, list[Override]]:
    """The inherited principle with the override applied, and a record per changed value."""
    where = _entry_name("override", raw, index)
    _reject_unknown(raw, _OVERRIDE_KEYS, path, where)
    pid = _ident(raw, "id", path, where)
    if pid not in inherited:
        if pid in current:
            raise ConstitutionError(
                f"principle {pid!r} is defined in this file; set its values there, not in an override",
                path, f"{where}.id",
            )
        raise ConstitutionError(
            f"overrides unknown principle {pid!r}; inherited ids: {', '.join(inherited)}", path, f"{where}.id"
        )
    old = inherited[pid]
    reason = _text(raw, "reason", path, where, required=False) or ""
    threshold = _threshold(raw.get("threshold", {}), old.threshold, path, f"{where}.threshold")
    new = dataclasses.replace(
        old,
        threshold=threshold,
        steer=_flag(raw, "steer", old.steer, path, where),
        action=_action(raw, old.action, path, where),
    )
    changes = []
    was, now = old.threshold, new.threshold
    # A lower fpr raises the score threshold, so the monitor fires less: that loosens it.
    for name, before, after, loosens in (
        ("target_fpr", was.target_fpr, now.target_fpr, now.target_fpr < was.target_fpr),
        ("warning_fpr", was.warning_fpr, now.warning_fpr, now.warning_fpr < was.warning_fpr),
        ("steer", old.steer, new.steer, old.steer and not new.steer),
        ("action", old.action, new.action, False),
    ):
        if before != after:
            changes.append(Override(pid, by, name, before, after, loosens, reason))
    loosened = [c.field for c in changes if c.loosens]
    if loosened and not reason:
        raise ConstitutionError(
            f"loosens {', '.join(loosened)} (the monitor would fire less or stop correcting); "
            "that is allowed, but give a `reason`",
            path, f"{where}.reason",
        )
    return new, changes


def _threshold(raw: Any, base: Threshold, path: Path, where: str) -> Threshold:
    if not isinstance(raw, dict):
        raise ConstitutionError(f"must be a table of {', '.join(_THRESHOLD_KEYS)}", path, where)
    _reject_unknown(raw, _THRESHOLD_KEYS, path, where)
    values = {}
    for key in _THRESHOLD_KEYS:
        value = raw.get(key, getattr(base, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 0.5:
            raise ConstitutionError(f"must be a number in (0, 0.5), got {value!r}", path, f"{where}.{key}")
        values[key] = float(value)
    if values["target_fpr"] > values["warning_fpr"]:
        raise ConstitutionError(
            f"target_fpr {values['target_fpr']:g} exceeds warning_fpr {values['warning_fpr']:g}: "
            "the warning level must fire at least as readily as the action level",
            path, where,
        )
    return Threshold(**values)


def _layers(raw: dict[str, Any], path: Path, where: str) -> str | tuple[int, ...]:
    value = raw.get("layers", "auto")
    if value == "auto":
        return "auto"
    ok = (
        isinstance(value, list)
        and value
        and all(type(v) is int and v >= 0 for v in value)
        and len(set(value)) == len(value)
    )
    if not ok:
        raise ConstitutionError(
            f'must be "auto" or a non-empty list of distinct layer indices >= 0, got {value!r}',
            path, f"{where}.layers",
        )
    return tuple(value)


def _resolve_dataset(ref: str, toml_path: Path) -> Path:
    if ref.startswith(DATA_PREFIX):
        return (data_root() / ref[len(DATA_PREFIX):]).resolve()
    return (toml_path.parent / Path(ref).expanduser()).resolve()


# --- field helpers ---------------------------------------------------------------------------------


def _entry_name(kind: str, raw: dict[str, Any], index: int) -> str:
    """`principle[honesty]`, or `principle[#3]` (1-based position) while the id is unusable."""
    pid = raw.get("id")
    return f"{kind}[{pid}]" if isinstance(pid, str) and _ID_RE.match(pid) else f"{kind}[#{index + 1}]"


def _reject_unknown(table: dict[str, Any], known: tuple[str, ...], path: Path, where: str) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(known)}"
            raise ConstitutionError(f"unknown key {key!r} ({hint})", path, f"{where}.{key}" if where else key)


def _text(
    table: dict[str, Any], key: str, path: Path, where: str, *, required: bool = True, empty_ok: bool = False
) -> str | None:
    if key not in table:
        if required:
            raise ConstitutionError("missing", path, f"{where}.{key}")
        return None
    value = table[key]
    if not isinstance(value, str) or (not empty_ok and not value.strip()):
        raise ConstitutionError(f"must be a non-empty string, got {value!r}", path, f"{where}.{key}")
    return value


def _ident(table: dict[str, Any], key: str, path: Path, where: str) -> str:
    value = _text(table, key, path, where)
    if not _ID_RE.match(value):
        raise ConstitutionError(
            f"{value!r} is not a valid id (lower-case letters, digits and _, starting with a letter)",
            path, f"{where}.{key}",
        )
    return value


def _string_list(table: dict[str, Any], key: str, path: Path, where: str) -> list[str]:
    value = table.get(key)
    if not (isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
        got = "missing" if key not in table else f"got {value!r}"
        raise ConstitutionError(f"must be a non-empty list of non-empty strings ({got})", path, f"{where}.{key}")
    return value


def _flag(table: dict[str, Any], key: str, default: bool, path: Path, where: str) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ConstitutionError(f"must be true or false, got {value!r}", path, f"{where}.{key}")
    return value


def _action(table: dict[str, Any], default: str, path: Path, where: str) -> str:
    value = table.get("action", default)
    if value not in ACTIONS:
        raise ConstitutionError(f"must be one of {', '.join(ACTIONS)}, got {value!r}", path, f"{where}.action")
    return value
