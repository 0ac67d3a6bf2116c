"""Shared fixtures: the real default model (loaded once per session) and tiny seeded random models."""

from __future__ import annotations

import pytest
import torch


@pytest.fixture(scope="session")
def default_model():
    """(model, tokenizer) of SmolLM2-135M-Instruct, the real default model."""
    import reasonwatch
    return reasonwatch.load_model()


@pytest.fixture(scope="session")
def tokenizer(default_model):
    return default_model[1]


TINY_ARCHS = ("llama", "qwen2", "gemma", "gpt2")


def make_tiny_model(arch: str, vocab_size: int = 49152, seed: int = 0):
    """A tiny random decoder (hidden 64, 3 blocks) of the given architecture, built from a config."""
    from transformers import AutoConfig, AutoModelForCausalLM

    torch.manual_seed(seed)
    if arch == "gpt2":
        config = AutoConfig.for_model("gpt2", vocab_size=vocab_size, n_embd=64, n_layer=3, n_head=4,
                                      n_positions=512)
    else:
        kwargs = dict(vocab_size=vocab_size, hidden_size=64, intermediate_size=128, num_hidden_layers=3,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512)
        if arch == "gemma":
            kwargs["head_dim"] = 16
        config = AutoConfig.for_model(arch, **kwargs)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    return model.eval()


@pytest.fixture(scope="session")
def tiny_factory():
    return make_tiny_model


@pytest.fixture(scope="session")
def bridge(tokenizer):
    """A TransformerBridge over its *own* copy of the default model: booting a bridge rewires the HF
    model it is given (its modules are wrapped in place), so it must not share the session's model."""
    from transformer_lens.model_bridge import TransformerBridge

    import reasonwatch
    from reasonwatch.models import default_model_dir
    model, _ = reasonwatch.load_model()
    return TransformerBridge.boot_transformers(str(default_model_dir()), hf_model=model, tokenizer=tokenizer,
                                               device="cpu")
