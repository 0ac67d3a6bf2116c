"""Shared fixtures and helpers.

- The real default model, loaded once per session, and a float64 copy of it for tests that claim an
  identity (float32 kernels differ in their last bits with thread count, CPU and batch shape; in float64
  "equal up to rounding" holds to 1e-6 of a row's norm, far below what any real bug changes).
- Tiny seeded random models of several architectures, in float32 or float64.
- :func:`assert_rows_close`: activations compared row by row, relative to the row's residual norm.
- Background jobs: the long subprocess checks (the quick benchmark run, the notebooks) start as soon as
  the session knows it needs them and run beside the in-process tests; the tests that read their
  results are moved to the end of the session (see :class:`Background`).
- One thread per process (this one, the jobs, the notebooks' kernels) unless ``OMP_NUM_THREADS`` says
  otherwise: on a shared 2-core machine, processes with two threads each crawl (the suite took 25 min so,
  5 with one thread). The suite passes with any thread count.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
import torch


@pytest.fixture(scope="session")
def default_model():
    """(model, tokenizer) of SmolLM2-135M-Instruct, the real default model."""
    import reasonwatch
    return reasonwatch.load_model()


@pytest.fixture(scope="session")
def tokenizer(default_model):
    return default_model[1]


@pytest.fixture(scope="module")
def default_model_f64():
    """(model, tokenizer): its own copy of the default model in float64, for identities (padding
    invariance, capture == hidden_states) that float32 kernels only keep to their last bits."""
    import reasonwatch
    model, tok = reasonwatch.load_model()
    return model.to(torch.float64), tok


TINY_ARCHS = ("llama", "qwen2", "gemma", "gpt2")


def make_tiny_model(arch: str, vocab_size: int = 49152, seed: int = 0, dtype: torch.dtype = torch.float32):
    """A tiny random decoder (hidden 64, 3 blocks) of the given architecture, built from a config."""
    from transformers import AutoConfig, AutoModelForCausalLM

    torch.manual_seed(seed)
    if arch == "gpt2":
        config = AutoConfig.for_model("gpt2", vocab_size=vocab_size, n_embd=64, n_layer=3, n_head=4,
                                      n_positions=512)
    else:
        kwargs = dict(vocab_size=vocab_size, hidden_size=64, intermediate_size=128, num_hidden_layers=3,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512)
        if arch == "gemma":
            kwargs["head_dim"] = 16
        config = AutoConfig.for_model(arch, **kwargs)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)  # same init whatever the dtype
    return model.to(dtype).eval()


@pytest.fixture(scope="session")
def tiny_factory():
    return make_tiny_model


@pytest.fixture(scope="session")
def bridge(tokenizer):
    """A TransformerBridge over its *own* copy of the default model: booting a bridge rewires the HF
    model it is given (its modules are wrapped in place), so it must not share the session's model."""
    from transformer_lens.model_bridge import TransformerBridge

    import reasonwatch
    from reasonwatch.models import default_model_dir
    model, _ = reasonwatch.load_model()
    return TransformerBridge.boot_transformers(str(default_model_dir()), hf_model=model, tokenizer=tokenizer,
                                               device="cpu")


def assert_rows_close(actual, expected, rel: float, what: str = "") -> None:
    """Every row (one token's residual vector, ``[..., d_model]``) of ``actual`` within ``rel`` times
    that row's L2 norm of ``expected``, elementwise.

    Rounding errors scale with the size of the vector they come from: a late block's residual reaches
    norms of ~10³ (10⁴ on attention-sink tokens) while most of its elements are ~1, so a fixed atol is
    either meaningless on small rows or flaky on large ones. ``rel`` = 1e-6 is float32 rounding of a
    float64 computation; float32 kernels that differ (batch shape, threads, SDPA vs eager) reach ~1e-6.
    """
    a = torch.as_tensor(actual).double()
    e = torch.as_tensor(expected).double()
    assert a.shape == e.shape, f"{what}: shape {tuple(a.shape)} != {tuple(e.shape)}"
    err = (a - e).abs().amax(dim=-1)
    bound = rel * e.norm(dim=-1).clamp_min(1e-12)
    bad = err > bound
    if bad.any():
        i = int(torch.nonzero(bad.reshape(-1))[0])
        ratio = (err / bound).reshape(-1)
        raise AssertionError(f"{what}: {int(bad.sum())} of {bad.numel()} rows differ by more than {rel:g} of "
                             f"their norm; first row {i}: max |diff| {float(err.reshape(-1)[i]):.3g}, norm "
                             f"{float(e.norm(dim=-1).reshape(-1)[i]):.3g}; worst {float(ratio.max()):.3g} x the bound")


