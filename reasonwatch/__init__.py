"""reasonwatch: watch an open-weights language model think.

Hooks read the residual stream while ``model.generate()`` runs, one linear probe per principle of a
constitution scores every decoding step, and a steering vector corrects the model inline when the
scores trend toward a violation. Importing the package is cheap: torch-heavy modules, transformer-lens
and matplotlib load on first use.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it (imported on first access)
# (modules are named apart from the functions they export, so `reasonwatch.watch` is always the function
# and `reasonwatch.capture` always the module)
_EXPORTS = {
    "load_model": "models", "fingerprint": "models", "DEFAULT_MODEL": "models", "ModelLoadError": "models",
    "ResidualHooks": "hooks", "find_blocks": "hooks", "LayerError": "hooks",
    "capture_to_store": "capture", "Activations": "capture", "CaptureError": "capture",
    "ActivationStore": "store", "StoreError": "store",
    "load_constitution": "constitution", "Constitution": "constitution", "ConstitutionError": "constitution",
    "load_examples": "data", "DatasetError": "data",
    "ProbeBundle": "bundle", "load_bundle": "bundle", "BundleError": "bundle",
    "train_bundle": "train", "score_texts": "scoring", "evaluate_file": "evaluate", "EvalResult": "evaluate",
    "ShardedActivationStore": "distributed",
    "watch": "monitor", "SteerPolicy": "steer", "TrendConfig": "monitor", "Trace": "trace",
    "AuditLog": "audit", "verify_log": "audit", "DriftTracker": "drift", "InteractionSummary": "drift",
    "PrivacyBudget": "privacy", "render_report": "report",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reasonwatch' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
