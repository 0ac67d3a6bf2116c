"""The one place that registers hooks on a model.

Every other module (capture, watch) asks this one. Vocabulary:

- **block** *i*: the *i*-th decoder block. Its **site** reads the residual stream *after* block *i*, i.e.
  ``output_hidden_states[i + 1]`` of a HuggingFace model. Negative indices count from the last block.
- ``"embed"``: the residual stream entering block 0 (the embedding output, ``output_hidden_states[0]``).
- ``"input_ids"``: not a residual site: the token ids entering the input embedding, ``[batch, pos]``
  (read only). Every forward pass, prefill or decode step, passes here first.
- ``"logits"``: not a residual site: the output of the language-model head, ``[batch, pos, vocab]``
  (a hook may edit it in place; the monitor's escalation uses it to force end-of-sequence).
- On a TransformerLens ``TransformerBridge`` the same sites are its hook points
  ``blocks.{i}.hook_resid_post`` and ``blocks.0.hook_resid_pre``; any other hook-point name (e.g.
  ``"blocks.3.hook_attn_out"``) is a site of its own.

Lifecycle of :class:`ResidualHooks`: sites are resolved (a bad layer raises here, before anything is
registered), hooks are registered on ``__enter__`` inside ``try``, and removed on ``__exit__`` whatever
happened inside, including an exception in the middle of registration. ``remove()`` is idempotent. Only
the handles this object created are removed, never anyone else's hooks. The model's modules, forward
methods and parameters are never replaced.

A hook function receives ``(site_key, hidden)`` with ``hidden`` of shape ``[batch, pos, d_model]`` and
returns ``None`` (read only) or a tensor of the same shape that replaces the residual stream there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union

import torch
from torch import nn

SiteKey = Union[int, str]
HookFn = Callable[[SiteKey, torch.Tensor], Union[torch.Tensor, None]]

# Attribute paths to the decoder-block list, most common first.
BLOCK_PATHS = (
    "model.layers",                  # Llama, Mistral, Qwen2/3, Gemma 1-2, Phi-3, OLMo, SmolLM
    "model.language_model.layers",   # Gemma 3, multimodal wrappers
    "transformer.h",                 # GPT-2, GPT-J, Falcon, BLOOM
    "gpt_neox.layers",               # GPT-NeoX, Pythia
    "model.decoder.layers",          # OPT
    "transformer.blocks",            # MPT
    "layers",                        # a bare decoder passed in
)


class LayerError(IndexError, ValueError):
    """A layer index or site name that the model does not have."""


def _get_path(root: Any, path: str) -> Any:
    obj = root
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def is_bridge(model: Any) -> bool:
    """True for a TransformerLens TransformerBridge (anything with hook points and a wrapped HF model)."""
    return hasattr(model, "hook_dict") and hasattr(model, "original_model")


def find_blocks(model: nn.Module, block_path: str | None = None) -> tuple[str, nn.ModuleList]:
    """Find the decoder-block list of a HuggingFace causal LM.

    Tries ``block_path`` if given, else the known paths in :data:`BLOCK_PATHS`, else the longest
    ``nn.ModuleList`` whose length equals ``config.num_hidden_layers``.

    Returns:
        ``(path, blocks)``.
    """
    if is_bridge(model):
        model = model.original_model
    if block_path is not None:
        try:
            blocks = _get_path(model, block_path)
        except AttributeError as err:
            raise LayerError(f"block_path {block_path!r} does not exist on {type(model).__name__}") from err
        if not isinstance(blocks, nn.ModuleList):
            raise LayerError(f"block_path {block_path!r} is a {type(blocks).__name__}, not an nn.ModuleList")
        return block_path, blocks
    for path in BLOCK_PATHS:
        try:
            blocks = _get_path(model, path)
        except AttributeError:
            continue
        if isinstance(blocks, nn.ModuleList) and len(blocks) > 0:
            return path, blocks
    n_layers = getattr(getattr(model, "config", None), "num_hidden_layers", None)
    candidates = [(name, mod) for name, mod in model.named_modules()
                  if isinstance(mod, nn.ModuleList) and len(mod) > 0
                  and (n_layers is None or len(mod) == n_layers)]
    if candidates:
        return max(candidates, key=lambda nm: len(nm[1]))
    raise LayerError(
        f"Could not find the decoder blocks of {type(model).__name__}: none of {', '.join(BLOCK_PATHS)} "
        f"exists. Pass block_path='...' naming its nn.ModuleList of blocks.")


def n_layers(model: Any, block_path: str | None = None) -> int:
    """Number of decoder blocks."""
    return len(find_blocks(model, block_path)[1])


def resolve_layer(model: Any, layer: SiteKey, block_path: str | None = None) -> SiteKey:
    """Normalise a site key: negative block indices count from the last block; names are checked."""
    if isinstance(layer, str):
        if layer in ("embed", "input_ids", "logits"):
            return layer
        if is_bridge(model):
            if layer not in model.hook_dict:
                raise LayerError(f"{layer!r} is not a hook point of this TransformerBridge "
                                 f"(e.g. 'blocks.0.hook_resid_post'; see bridge.hook_dict)")
            return layer
        if layer.lstrip("-").isdigit():
            return resolve_layer(model, int(layer), block_path)
        raise LayerError(f"Unknown site {layer!r}: use a block index or 'embed'")
    if isinstance(layer, bool) or not isinstance(layer, int):
        raise LayerError(f"Layer must be an int or 'embed', got {layer!r}")
    count = n_layers(model, block_path)
    if not -count <= layer < count:
        raise LayerError(f"Layer {layer} is out of range: this model has {count} blocks, "
                         f"so valid layers are 0..{count - 1} (or -{count}..-1 counting from the last)")
    return layer % count


def resolve_layers(model: Any, layers: Iterable[SiteKey], block_path: str | None = None) -> list[SiteKey]:
    """Resolve many site keys, dropping duplicates, keeping order."""
    out: list[SiteKey] = []
    for layer in layers:
        key = resolve_layer(model, layer, block_path)
        if key not in out:
            out.append(key)
    return out


def _first(output: Any) -> torch.Tensor:
    return output[0] if isinstance(output, tuple) else output


def _replace_first(output: Any, new: torch.Tensor) -> Any:
    return (new, *output[1:]) if isinstance(output, tuple) else new


@dataclass(frozen=True)
class _Site:
    module: nn.Module
    pre: bool  # read the module's input (forward pre-hook) instead of its output


def _site(model: Any, key: SiteKey, block_path: str | None) -> _Site:
    if key == "input_ids":
        hf = model.original_model if is_bridge(model) else model
        return _Site(hf.get_input_embeddings(), pre=True)
    if key == "logits":
        if is_bridge(model) and "unembed.hook_out" in model.hook_dict:
            return _Site(model.hook_dict["unembed.hook_out"], pre=False)
        hf = model.original_model if is_bridge(model) else model
        return _Site(hf.get_output_embeddings(), pre=False)
    if is_bridge(model):
        if key == "embed":
            return _Site(model.hook_dict["blocks.0.hook_resid_pre"], pre=False)
        name = key if isinstance(key, str) else f"blocks.{key}.hook_resid_post"
        return _Site(model.hook_dict[name], pre=False)
    _, blocks = find_blocks(model, block_path)
    if key == "embed":
        return _Site(blocks[0], pre=True)
    return _Site(blocks[key], pre=False)


class ResidualHooks:
    """Read (and optionally rewrite) the residual stream at chosen sites, as a context manager.

    Args:
        model: a HuggingFace causal LM or a TransformerLens ``TransformerBridge``.
        hooks: ``{site_key: fn}``; ``fn(site_key, hidden[batch, pos, d_model]) -> Tensor | None``.
        block_path: explicit attribute path of the block list, for architectures not found generically.

    Example:
        >>> seen = {}
        >>> with ResidualHooks(model, {3: lambda k, h: seen.setdefault(k, h)}):   # doctest: +SKIP
        ...     model(**batch)
    """

    def __init__(self, model: Any, hooks: Mapping[SiteKey, HookFn], *, block_path: str | None = None):
        self.model = model
        keys = resolve_layers(model, hooks.keys(), block_path)  # raises before anything is registered
        self._plan = [(key, _site(model, key, block_path), hooks[orig])
                      for key, orig in zip(keys, hooks.keys())]
        self._handles: list[torch.utils.hooks.RemovableHandle] = []

    @property
    def sites(self) -> list[SiteKey]:
        return [key for key, _, _ in self._plan]

    def __enter__(self) -> "ResidualHooks":
        try:
            for key, site, fn in self._plan:
                self._handles.append(self._register(key, site, fn))
        except BaseException:
            self.remove()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def remove(self) -> None:
        """Remove every hook this object registered. Safe to call more than once."""
        while self._handles:
            self._handles.pop().remove()

    @staticmethod
    def _register(key: SiteKey, site: _Site, fn: HookFn):
        if site.pre:
            def pre_hook(module, args, kwargs):
                if key == "input_ids":
                    fn(key, args[0] if args else kwargs["input"])
                    return None
                if args:
                    new = fn(key, args[0])
                    return None if new is None else ((new, *args[1:]), kwargs)
                new = fn(key, kwargs["hidden_states"])
                return None if new is None else (args, {**kwargs, "hidden_states": new})
            return site.module.register_forward_pre_hook(pre_hook, with_kwargs=True)

        def hook(module, args, output):
            new = fn(key, _first(output))
            return None if new is None else _replace_first(output, new)
        return site.module.register_forward_hook(hook)


def hook_snapshot(model: nn.Module) -> dict[str, tuple]:
    """Every module's hook dictionaries, for checking that a model is left as it was found."""
    names = ("_forward_hooks", "_forward_pre_hooks", "_backward_hooks", "_forward_hooks_with_kwargs",
             "_forward_pre_hooks_with_kwargs", "_backward_pre_hooks", "_forward_hooks_always_called")
    return {f"{mod_name}.{attr}": tuple(getattr(mod, attr, {}).items())
            for mod_name, mod in model.named_modules() for attr in names}