# ---- background jobs ------------------------------------------------------------------------------
def threads_for_subprocesses() -> str:
    """OMP_NUM_THREADS for test subprocesses: the caller's setting, else 1 (on a shared 2-core machine,
    processes with two threads each beside one another oversubscribe the cores and crawl)."""
    return os.environ.get("OMP_NUM_THREADS") or "1"


@dataclass
class Job:
    """A subprocess a test module asks for (``BACKGROUND_JOBS[key](workdir) -> Job``)."""
    argv: list
    cwd: Path
    env: dict = field(default_factory=dict)     # added to os.environ (as it was at collection)
    timeout: float = 900.0
    expected_s: float = 60.0                     # longest first


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    workdir: Path

    def tail(self, n: int = 5000) -> str:
        """The end of its output, without terminal colours (a notebook's traceback has them)."""
        plain = lambda text: re.sub(r"\x1b\[[0-9;]*m", "", text)  # noqa: E731
        return plain(self.stdout)[-n:] + plain(self.stderr)[-n:]


class Background:
    """Long subprocess jobs, run ``slots`` at a time beside the in-process tests.

    A test asks for job ``key`` of its module with ``@pytest.mark.background(key)``; the module maps
    keys to job factories in ``BACKGROUND_JOBS``. When collection ends, every job a selected test needs
    is queued (longest first) and those tests are moved to the end of the session, so the in-process
    tests run meanwhile; :meth:`result` waits for a job. Each job runs in its own temporary folder and
    process group; at the end of the session anything still running is killed and the folders removed.
    """

    def __init__(self, slots: int = 2):
        self._pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="background-job")
        self._futures: dict[str, Future] = {}
        self._procs: dict[str, subprocess.Popen] = {}
        self._lock = threading.Lock()
        self._closing = False
        self._root = tempfile.TemporaryDirectory(prefix="reasonwatch-tests-", ignore_cleanup_errors=True)

    def submit_all(self, makers: dict[str, Callable[[Path], Job]]) -> None:
        """Prepare every job (in this thread: a bad job fails in its tests' :meth:`result`) and queue
        them, longest first."""
        jobs = []
        for key, make in makers.items():
            workdir = Path(self._root.name) / key.replace("/", "_").replace(":", "_")
            workdir.mkdir(parents=True)
            try:
                job = make(workdir)
                # the environment as it is now, before any test's monkeypatch.setenv could leak into it
                job.env = {**os.environ, **job.env}
                jobs.append((key, job, workdir))
            except Exception as exc:          # noqa: BLE001 - reported by the tests that need the job
                failed: Future = Future()
                failed.set_exception(exc)
                self._futures[key] = failed
        for key, job, workdir in sorted(jobs, key=lambda j: -j[1].expected_s):
            self._futures[key] = self._pool.submit(self._run, key, job, workdir)

    def _run(self, key: str, job: Job, workdir: Path) -> Finished:
        start = time.perf_counter()
        with self._lock:
            if self._closing:
                raise RuntimeError(f"background job {key!r} was cancelled: the session is ending")
            proc = subprocess.Popen(job.argv, cwd=job.cwd, env=job.env, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
            self._procs[key] = proc
        try:
            out, err = proc.communicate(timeout=job.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            out, err = proc.communicate()
            err += f"\n[background job {key!r} killed after its timeout of {job.timeout:g} s]"
        return Finished(proc.returncode, out, err, time.perf_counter() - start, workdir)

    def result(self, key: str) -> Finished:
        if key not in self._futures:
            raise KeyError(f"background job {key!r} was never started (is its test marked "
                           f"@pytest.mark.background({key!r})?)")
        return self._futures[key].result()

    def close(self) -> None:
        with self._lock:
            self._closing = True
            for key, proc in self._procs.items():
                if proc.poll() is None:
                    _kill_group(proc)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._root.cleanup()


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill a job and its process group (a notebook's kernel has a session of its own, and exits when
    it sees its parent, the job, gone)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


_BACKGROUND: Background | None = None


def pytest_configure(config):
    if not os.environ.get("OMP_NUM_THREADS"):
        torch.set_num_threads(int(threads_for_subprocesses()))   # the same rule as the subprocesses
    config.addinivalue_line("markers", "background(key): reads the result of a background job of its "
                                       "module (BACKGROUND_JOBS[key]); runs at the end of the session")


@pytest.hookimpl(trylast=True)   # after -k / -m deselection: start only what the selected tests need
def pytest_collection_modifyitems(session, config, items):
    global _BACKGROUND
    wanted = []
    for item in items:
        for mark in item.iter_markers("background"):
            jobs = getattr(item.module, "BACKGROUND_JOBS", {})
            key = mark.args[0]
            if key not in jobs:
                raise pytest.UsageError(f"{item.nodeid}: no background job {key!r} in {item.module.__name__}")
            wanted.append((key, jobs[key]))
    if not wanted:
        return
    # stable: everything else first, in its usual order; the readers of background jobs last
    items.sort(key=lambda it: it.get_closest_marker("background") is not None)
    if config.option.collectonly:
        return
    _warm_model_cache()
    _BACKGROUND = Background()
    _BACKGROUND.submit_all(dict(wanted))


def _warm_model_cache() -> None:
    """Convert the default model once, here, before the jobs start: on a fresh machine each of them
    would otherwise de-quantize it (~20 s) at the same time."""
    from reasonwatch.models import ModelLoadError, default_model_dir, load_model
    if not (default_model_dir() / "model.safetensors").is_file():
        try:
            load_model()
        except ModelLoadError:
            pass            # the tests that need the model report it


def pytest_sessionfinish(session, exitstatus):
    global _BACKGROUND
    if _BACKGROUND is not None:
        _BACKGROUND.close()
        _BACKGROUND = None


@pytest.fixture(scope="session")
def background() -> Background:
    if _BACKGROUND is None:
        pytest.fail("no background jobs were started for this session")
    return _BACKGROUND


def write_tiny_constitution(folder):
    """A tiny constitution in ``folder``: two principles, 60 labelled chats each; returns the TOML path."""
    import json

    import numpy as np
    rng = np.random.default_rng(0)
    toml = ['[constitution]\nid = "tiny"\nversion = "1"\n']
    for pid, bad_word in (("calm", "furious"), ("truthful", "false")):
        lines = []
        for i in range(60):
            label, group = i % 2, f"{pid}-g{i // 4}"
            split = ("train", "train", "val", "test", "train")[(i // 4) % 5]
            words = " ".join(rng.choice(["alpha", "beta", "gamma", "delta", "omega"], size=5))
            answer = f"{words} {bad_word if label else 'fine'} {words}"
            lines.append(json.dumps({"id": f"{pid}-{i}", "messages": [{"role": "user", "content": f"q {i}"},
                                     {"role": "assistant", "content": answer}], "label": label,
                                     "level": "response", "group": group, "split": split}))
        (folder / f"{pid}.jsonl").write_text("\n".join(lines) + "\n")
        toml.append(f'[[principle]]\nid = "{pid}"\nstatement = "s"\nguidelines = ["g"]\n'
                    f'datasets = ["{pid}.jsonl"]\n')
    (folder / "tiny.toml").write_text("\n".join(toml))
    return folder / "tiny.toml"
