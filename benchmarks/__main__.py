"""Run the benchmarks in one go, then write the Markdown summary.

    python -m benchmarks [--quick] [--only accuracy,throughput,overhead,steering,efficacy,drift] [--results DIR]

Full runs write to ``benchmarks/results/``; ``--quick`` runs every benchmark at CI size and writes to
``benchmarks/results/quick/`` (through ``$REASONWATCH_RESULTS``, which ``benchmarks.common.write_result``
honours), so a quick run never overwrites the committed full results. ``--results`` (or the variable
set by the caller) chooses another folder. On a machine with a GPU the overhead benchmark also runs its
GPU section. A benchmark that fails is reported and the others still run; the exit status is 1 then.

On a machine shared with other jobs, PyTorch's default of one thread per core oversubscribes the CPU
and decoding slows several-fold (2 vs 11 tokens/s for SmolLM2-135M with a 2-core machine under load);
``OMP_NUM_THREADS=1`` keeps a quick run short (the test suite runs it that way). Every result records
``torch_threads`` and the load average in its environment.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import RESULTS, RESULTS_ENV, results_dir

# name -> (module, full-run argv, quick-run argv)
BENCHMARKS = {
    "accuracy": ("benchmarks.probe_accuracy", [], ["--quick"]),
    "throughput": ("benchmarks.capture_throughput", [],
                   ["--examples", "32", "--repeats", "1", "--memory-examples", "0"]),
    "overhead": ("benchmarks.overhead", [], ["--new-tokens", "16", "--repeats", "2"]),
    "steering": ("benchmarks.steering", [], ["--quick"]),
    "efficacy": ("benchmarks.principle_efficacy", [], ["--quick"]),
    "drift": ("benchmarks.drift", [], ["--quick"]),
}
ALIASES = {"principle_efficacy": "efficacy", "probe_accuracy": "accuracy", "capture_throughput": "throughput", "capture": "throughput"}
GPU_OVERHEAD = (["--device", "cuda"], ["--device", "cuda", "--shapes", "135m", "--new-tokens", "16", "--repeats", "2"])


def plan(only: list[str] | None, quick: bool, gpu: bool) -> list[tuple[str, str, list[str]]]:
    """``(label, module, argv)`` in run order."""
    names = list(BENCHMARKS) if not only else [ALIASES.get(x, x) for x in only]
    unknown = [x for x in names if x not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {unknown}; choose from {', '.join(BENCHMARKS)}")
    out = []
    for name in names:
        module, full, fast = BENCHMARKS[name]
        out.append((name, module, fast if quick else full))
        if name == "overhead" and gpu:
            out.append(("overhead_gpu", module, GPU_OVERHEAD[1] if quick else GPU_OVERHEAD[0]))
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized runs, results in results/quick/")
    parser.add_argument("--only", default=None, help=f"comma-separated subset of {', '.join(BENCHMARKS)}")
    parser.add_argument("--results", default=None, help="results folder (default: results/ or results/quick/)")
    parser.add_argument("--no-summary", action="store_true", help="skip writing SUMMARY.md")
    args = parser.parse_args(argv)

    if args.results:
        os.environ[RESULTS_ENV] = str(Path(args.results).resolve())
    elif args.quick and RESULTS_ENV not in os.environ:
        os.environ[RESULTS_ENV] = str(RESULTS / "quick")
    out_dir = results_dir()

    import torch
    gpu = torch.cuda.is_available()
    only = [x.strip() for x in args.only.split(",") if x.strip()] if args.only else None
    runs = {}
    for label, module, bench_argv in plan(only, args.quick, gpu):
        print(f"\n=== {label}: python -m {module} {' '.join(bench_argv)}", flush=True)
        if importlib.util.find_spec(module) is None:
            runs[label] = {"status": "skipped", "note": f"{module} does not exist yet"}
            print(f"skipped: {module} does not exist", flush=True)
            continue
        start = time.perf_counter()
        try:
            importlib.import_module(module).main(bench_argv)
            runs[label] = {"status": "ok"}
        except Exception as err:  # one failing benchmark must not hide the others' results
            traceback.print_exc()
            runs[label] = {"status": "failed", "error": f"{type(err).__name__}: {err}"}
        runs[label].update(module=module, argv=bench_argv, seconds=round(time.perf_counter() - start, 1))
        print(f"--- {label}: {runs[label]['status']} in {runs[label]['seconds']:.0f} s", flush=True)

    out_dir.mkdir(parents=True, exist_ok=True)
    record = {"quick": args.quick, "gpu": gpu, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "runs": runs}
    (out_dir / "runs.json").write_text(json.dumps(record, indent=2) + "\n")
    if not args.no_summary:
        from benchmarks import summary
        summary.main(["--results", str(out_dir)])
    print("\n" + "\n".join(f"{k:14s} {v['status']:8s} {v.get('seconds', 0):6.0f} s" for k, v in runs.items()))
    record["failed"] = [k for k, v in runs.items() if v["status"] == "failed"]
    return record


if __name__ == "__main__":
    sys.exit(1 if main()["failed"] else 0)
