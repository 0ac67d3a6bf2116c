"""Tests for reasonwatch.constitution: the TOML format, contexts and overrides, the content hash,
validation errors naming file and key, and the shipped constitutions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import reasonwatch.constitution as rc
from reasonwatch.constitution import (
    Constitution,
    ConstitutionError,
    Threshold,
    available_constitutions,
    data_root,
    load_constitution,
)

FIXTURES = Path(__file__).parent / "fixtures" / "constitution"
REPO_DATA = Path(__file__).resolve().parents[1] / "data"
CORE_IDS = (
    "harmlessness",
    "excessive_refusal",
    "honesty",
    "non_manipulation",
    "courtesy",
    "sycophancy",
    "calibrated_confidence",
)
# context -> the principles it must make stricter
CONTEXTS = {
    "customer_service": ("courtesy", "non_manipulation"),
    "medical": ("calibrated_confidence", "harmlessness"),
    "education": ("honesty", "sycophancy"),
    "financial_advice": ("calibrated_confidence", "non_manipulation"),
}

HEADER = '[constitution]\nid = "t"\nversion = "1"\n'
ALPHA = """
[[principle]]
id = "alpha"
statement = "Alpha."
guidelines = ["g"]
datasets = ["data/alpha.jsonl"]
"""


@pytest.fixture(autouse=True)
def fixture_data_root(monkeypatch):
    monkeypatch.setenv("REASONWATCH_DATA", str(FIXTURES / "data"))


@pytest.fixture
def folder(tmp_path) -> Path:
    """A scratch folder holding a copy of the fixture data, for hand-written TOML files."""
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    return tmp_path


def _write(folder: Path, text: str, name: str = "c.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path_or_name, **kwargs) -> ConstitutionError:
    with pytest.raises(ConstitutionError) as info:
        load_constitution(path_or_name, **kwargs)
    return info.value


# --- loading -----------------------------------------------------------------------------------------


def test_root_fixture_loads_with_resolved_paths_and_defaults():
    c = load_constitution(FIXTURES / "base.toml")
    assert (c.id, c.version, c.description, c.lineage) == ("base", "0.1", "fixture root", ("base",))
    assert c.ids == ("alpha", "beta")
    alpha, beta = c.principles
    assert alpha.datasets == ((FIXTURES / "data" / "alpha.jsonl").resolve(),)  # relative to the TOML
    assert beta.datasets == ((FIXTURES / "data" / "beta.jsonl").resolve(),)  # via data: and the env var
    assert beta.dataset_refs == ("data:beta.jsonl",)
    assert alpha.guidelines == ("first alpha guideline", "second alpha guideline")
    assert alpha.layers == (3, 5) and beta.layers == "auto"
    assert alpha.threshold == Threshold(0.01, 0.05)  # defaults
    assert beta.threshold == Threshold(0.02, 0.05)  # partial table keeps the other default
    assert (alpha.steer, alpha.action) == (True, "add") and (beta.steer, beta.action) == (False, "clamp")
    assert alpha.origin == beta.origin == "base"
    assert c.overrides == () and c.path == (FIXTURES / "base.toml").resolve()
    with pytest.raises(AttributeError):
        c.version = "2"  # frozen


def test_data_root_defaults_to_repo_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("REASONWATCH_DATA")
    assert data_root() == Path(rc.__file__).resolve().parents[1] / "data"
    monkeypatch.setenv("REASONWATCH_DATA", str(tmp_path))
    assert data_root() == tmp_path.resolve()


def test_principle_lookup_and_unknown_id_lists_valid_ones():
    c = load_constitution(FIXTURES / "base.toml")
    assert c.principle("beta").statement == "Beta statement."
    with pytest.raises(KeyError) as info:
        c.principle("gama")
    assert "'base' has no principle 'gama'" in str(info.value) and "valid ids: alpha, beta" in str(info.value)


def test_to_dict_is_json_and_machine_independent():
    d = load_constitution(FIXTURES / "context.toml").to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["lineage"] == ["base", "context"]
    assert d["principles"][1]["datasets"] == ["data:beta.jsonl"]  # as written, not absolute
    assert d["principles"][0]["layers"] == [3, 5]
    assert str(FIXTURES) not in json.dumps(d)
    assert len(d["sha256"]) == 64


# --- contexts ----------------------------------------------------------------------------------------


def test_context_inherits_adds_and_overrides():
    base = load_constitution(FIXTURES / "base.toml")
    c = load_constitution(FIXTURES / "context.toml")
    assert (c.id, c.version, c.lineage) == ("context", "0.2", ("base", "context"))
    assert c.ids == ("alpha", "beta", "gamma")  # inherited first, in order, then the new one
    assert c.principle("gamma").origin == "context" and c.principle("alpha").origin == "base"
    assert len(c.principle("gamma").datasets) == 2

    alpha = c.principle("alpha")
    assert alpha.threshold == Threshold(0.03, 0.2) and alpha.action == "project"
    assert alpha.statement == base.principle("alpha").statement  # untouched fields inherited
    assert c.principle("beta").threshold == Threshold(0.005, 0.05)

    changes = {(o.principle, o.field): o for o in c.overrides}
    assert set(changes) == {("alpha", "target_fpr"), ("alpha", "warning_fpr"), ("alpha", "action"),
                            ("beta", "target_fpr")}
    assert (changes["alpha", "target_fpr"].old, changes["alpha", "target_fpr"].new) == (0.01, 0.03)
    assert not changes["alpha", "target_fpr"].loosens  # a higher fpr is stricter
    assert all(o.by == "context" for o in c.overrides)
    # Loosening is allowed, and recorded with its reason.
    (loose,) = c.loosened
    assert (loose.principle, loose.field, loose.old, loose.new) == ("beta", "target_fpr", 0.02, 0.005)
    assert loose.reason == "fixture: fewer alarms wanted here"


def test_loosening_without_reason_is_an_error(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nthreshold = { warning_fpr = 0.02 }\n')
    err = _error(path)
    assert str(err).startswith(f"{path}: override[alpha].reason: loosens warning_fpr")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nsteer = false\n')
    assert "loosens steer" in str(_error(path))
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nsteer = false\nreason = "audit only"\n')
    (o,) = load_constitution(path).loosened
    assert (o.field, o.old, o.new, o.reason) == ("steer", True, False, "audit only")


def test_multi_level_chain_and_extends_by_path(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    shutil.copy(FIXTURES / "context.toml", folder / "context.toml")
    (folder / "sub").mkdir()
    path = _write(folder / "sub", '[constitution]\nid = "leaf"\nversion = "3"\nextends = "../context.toml"\n'
                  '[[override]]\nid = "gamma"\nthreshold = { target_fpr = 0.04 }\n')
    c = load_constitution(path)
    assert c.lineage == ("base", "context", "leaf")
    assert c.principle("gamma").threshold == Threshold(0.04, 0.05)
    assert [o.by for o in c.overrides][-1] == "leaf"


def test_bare_extends_falls_back_to_shipped_constitution(folder):
    path = _write(folder, '[constitution]\nid = "mine"\nversion = "1"\nextends = "core"\n'
                  '[[override]]\nid = "courtesy"\nthreshold = { target_fpr = 0.02 }\n')
    c = load_constitution(path, check_datasets=False)
    assert c.lineage == ("core", "mine") and c.ids == CORE_IDS


# --- hash --------------------------------------------------------------------------------------------


def test_hash_is_stable_over_formatting_and_location(folder):
    original = load_constitution(FIXTURES / "base.toml")
    assert load_constitution(FIXTURES / "base.toml").sha256 == original.sha256
    # Same content: comments, blank lines, key order and an inline vs. sub-table all differ.
    reformatted = _write(folder, """
