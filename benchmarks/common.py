"""Shared helpers for benchmarks: environment description and result files."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
RESULTS_ENV = "REASONWATCH_RESULTS"
"""Environment variable that, when set, redirects every result file (``python -m benchmarks --quick``
sets it to ``results/quick`` so that quick runs never overwrite the committed full results)."""


def results_dir() -> Path:
    """Where result files go: ``$REASONWATCH_RESULTS`` if set, else ``benchmarks/results``."""
    override = os.environ.get(RESULTS_ENV)
    return Path(override).resolve() if override else RESULTS


def environment() -> dict:
    import torch

    import reasonwatch
    env = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "reasonwatch": reasonwatch.__version__,
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "torch_threads": torch.get_num_threads(),
        "load_average_1m": round(os.getloadavg()[0], 2),   # other jobs on the machine skew timings
    }
    try:
        import transformers
        env["transformers"] = transformers.__version__
    except ImportError:
        pass
    return env


def write_result(name: str, result: dict) -> Path:
    out = results_dir()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    payload = {"benchmark": name, "environment": environment(), **result}
    path.write_text(json.dumps(payload, indent=2, default=float) + "\n")
    return path


def median_ci(values: list[float], n_boot: int = 2000, seed: int = 0) -> dict:
    """Median with a bootstrap 95% interval and the spread (min, max)."""
    import numpy as np
    arr = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    boots = np.median(rng.choice(arr, size=(n_boot, len(arr)), replace=True), axis=1)
    return {"median": float(statistics.median(values)), "ci95": [float(np.percentile(boots, 2.5)),
            float(np.percentile(boots, 97.5))], "min": float(arr.min()), "max": float(arr.max()),
            "n": len(values)}
