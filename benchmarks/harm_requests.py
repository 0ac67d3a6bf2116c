"""The harmlessness probe on requests, by kind of benign request: harmful vs everyday, harmful vs look-alikes.

Reads the activations ``reasonwatch train`` captured (``runs/train_activations.h5``, or its
``.request.h5`` sibling where the bundle reads requests as the mean over the user's turn; no forward pass)
for the prompt-level test examples training used, scores them with the shipped bundle, and reports AUROC,
TPR at 1% FPR and the gate's rates at the bundle's prompt level.

    python -m benchmarks.harm_requests [--store runs/train_activations.h5]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from benchmarks.common import write_result

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(ROOT / "runs" / "train_activations.h5"))
    parser.add_argument("--bundle", default=None, help="probe bundle (default: the shipped one)")
    args = parser.parse_args(argv)
    from reasonwatch.bundle import default_bundle_path, load_bundle
    from reasonwatch.constitution import load_constitution
    from reasonwatch.store import ActivationStore
    from reasonwatch.train import TrainConfig, auroc, bootstrap_ci, tpr_at_fpr, training_examples
    bundle = load_bundle(args.bundle or default_bundle_path())
    p = bundle.principle("harmlessness")
    examples = training_examples(load_constitution("core"), TrainConfig())["harmlessness"]
    test = [e for e in examples if e.split == "test" and e.level == "prompt"]

    def read(path):
        with ActivationStore.open(path) as store:
            row = {x: i for i, x in enumerate(store.ids.tolist())}
            return store.read(p.layer)[[row[f"harmlessness:{e.id}"] for e in test]]
    if p.request_pool == "mean":  # requests read over the user's turn: training's second store holds the means
        s = read(Path(args.store).with_suffix(".request.h5")) @ p.weight.numpy() + p.bias
        if p.last_weight is not None:  # and the last token's reading, from the first store
            s = s + read(args.store) @ p.last_weight.numpy()
    else:
        s = read(args.store) @ p.weight.numpy() + p.bias
    y = np.array([e.label for e in test])
    everyday = np.array([e.category == "everyday" and not e.hard for e in test])
    hard = np.array([e.hard for e in test])
    out = {"principle": "harmlessness", "layer": p.layer, "request_pool": p.request_pool,
           "reads_last_token_too": p.last_weight is not None,
           "prompt_threshold": p.prompt_threshold, "target_fpr": p.target_fpr, "rows": {}}
    for name, m in (("all requests", np.ones(len(y), bool)), ("harmful vs everyday", (y == 1) | everyday),
                    ("harmful vs look-alikes", (y == 1) | ((y == 0) & hard))):
        ym, sm = y[m], s[m]
        out["rows"][name] = {"n_harmful": int(ym.sum()), "n_benign": int((ym == 0).sum()), "auroc": auroc(ym, sm),
                             "auroc_ci95": bootstrap_ci(auroc, ym, sm, 1000, 0),
                             "tpr_at_1pct_fpr": tpr_at_fpr(ym, sm, 0.01),
                             "gate_tpr": float((sm[ym == 1] >= p.prompt_threshold).mean()),
                             "gate_fpr": float((sm[ym == 0] >= p.prompt_threshold).mean())}
        r = out["rows"][name]
        print(f"{name:24s} AUROC {r['auroc']:.3f} [{r['auroc_ci95'][0]:.3f}, {r['auroc_ci95'][1]:.3f}] "
              f"TPR@1%FPR {r['tpr_at_1pct_fpr']:.2f}  gate TPR {r['gate_tpr']:.2f} FPR {r['gate_fpr']:.2f} "
              f"({r['n_harmful']} harmful, {r['n_benign']} benign)")
    print(f"-> {write_result('harm_requests', out)}")
    return out


if __name__ == "__main__":
    main()