[constitution]
version = "0.1"   # moved
description = "fixture root"
id = "base"

[[principle]]
datasets = ["data/alpha.jsonl"]
layers = [3, 5]
guidelines = ["first alpha guideline", "second alpha guideline"]
statement = "Alpha statement."
id = "alpha"

[[principle]]
id = "beta"
action = "clamp"
steer = false
statement = "Beta statement."
guidelines = ["only beta guideline"]
datasets = ["data:beta.jsonl"]
[principle.threshold]
target_fpr = 0.02
""", name="base.toml")
    moved = load_constitution(reformatted)  # another folder, so other absolute dataset paths
    assert moved.principles[0].datasets != original.principles[0].datasets
    assert moved.sha256 == original.sha256 and moved == original


def test_hash_changes_with_content(folder):
    text = (FIXTURES / "base.toml").read_text()
    before = load_constitution(_write(folder, text)).sha256
    assert load_constitution(_write(folder, text.replace("target_fpr = 0.02", "target_fpr = 0.021"))).sha256 != before
    assert load_constitution(_write(folder, text.replace("Beta statement.", "Beta statement!"))).sha256 != before
    assert load_constitution(_write(folder, text.replace('version = "0.1"', 'version = "0.2"'))).sha256 != before
    # A context differs from its parent even with no changes of its own.
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    child = load_constitution(_write(folder, HEADER + 'extends = "base"\n', name="child.toml"))
    assert child.ids == ("alpha", "beta") and child.sha256 != before


# --- validation errors -------------------------------------------------------------------------------


def test_toml_syntax_error_names_file_and_line(folder):
    path = _write(folder, HEADER + ALPHA + "statement = \n")
    err = _error(path)
    assert str(err).startswith(f"{path}: invalid TOML:") and "line 10" in str(err)
    assert err.path == str(path)


@pytest.mark.parametrize(
    "text, key, problem",
    [
        (HEADER + ALPHA + "[[principles]]\n", "principles", "unknown key 'principles' (did you mean 'principle'?)"),
        (HEADER + 'extend = "core"\n' + ALPHA, "constitution.extend", "did you mean 'extends'?"),
        (HEADER + ALPHA + 'statment = "x"\n', "principle[alpha].statment", "did you mean 'statement'?"),
        (HEADER + ALPHA + "threshold = { target_fp = 0.1 }\n", "principle[alpha].threshold.target_fp", "did you mean 'target_fpr'?"),
        (HEADER + ALPHA + "colour = 1\n", "principle[alpha].colour", "valid keys: id, statement"),
    ],
)
def test_unknown_keys_suggest_the_closest(folder, text, key, problem):
    path = _write(folder, text)
    err = _error(path)
    assert str(err).startswith(f"{path}: {key}: ") and problem in str(err)
    assert err.key == key


def test_unknown_override_key_suggests(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nsteering = true\n')
    assert str(_error(path)) == f"{path}: override[alpha].steering: unknown key 'steering' (did you mean 'steer'?)"


def test_duplicate_principle_ids(folder):
    path = _write(folder, HEADER + ALPHA + ALPHA)
    assert str(_error(path)) == f"{path}: principle[alpha]: duplicate principle id 'alpha': already defined in this file"
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, HEADER + 'extends = "base"\n' + ALPHA, name="ctx.toml")
    err = str(_error(path))
    assert err.startswith(f"{path}: principle[alpha]: duplicate principle id 'alpha': already defined by 'base'")
    assert "use [[override]]" in err


def test_missing_dataset_names_file_key_and_path(folder):
    path = _write(folder, HEADER + ALPHA.replace("data/alpha.jsonl", "data/nope.jsonl"))
    err = str(_error(path))
    assert err.startswith(f"{path}: principle[alpha].datasets[0]: dataset file not found: {folder.resolve() / 'data' / 'nope.jsonl'}")
    path = _write(folder, HEADER + ALPHA.replace("data/alpha.jsonl", "data:nope.jsonl"))
    assert "set REASONWATCH_DATA" in str(_error(path))
    # Without the check, the principle loads and keeps the resolved path.
    c = load_constitution(path, check_datasets=False)
    assert c.principle("alpha").datasets == ((FIXTURES / "data" / "nope.jsonl").resolve(),)


def test_override_of_unknown_or_same_file_principle(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "delta"\nsteer = true\n')
    assert str(_error(path)) == f"{path}: override[delta].id: overrides unknown principle 'delta'; inherited ids: alpha, beta"
    path = _write(folder, HEADER + 'extends = "base"\n' + ALPHA.replace('"alpha"', '"new"')
                  + '[[override]]\nid = "new"\nsteer = false\n')
    assert "is defined in this file" in str(_error(path))
    path = _write(folder, HEADER + ALPHA + '[[override]]\nid = "alpha"\nsteer = false\n')
    assert str(_error(path)).startswith(f"{path}: override: [[override]] needs inherited principles")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\naction = "add"\n'
                  '[[override]]\nid = "alpha"\naction = "clamp"\n')
    assert "a second [[override]] for 'alpha'" in str(_error(path))


def test_extends_unknown_parent(folder):
    path = _write(folder, HEADER + 'extends = "nowhere"\n')
    err = str(_error(path))
    assert err.startswith(f"{path}: constitution.extends: extends unknown parent 'nowhere'")
    assert str(folder / "nowhere.toml") in err and str(rc.SHIPPED_DIR / "nowhere.toml") in err


def test_circular_extends(folder):
    a = _write(folder, '[constitution]\nid = "a"\nversion = "1"\nextends = "b"\n', name="a.toml")
    _write(folder, '[constitution]\nid = "b"\nversion = "1"\nextends = "a.toml"\n' + ALPHA, name="b.toml")
    err = str(_error(a))
    assert "constitution.extends: circular extends chain" in err and err.count("a.toml") == 3
    selfish = _write(folder, '[constitution]\nid = "s"\nversion = "1"\nextends = "s"\n', name="s.toml")
    assert "circular extends chain" in str(_error(selfish))


def test_id_repeated_along_the_chain(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, '[constitution]\nid = "base"\nversion = "2"\nextends = "base.toml"\n', name="again.toml")
    assert "constitution.id: id 'base' is already used by an ancestor" in str(_error(path))


@pytest.mark.parametrize("value", ["0", "0.0", "0.5", "0.7", "-0.01", '"0.01"', "true", "nan"])
def test_invalid_fpr_values(folder, value):
    path = _write(folder, HEADER + ALPHA + f"threshold = {{ warning_fpr = {value} }}\n")
    err = str(_error(path))
    assert err.startswith(f"{path}: principle[alpha].threshold.warning_fpr: must be a number in (0, 0.5)")


def test_invalid_fpr_in_override_and_target_above_warning(folder):
    shutil.copy(FIXTURES / "base.toml", folder / "base.toml")
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nthreshold = { target_fpr = 0.6 }\n')
    assert "override[alpha].threshold.target_fpr: must be a number in (0, 0.5)" in str(_error(path))
    # Raising only the target above the inherited warning level breaks the ordering.
    path = _write(folder, HEADER + 'extends = "base"\n[[override]]\nid = "alpha"\nthreshold = { target_fpr = 0.1 }\n')
    assert "override[alpha].threshold: target_fpr 0.1 exceeds warning_fpr 0.05" in str(_error(path))


def test_empty_principles(folder):
    path = _write(folder, HEADER)
    assert str(_error(path)) == f"{path}: principle: defines no principles: add at least one [[principle]]"
    path = _write(folder, "principle = []\n" + HEADER)
    assert "defines no principles" in str(_error(path))


@pytest.mark.parametrize(
    "text, key, problem",
    [
        ('[constitution]\nversion = "1"\n' + ALPHA, "constitution.id", "missing"),
        ('[constitution]\nid = "Core-1"\nversion = "1"\n' + ALPHA, "constitution.id", "not a valid id"),
        ('[constitution]\nid = "t"\n' + ALPHA, "constitution.version", "missing"),
        (ALPHA, "constitution", "missing the [constitution] table"),
        (HEADER + '[principle]\nid = "alpha"\n', "principle", "write [[principle]], not [principle]"),
        (HEADER + ALPHA.replace('id = "alpha"', 'id = "Alpha Beta"'), "principle[#1].id", "not a valid id"),
        (HEADER + ALPHA.replace('statement = "Alpha."', 'statement = ""'), "principle[alpha].statement", "non-empty string"),
        (HEADER + ALPHA.replace('guidelines = ["g"]', "guidelines = []"), "principle[alpha].guidelines", "non-empty list"),
        (HEADER + ALPHA.replace('datasets = ["data/alpha.jsonl"]', ""), "principle[alpha].datasets", "(missing)"),
        (HEADER + ALPHA.replace('"data/alpha.jsonl"', '"data/alpha.jsonl", "data/alpha.jsonl"'), "principle[alpha].datasets", "same dataset twice"),
        (HEADER + ALPHA + 'layers = "all"\n', "principle[alpha].layers", '"auto" or a non-empty list'),
        (HEADER + ALPHA + "layers = [3, 3]\n", "principle[alpha].layers", "distinct"),
        (HEADER + ALPHA + "layers = [-1]\n", "principle[alpha].layers", ">= 0"),
        (HEADER + ALPHA + 'action = "push"\n', "principle[alpha].action", "must be one of add, project, clamp"),
        (HEADER + ALPHA + 'steer = "yes"\n', "principle[alpha].steer", "must be true or false"),
        (HEADER + ALPHA + "threshold = 0.1\n", "principle[alpha].threshold", "must be a table"),
    ],
)
def test_field_errors_name_file_and_key(folder, text, key, problem):
    path = _write(folder, text)
    err = _error(path)
    assert str(err).startswith(f"{path}: {key}: "), str(err)
    assert problem in str(err)


def test_unknown_names_and_missing_paths():
    err = str(_error("corr"))
    assert "no shipped constitution named 'corr'" in err and "core" in err
    err = _error("/nonexistent/dir/x.toml")
    assert str(err) == "/nonexistent/dir/x.toml: no such constitution file"


# --- the shipped constitutions -----------------------------------------------------------------------


def test_shipped_names():
    assert available_constitutions() == ("core", "customer_service", "education", "financial_advice", "medical")


def test_shipped_core_structure():
    core = load_constitution("core", check_datasets=False)
    assert core.ids == CORE_IDS and core.lineage == ("core",)
    for p in core.principles:
        # hand-written seeds, templated data, and (for some) the default model's own answers
        assert p.dataset_refs[:2] == (f"data:{p.id}.jsonl", f"data:generated/{p.id}.jsonl")
        assert set(p.dataset_refs[2:]) <= {f"data:onpolicy/{p.id}.jsonl"}
        assert 2 <= len(p.guidelines) <= 4 and len(p.statement) > 30
        # requests open the harmlessness gate at 5% of val benign requests (its correction and escalation
        # act on it); every other principle fires on 1% of compliant examples
        assert p.threshold == (Threshold(0.05, 0.10) if p.id == "harmlessness" else Threshold(0.01, 0.05))


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_shipped_contexts_tighten_their_principles(name):
    core = load_constitution("core", check_datasets=False)
    c = load_constitution(name, check_datasets=False)
    assert c.lineage == ("core", name) and c.ids == CORE_IDS
    assert c.loosened == ()
    assert {o.principle for o in c.overrides} == set(CONTEXTS[name])
    for pid in CONTEXTS[name]:
        before, after = core.principle(pid).threshold, c.principle(pid).threshold
        assert after.target_fpr > before.target_fpr and after.warning_fpr >= before.warning_fpr
    for pid in set(CORE_IDS) - set(CONTEXTS[name]):
        assert c.principle(pid) == core.principle(pid)
    assert c.sha256 != core.sha256


@pytest.mark.parametrize("name", ["core", *sorted(CONTEXTS)])
def test_shipped_constitution_loads_with_its_data(monkeypatch, name):
    monkeypatch.delenv("REASONWATCH_DATA")
    missing = [pid for pid in CORE_IDS if not (REPO_DATA / f"{pid}.jsonl").is_file()]
    if missing:
        pytest.skip(f"data files not written yet: {', '.join(f'data/{m}.jsonl' for m in missing)}")
    c = load_constitution(name)
    assert isinstance(c, Constitution)
    assert all(d.is_file() and REPO_DATA.resolve() in d.parents for p in c.principles for d in p.datasets)
