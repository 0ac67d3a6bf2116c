"""Capture throughput: examples/s captured to HDF5 against a plain forward pass over the same batches.

Default model, CPU, 3 layers, 512 examples (from data/*.jsonl, else synthetic chats). Runs alternate
(plain, capture, plain, capture, ...) so drift in machine load hits both alike; medians are reported.
A second part captures many examples in a child process and reports its peak RSS against the RSS after
loading the model, to show that memory does not grow with the number of examples.

    python -m benchmarks.capture_throughput [--examples 512] [--repeats 3] [--memory-examples 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

from benchmarks.common import median_ci, write_result

LAYERS = [8, 16, 24]


def corpus(n: int) -> list[dict]:
    from reasonwatch.data import load_examples
    root = Path(__file__).resolve().parents[1] / "data"
    examples = []
    for path in sorted(root.glob("*.jsonl")):
        examples += [{"id": f"{path.stem}:{e.id}", "messages": e.chat()} for e in load_examples(path)]
    if not examples:
        examples = [{"id": f"s{i}", "messages": [{"role": "user", "content": f"Question {i}: " + "why " * (i % 40)},
                                                  {"role": "assistant", "content": "Because " * (5 + i % 30)}]}
                    for i in range(n)]
    while len(examples) < n:
        examples += [dict(e, id=f"{e['id']}#{len(examples)}") for e in examples[: n - len(examples)]]
    return examples[:n]


def plain_forward(model, tok, examples, batch_size: int) -> float:
    """Seconds for plain forward passes over exactly the batches capture uses."""
    from reasonwatch.capture import render
    rendered = sorted(render(tok, examples), key=lambda r: len(r.input_ids))
    start = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(rendered), batch_size):
            batch = rendered[i:i + batch_size]
            width = max(len(r.input_ids) for r in batch)
            ids = torch.full((len(batch), width), tok.pad_token_id)
            mask = torch.zeros_like(ids)
            for row, r in enumerate(batch):
                ids[row, width - len(r.input_ids):] = torch.tensor(r.input_ids)
                mask[row, width - len(r.input_ids):] = 1
            model(input_ids=ids, attention_mask=mask, position_ids=(mask.cumsum(-1) - 1).clamp(min=0),
                  use_cache=False)
    return time.perf_counter() - start


def capture_once(model, tok, examples, batch_size: int, out: Path) -> float:
    from reasonwatch.capture import capture_to_store
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    capture_to_store(model, tok, examples, LAYERS, out, batch_size=batch_size, progress=False).close()
    return time.perf_counter() - start


def memory_child(n: int, batch_size: int) -> dict:
    """Run in a child process: RSS after model load, then peak RSS over a capture of n examples."""
    from reasonwatch.capture import capture_to_store
    from reasonwatch.models import load_model
    model, tok = load_model()
    # short plain texts keep 10,000 examples affordable on a CPU; memory depends on batches, not length
    examples = [{"id": f"m{i}", "text": f"Note {i}: the parcel for order {i * 7} ships on day {i % 28}."}
                for i in range(n)]
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with capture_to_store(model, tok, examples, LAYERS, Path(tmp) / "m.h5", batch_size=batch_size,
                              progress=False) as store:
            rows = store.n_rows
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    one_batch_mb = batch_size * len(LAYERS) * 576 * 4 / 2**20
    return {"examples": n, "example_kind": "short plain texts (~20 tokens)", "rows": rows, "seconds": seconds, "rss_after_load_mb": baseline,
            "peak_rss_mb": peak, "growth_mb": peak - baseline, "one_batch_of_activations_mb": one_batch_mb}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=512)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory-examples", type=int, default=10000, help="0 skips the memory part")
    parser.add_argument("--memory-child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, args.batch_size)))
        return {}

    from reasonwatch.models import load_model
    model, tok = load_model()
    examples = corpus(args.examples)
    plain, captured = [], []
    with tempfile.TemporaryDirectory() as tmp:
        plain_forward(model, tok, examples[:32], args.batch_size)  # warm-up
        for _ in range(args.repeats):
            plain.append(plain_forward(model, tok, examples, args.batch_size))
            captured.append(capture_once(model, tok, examples, args.batch_size, Path(tmp) / "c.h5"))
    plain_eps = [len(examples) / s for s in plain]
    capture_eps = [len(examples) / s for s in captured]
    ratio = [c / p for c, p in zip(capture_eps, plain_eps)]
    result = {
        "model": "SmolLM2-135M-Instruct", "layers": LAYERS, "examples": len(examples),
        "batch_size": args.batch_size, "store_dtype": "float16",
        "plain_forward_examples_per_s": median_ci(plain_eps),
        "capture_examples_per_s": median_ci(capture_eps),
        "capture_over_plain": median_ci(ratio),
        "target": "capture >= 0.90 of plain-forward throughput",
        "note": "capture stops each forward pass after the deepest requested block (24 of 30), so it "
                "skips the last blocks, the final norm and the LM head that a plain forward pays for",
    }
    print(f"plain forward: {result['plain_forward_examples_per_s']['median']:.1f} ex/s   "
          f"capture to HDF5: {result['capture_examples_per_s']['median']:.1f} ex/s   "
          f"ratio: {result['capture_over_plain']['median']:.3f}")
    if args.memory_examples:
        out = subprocess.run([sys.executable, "-m", "benchmarks.capture_throughput", "--memory-child",
                              str(args.memory_examples), "--batch-size", str(args.batch_size)],
                             capture_output=True, text=True, check=True,
                             cwd=Path(__file__).resolve().parents[1])
        mem = json.loads(out.stdout.strip().splitlines()[-1])
        result["memory"] = mem
        print(f"memory: {mem['examples']} examples, RSS after load {mem['rss_after_load_mb']:.0f} MB, "
              f"peak {mem['peak_rss_mb']:.0f} MB (+{mem['growth_mb']:.0f} MB)")
    path = write_result("capture_throughput", result)
    print(f"-> {path}")
    return result


if __name__ == "__main__":
    main()
