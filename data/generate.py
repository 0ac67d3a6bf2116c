"""Regenerate ``data/generated/*.jsonl`` from the generators in ``data/generators/`` (byte-identical per seed).

    python data/generate.py [--seed 0] [--only harm,truth]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generators.common import write  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", default=None, help="comma-separated generator module names")
    ap.add_argument("--out-dir", default=str(HERE / "generated"))
    args = ap.parse_args(argv)
    names = sorted(m.name for m in pkgutil.iter_modules([str(HERE / "generators")]) if m.name != "common")
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    by_principle: dict[str, list] = defaultdict(list)
    for name in names:
        module = importlib.import_module(f"generators.{name}")
        for principle, examples in module.generate(args.seed).items():
            by_principle[principle] += examples
    for principle, examples in sorted(by_principle.items()):
        path = write(principle, examples, args.seed, Path(args.out_dir))
        labels = sum(e["label"] for e in examples)
        print(f"{principle:24s} {len(examples):6d} examples ({labels} violating) -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
