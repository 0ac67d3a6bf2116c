"""Build probe bundles with planted directions for tests (no training needed)."""

from __future__ import annotations

import torch

from reasonwatch.bundle import PrincipleProbe, ProbeBundle
from reasonwatch.models import fingerprint


def planted_bundle(model, specs) -> ProbeBundle:
    """``specs``: dicts with id, layer, weight [d], bias, threshold, and optional steer fields."""
    d = fingerprint(model)["d_model"]
    probes = []
    for s in specs:
        probes.append(PrincipleProbe(
            id=s["id"], layer=s["layer"], kind="logistic", weight=s["weight"].float(), bias=float(s.get("bias", 0.0)),
            threshold=float(s["threshold"]), warning=float(s.get("warning", s["threshold"])),
            score_mean=float(s.get("score_mean", 0.0)), score_std=float(s.get("score_std", 1.0)),
            steer_layer=s.get("steer_layer", s["layer"]),
            steer_vector=s.get("steer_vector", torch.ones(d)).float(), resid_norm=float(s.get("resid_norm", 1.0)),
            action=s.get("action", "add"), metrics={"prompt_level": s.get("prompt_level", False)}))
    return ProbeBundle(tuple(probes), fingerprint(model), {"id": "test"}, {})
