"""The ``reasonwatch`` command line.

Each subcommand is a small function over the library; heavy imports happen inside it, so ``--help``
is instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEMO_EXAMPLES = Path(__file__).with_name("demo_examples.jsonl")


def _parse_layers(text: str) -> list:
    out = []
    for part in text.split(","):
        part = part.strip()
        out.append(int(part) if part.lstrip("-").isdigit() else part)
    return out


def cmd_demo(args) -> int:
    """Load the default model and capture the bundled example set to HDF5."""
    from .capture import capture_to_store
    from .models import load_model

    model, tok = load_model()
    examples = [json.loads(line) for line in DEMO_EXAMPLES.read_text().splitlines() if line.strip()]
    out = Path(args.out)
    with capture_to_store(model, tok, examples, _parse_layers(args.layers), out, position="auto",
                          progress=not args.quiet) as store:
        print(f"captured {store.n_examples} examples at layers {store.layers} "
              f"({store.d_model}-dim, {store.dtype}) -> {out.resolve()}")
    return 0


def cmd_capture(args) -> int:
    """Capture activations for a JSONL file of examples."""
    from .capture import capture_to_store
    from .data import load_inputs
    from .models import load_model

    model, tok = load_model(args.model)
    examples = load_inputs(args.input)
    position = args.position
    if "," in position:
        a, b = position.split(",")
        position = (int(a), int(b))
    with capture_to_store(model, tok, examples, _parse_layers(args.layers), args.out, position=position,
                          batch_size=args.batch_size, dtype=args.dtype, progress=not args.quiet) as store:
        print(f"{store.n_examples} examples, {store.n_rows} rows -> {Path(args.out).resolve()}")
    return 0


def cmd_train(args) -> int:
    """Rebuild the probe bundle from the constitution's data."""
    from .bundle import default_bundle_path
    from .constitution import load_constitution
    from .models import load_model
    from .train import TrainConfig, metrics_table, plot_auroc_by_layer, train_bundle

    constitution = load_constitution(args.constitution)
    model, tok = load_model(args.model)
    layers = None if args.layers == "all" else _parse_layers(args.layers)
    result = train_bundle(model, tok, constitution, store_path=args.store, layers=layers,
                          config=TrainConfig(n_boot=args.n_boot), batch_size=args.batch_size,
                          progress=not args.quiet)
    out = Path(args.out or default_bundle_path())
    result.bundle.save(out)
    table = metrics_table(result.bundle)
    (out.parent / f"{out.stem}.metrics.md").write_text(table)
    figure = plot_auroc_by_layer(result.fits, out.parent / f"{out.stem}.auroc_by_layer.png")
    print(table)
    print(f"bundle -> {out}\nmetrics -> {out.parent / (out.stem + '.metrics.md')}\nfigure -> {figure}")
    print(f"capture {result.seconds_capture:.0f} s, fitting {result.seconds_fit:.0f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reasonwatch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="load the default model and capture the bundled examples")
    p.add_argument("--out", default="runs/demo_activations.h5")
    p.add_argument("--layers", default="8,16,24")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("capture", help="capture activations for a JSONL file into an HDF5 store")
    p.add_argument("input", help="JSONL: {'text': ...} or {'messages': [...]} per line")
    p.add_argument("--out", required=True)
    p.add_argument("--model", default=None, help="model folder or hub id (default: SmolLM2-135M-Instruct)")
    p.add_argument("--layers", default="8,16,24", help="comma-separated block indices or 'embed'")
    p.add_argument("--position", default="auto",
                   help="last | all | response_mean | response | auto | START,END")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--dtype", default="float16", choices=["float16", "float32"])
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_capture)

    p = sub.add_parser("train", help="capture the constitution's data and train the probe bundle")
    p.add_argument("--constitution", default="core", help="a shipped name (core, medical, ...) or a TOML path")
    p.add_argument("--model", default=None)
    p.add_argument("--out", default=None, help="bundle path (default: probes/smollm2-core.safetensors)")
    p.add_argument("--store", default="runs/train_activations.h5",
                   help="activation cache; a rerun resumes and reuses it")
    p.add_argument("--layers", default="all", help="'all' or comma-separated block indices")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--n-boot", type=int, default=1000)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, RuntimeError, OSError, KeyError) as err:
        print(f"reasonwatch {args.command}: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
