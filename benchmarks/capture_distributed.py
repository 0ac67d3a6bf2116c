"""Data-parallel capture: examples/s captured to HDF5 by 1 and by 2 processes (torchrun, gloo, CPU).

Default model, 3 layers, examples from data/*.jsonl (as ``benchmarks.capture_throughput``), one thread per
process (``OMP_NUM_THREADS=1``), so 2 processes use 2 cores. Each run is a fresh
``python -m torch.distributed.run --standalone --nproc-per-node N`` launch; 1 process is the same launcher
with a world of one (the plain single-process store). Inside a run, every rank loads the model, warms up on
a few examples, waits at a barrier, and then the timed part is one ``capture_to_store`` call: from that
barrier until the merged store is open on rank 0 (every shard written, the manifest written). Process
start-up and model loading are reported apart. Runs alternate (1, 2, 1, 2, ...) so that drift in machine
load hits both alike; medians over the repeats are reported. The store is checked to hold every example
(the merged one in input order).

    python -m benchmarks.capture_distributed [--examples 128] [--repeats 3] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median_ci, write_result

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [8, 16, 24]


def worker(n: int, batch_size: int, out: Path) -> None:
    """One rank of a launched run; rank 0 prints a JSON line with the timings."""
    import torch

    from benchmarks.capture_throughput import corpus
    from reasonwatch import distributed
    from reasonwatch.capture import capture_to_store
    from reasonwatch.models import load_model

    started = time.perf_counter()
    torch.set_num_threads(1)
    world = distributed.current()
    model, tok = load_model()
    examples = corpus(n)
    with distributed.local():   # warm-up outside the timed part, each rank on its own
        capture_to_store(model, tok, examples[:4], LAYERS, out / f"warmup-{world.rank}.h5", batch_size=batch_size,
                         progress=False).close()
    ready = time.perf_counter() - started
    distributed.barrier()
    t0 = time.perf_counter()
    with capture_to_store(model, tok, examples, LAYERS, out / "acts.h5", batch_size=batch_size,
                          progress=False) as store:
        seconds = time.perf_counter() - t0
        ids = store.ids.tolist()
        kind = type(store).__name__
    if world.is_main:
        want = [e["id"] for e in examples]   # a plain store holds them in capture (length) order
        ok = ids == want if world.sharded else sorted(ids) == sorted(want)
        print(json.dumps({"world_size": world.size, "examples": len(examples), "seconds": seconds,
                          "startup_seconds": ready, "store": kind, "complete": ok}))


def launch(nproc: int, n: int, batch_size: int) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", str(nproc),
               "-m", "benchmarks.capture_distributed", "--worker", "--examples", str(n),
               "--batch-size", str(batch_size), "--out", tmp]
        load = os.getloadavg()[0]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{nproc}-process run failed:\n{proc.stderr[-4000:]}")
    out = json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])
    return out | {"load_average_1m_before": round(load, 2)}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.examples, args.batch_size, Path(args.out))
        return {}

    runs: dict = {1: [], 2: []}
    for _ in range(args.repeats):
        for nproc in (1, 2):
            r = launch(nproc, args.examples, args.batch_size)
            assert r["complete"] and r["world_size"] == nproc, r
            runs[nproc].append(r)
            print(f"{nproc} process(es): {r['examples'] / r['seconds']:.2f} examples/s "
                  f"({r['seconds']:.1f} s; start-up {r['startup_seconds']:.1f} s; {r['store']})", flush=True)
    eps = {k: [r["examples"] / r["seconds"] for r in v] for k, v in runs.items()}
    ratio = [b / a for a, b in zip(eps[1], eps[2])]
    result = {
        "model": "SmolLM2-135M-Instruct", "layers": LAYERS, "examples": args.examples,
        "batch_size": args.batch_size, "store_dtype": "float16", "threads_per_process": 1,
        "launcher": "torch.distributed.run --standalone (gloo, CPU)",
        "examples_per_s_1_process": median_ci(eps[1]),
        "examples_per_s_2_processes": median_ci(eps[2]),
        "ratio_2_over_1": median_ci(ratio),
        "ideal_ratio": 2.0,
        "startup_seconds": {k: median_ci([r["startup_seconds"] for r in v]) for k, v in runs.items()},
        "runs": {str(k): v for k, v in runs.items()},
        "note": "timed from a barrier after model loading and warm-up until the merged store is open: "
                "tokenizing every example on every rank to plan the shards, each rank's shard, and the "
                "manifest. The machine has as many cores as processes and is shared with other jobs; "
                "see load_average_1m in the environment.",
    }
    print(f"1 process: {result['examples_per_s_1_process']['median']:.2f} ex/s   "
          f"2 processes: {result['examples_per_s_2_processes']['median']:.2f} ex/s   "
          f"ratio: {result['ratio_2_over_1']['median']:.2f} (ideal 2)")
    path = write_result("capture_distributed", result)
    print(f"-> {path}")
    return result


if __name__ == "__main__":
    main()
