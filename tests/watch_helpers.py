"""Build probe bundles with planted directions for tests (no training needed)."""

from __future__ import annotations

import torch

from reasonwatch.bundle import PrincipleProbe, ProbeBundle
from reasonwatch.models import fingerprint


def tiny_llama(eos: int | None = None):
    """The tiny random Llama the watch tests generate with (vocab 512, pad 0, optionally an EOS id)."""
    from conftest import make_tiny_model
    model = make_tiny_model("llama", vocab_size=512, seed=3)
    model.generation_config.pad_token_id = 0
    if eos is not None:
        model.generation_config.eos_token_id = eos
    return model


def padded_prompts():
    """Four random prompts of 9 tokens, rows 1 and 3 left-padded."""
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(5, 500, (4, 9), generator=g)
    mask = torch.ones_like(ids)
    ids[1, :3], mask[1, :3] = 0, 0
    ids[3, :5], mask[3, :5] = 0, 0
    return {"input_ids": ids, "attention_mask": mask}


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
