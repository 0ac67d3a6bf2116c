"""The notebooks in notebooks/ run top to bottom, headless, and show what they claim to show.

Each notebook is copied into a temporary folder and executed there once, with nbclient (kernel
``python3``), in a subprocess that runs as a background job beside the rest of the suite (conftest's
``Background``). A check cell is appended to the copy before it runs: it asserts on the notebook's own
variables in the same kernel (the quickstart's trace scores every principle of the bundle, the tampered
audit log fails verification, the drift tracker alarmed, ...), so a notebook that runs without error but
no longer demonstrates its point fails here too. The committed notebooks are also checked to carry their
outputs.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import Job, threads_for_subprocesses

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
CELL_TIMEOUT = 600

CHECKS = {
    "01_quickstart.ipynb": """
import numpy as np
assert trace.scores.shape[0] == len(prompts) and trace.scores.shape[2] == len(bundle.principles)
assert trace.principles == bundle.ids
assert np.isfinite(trace.scores).all()
assert torch.equal(out, unwatched), "watching without steering changed the output"
assert "harmlessness" in before.fired(0), "the harmful request did not fire harmlessness"
assert any(c["principle"] == "harmlessness" for c in after.corrections), "no correction was applied"
assert not before.corrections
assert not np.array_equal(before.tokens, after.tokens), "the correction changed nothing"
assert after.display_text(0) != before.text(0), "what the user is shown did not change"
assert "<span" in trace._repr_html_()
assert [c["release"] for c in released.corrections] == [True], "the over-refusal was not released"
""",
    "02_your_own_principle.ipynb": """
import math
assert len(examples) >= 60 and {e.split for e in examples} == {"train", "val", "test"}
assert PID in legal.ids and legal.lineage == ("core", "legal_help")
test = new.principle(PID).metrics["test"]
assert math.isfinite(test["auroc"]) and test["auroc"] >= 0.9, test
assert set(result.fits[PID].val_auroc_by_layer) == set(LAYERS)
assert png.is_file() and png.stat().st_size > 5000
assert merged.ids == shipped.ids + (PID,) and merged.sha256 and merged.sha256 != shipped.sha256
assert trace.principles == merged.ids and trace.scores.shape[2] == len(merged.ids)
""",
    "03_audit_and_drift.ipynb": """
assert verify_log(work / "audit.jsonl").ok
assert not edited.ok and edited.first_bad_record == edited_seq, edited
assert not deleted.ok
assert any(a.principle == "harmlessness" and i >= SHIFT_AT for i, a in alarms), alarms
assert any(r["kind"] == "drift_alarm" for r in read_records(work / "audit.jsonl"))
assert budget.remaining < 1e-9 and len(budget.spends) == 2
assert 'data-status="OK"' in page or "data-status='OK'" in page, "the report does not show a verified log"
""",
    "04_transformerlens.ipynb": """
import numpy as np
assert np.array_equal(hf.tokens, tl.tokens)
assert np.abs(hf.scores - tl.scores).max() < 1e-3
assert np.abs(rebuilt - x[6]).max() < 1e-3
assert len(results) == len(BLOCKS) * len(COMPONENTS), results
assert all(0.5 < auc <= 1.0 for auc, _ in results.values()), results
""",
}


def notebooks() -> list[str]:
    return sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))


def _outputs(nb, kind: str) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if kind in o.get("data", {})]


def test_every_notebook_has_checks():
    assert notebooks(), "no notebooks found"
    assert set(notebooks()) == set(CHECKS)


@pytest.mark.parametrize("name", notebooks())
def test_committed_notebook_carries_its_outputs(name):
    """The repository shows executed notebooks: every code cell ran, in order, without errors."""
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in cells]
    assert None not in counts, f"{name}: cells {[i for i, n in enumerate(counts) if n is None]} were not run"
    assert counts == sorted(counts), f"{name}: cells were run out of order"
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"], f"{name} has an error output"
    assert _outputs(nb, "image/png"), f"{name} shows no figure"


# the kernel subprocess: run every cell (CELL_TIMEOUT each), write the executed copy back even on error
RUNNER = """
import sys
from pathlib import Path
import nbclient, nbformat
path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
client = nbclient.NotebookClient(nb, timeout=int(sys.argv[2]), kernel_name="python3",
                                 resources={"metadata": {"path": str(path.parent)}})
try:
    client.execute()   # raises CellExecutionError (with the cell and traceback) on any error
finally:
    nbformat.write(nb, path)
"""
EXPECTED_SECONDS = {"04_transformerlens.ipynb": 90, "03_audit_and_drift.ipynb": 35,
                    "02_your_own_principle.ipynb": 30, "01_quickstart.ipynb": 20}   # alone, one thread


def _notebook_job(name: str):
    def make(workdir: Path) -> Job:
        work = workdir / "notebooks"
        work.mkdir()
        (workdir / "tmp").mkdir()
        shutil.copy(NOTEBOOK_DIR / name, work / name)
        nb = nbformat.read(work / name, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(CHECKS[name].strip() + "\nprint('NOTEBOOK CHECKS PASSED')"))
        nbformat.write(nb, work / name)
        env = {  # the kernel must import this checkout's package even when it is not installed
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "TMPDIR": str(workdir / "tmp"),       # the notebooks' tempfile.mkdtemp() folders land here
            "OMP_NUM_THREADS": threads_for_subprocesses()}
        return Job([sys.executable, "-c", RUNNER, str(work / name), str(CELL_TIMEOUT)], cwd=work, env=env,
                   timeout=4 * CELL_TIMEOUT, expected_s=EXPECTED_SECONDS.get(name, 60))
    return make


BACKGROUND_JOBS = {f"notebook:{name}": _notebook_job(name) for name in notebooks()}


@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.background(f"notebook:{n}"))
                                  for n in notebooks()])
def test_notebook_runs_headless(name, background):
    run = background.result(f"notebook:{name}")
    assert run.returncode == 0, f"{name} failed after {run.seconds:.0f} s:\n{run.tail()}"
    nb = nbformat.read(run.workdir / "notebooks" / name, as_version=4)
    last = nb.cells[-1].outputs
    assert any("NOTEBOOK CHECKS PASSED" in o.get("text", "") for o in last), last
    assert _outputs(nb, "image/png"), f"{name} produced no figure"
    if name == "01_quickstart.ipynb":
        views = [o["data"]["text/html"] for o in _outputs(nb, "text/html")]
        assert any("sequence 0" in v and "<span" in v for v in views), "the trace's HTML view is missing"
