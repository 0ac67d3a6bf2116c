"""Capture residual-stream activations for many examples, batched, to memory or to an HDF5 store.

Lifecycle of one capture:

1. Every example is rendered once (chat messages through the tokenizer's chat template; a conversation
   that ends with the user's turn gets the generation prompt, so its last token is the state before the
   first generated token) and tokenized once, with character offsets to find the response tokens. An
   example that is already a :class:`Rendered` (say, cut after its answer's first tokens) is kept as it is.
2. Examples are sorted by length and cut into batches (less padding). Each batch is padded on the
   tokenizer's side, with ``position_ids`` derived from the attention mask so that left and right padding
   give the same activations as the text alone.
3. One forward pass per batch with :class:`~reasonwatch.hooks.ResidualHooks` at the chosen sites. The
   pass stops after the deepest block asked for (nothing after it is needed). Pooling (last token, mean
   over the response, a span) is one weighted sum per site on the device; pad positions never get weight.
   Chats that open with the chat template's default system turn (:func:`chat_opening`) are batched
   together (:func:`capture_order`); with right padding that opening runs once, each of their batches
   continues from its key/value cache, and its residuals are put back in front of every row before pooling.
4. The pooled batch moves to the host once and is appended to the store (or kept in memory).

Position rules (``position=``):

- ``"last"``: the last real token.
- ``"all"``: one row per real token.
- ``"response_mean"``: the mean over the final assistant turn's content tokens.
- ``"response_last"``: the last content token of the final assistant turn (the token before the turn's
  end marker, ``<|im_end|>`` in ChatML; the last position of :attr:`Rendered.response`).
- ``"response"``: one row per token of the final assistant turn's content.
- ``"request_mean"``: the mean over the last user turn, from its first content token to the end of the
  prompt (the generation prompt included), for conversations that end with the user's turn. The turn is
  found by its header tokens (:func:`turn_header`), the same way ``watch()`` finds it in a batch of
  token ids during prefill (:func:`request_start`); where there is no header (plain text), the last token.
- ``"auto"``: ``"response_mean"`` if the conversation ends with an assistant turn, else ``"last"``
  (the rule probes are trained with: a response is judged by its tokens, a request by the state it leaves).
- ``(start, end)``: an explicit token span, mean-pooled, in Python slice semantics over the real tokens.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Union

import numpy as np
import torch

from .hooks import ResidualHooks, SiteKey, is_bridge, resolve_layers
from .models import fingerprint as model_fingerprint
from .store import ActivationStore

Position = Union[str, tuple[int, int]]
_POOLED = ("last", "response_mean", "response_last", "request_mean", "auto")
_PER_TOKEN = ("all", "response")
_NEED_RESPONSE = ("response_mean", "response_last", "response")
"""Position rules that read the final assistant turn (a conversation without one is an error)."""


class CaptureError(ValueError):
    """Bad capture input; the message names the example and the problem."""


class _StopForward(Exception):
    """Raised from the deepest hook: the rest of the forward pass is not needed."""


@dataclass(frozen=True)
class Rendered:
    """One example ready for the model."""
    meta: dict                      # index (input position), id, label, split, group, level, hard, ...
    input_ids: list[int]
    response: tuple[int, int] | None  # token span of the final assistant turn's content


@dataclass(frozen=True)
class Activations:
    """Activations captured in memory.

    Attributes:
        acts: ``{site: Tensor[n_rows, d_model]}`` (float32, CPU).
        row_example: ``[n_rows]`` index into ``examples`` of each row.
        row_position: ``[n_rows]`` token position of each row (-1 for pooled rows).
        examples: per-example metadata dicts, in input order.
    """
    acts: dict
    row_example: np.ndarray
    row_position: np.ndarray
    examples: list = field(repr=False)

    @property
    def labels(self) -> np.ndarray:
        return np.array([-1 if e.get("label") is None else e["label"] for e in self.examples])


def _as_dict(example: Any, index: int) -> dict:
    if isinstance(example, str):
        return {"text": example, "id": f"ex-{index}"}
    if isinstance(example, Mapping):
        out = dict(example)
    elif hasattr(example, "messages"):
        out = {k: getattr(example, k) for k in ("id", "messages", "label", "split", "group", "level", "hard")
               if hasattr(example, k)}
    elif isinstance(example, Sequence):
        out = {"messages": list(example)}
    else:
        raise CaptureError(f"example {index}: expected a string, a list of chat messages, a dict or an "
                           f"Example, got {type(example).__name__}")
    out.setdefault("id", f"ex-{index}")
    if "text" not in out and "messages" not in out:
        raise CaptureError(f"example {index} ({out['id']}): has neither 'text' nor 'messages'")
    return out


def _message(m: Any) -> dict:
    if isinstance(m, Mapping):
        return {"role": m["role"], "content": m["content"]}
    role, content = m
    return {"role": role, "content": content}


def render(tokenizer, examples: Sequence[Any], *, need_response: bool = False) -> list[Rendered]:
    """Render and tokenize examples (see the module docstring)."""
    out = []
    header = None
    for i, raw in enumerate(examples):
        if isinstance(raw, Rendered):
            if need_response and raw.response is None:
                raise CaptureError(f"example {i} ({raw.meta.get('id')}): no response tokens, but the position "
                                   f"rule needs them")
            out.append(replace(raw, meta=raw.meta | {"index": i}))
            continue
        ex = _as_dict(raw, i)
        meta = {k: ex.get(k) for k in ("id", "label", "split", "group", "level", "hard")} | {"index": i}
        if "text" in ex:
            if need_response:
                raise CaptureError(f"example {i} ({meta['id']}): plain text has no assistant turn, but "
                                   f"the position rule needs the response tokens")
            enc = tokenizer(ex["text"], add_special_tokens=True)
            meta["response"], meta["chat"] = None, False
            out.append(Rendered(meta, list(enc["input_ids"]), None))
            continue
        messages = [_message(m) for m in ex["messages"]]
        if not messages:
            raise CaptureError(f"example {i} ({meta['id']}): empty conversation")
        last = messages[-1]["role"]
        if last == "assistant":
            prefix = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
            text = tokenizer.apply_chat_template(messages, tokenize=False)
            content = messages[-1]["content"]
            start = text.find(content, len(prefix) if text.startswith(prefix) else 0)
            if start < 0:
                raise CaptureError(f"example {i} ({meta['id']}): the chat template does not keep the "
                                   f"assistant's text verbatim; cannot find the response tokens")
            char_span = (start, start + len(content))
        else:
            if need_response:
                raise CaptureError(f"example {i} ({meta['id']}): the conversation ends with a "
                                   f"{last!r} turn, not an assistant turn, but the position rule needs "
                                   f"the response tokens")
            text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            char_span = None
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=char_span is not None)
        span = None
        if char_span is not None:
            toks = [t for t, (a, b) in enumerate(enc["offset_mapping"]) if b > char_span[0] and a < char_span[1]]
            if not toks:
                raise CaptureError(f"example {i} ({meta['id']}): the assistant turn is empty")
            span = (toks[0], toks[-1] + 1)
        meta["response"], meta["chat"] = span, True
        if span is None:  # a request: where its last user turn's text starts (request_pool "mean")
            if header is None:
                header = torch.tensor(turn_header(tokenizer), dtype=torch.long)
            meta["request_start"] = int(request_start(torch.tensor([enc["input_ids"]]), header)[0])
        out.append(Rendered(meta, list(enc["input_ids"]), span))
    return out


def turn_header(tokenizer) -> list[int]:
    """The token ids that open a user turn in the tokenizer's chat template (with the end of the turn
    before it, where the template has one): what precedes the user's text both in a first turn and after
    an assistant turn. Empty when there is no chat template."""
    if getattr(tokenizer, "chat_template", None) is None:
        return []
    mark = "\u241eREQUEST"
    texts = [tokenizer.apply_chat_template(m + [{"role": "user", "content": mark}], tokenize=False,
                                           add_generation_prompt=True)
             for m in ([], [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "ok"}])]
    a, b = (tokenizer(t[:t.find(mark)], add_special_tokens=False)["input_ids"] for t in texts)
    n = 0
    while n < min(len(a), len(b)) and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    return list(a[len(a) - n:])


def chat_opening(tokenizer) -> list[int]:
    """The token ids a chat without a system turn of its own opens with: the chat template's default system
    turn (where it has one) and the first user turn's header. Empty when there is no chat template."""
    if getattr(tokenizer, "chat_template", None) is None:
        return []
    mark = "\u241eREQUEST"
    text = tokenizer.apply_chat_template([{"role": "user", "content": mark}], tokenize=False,
                                         add_generation_prompt=True)
    return list(tokenizer(text[:text.find(mark)], add_special_tokens=False)["input_ids"])


def capture_order(lengths: Sequence[int], opens: Sequence[bool]) -> list[int]:
    """The order examples are batched in: those that open with the chat opening (:func:`chat_opening`) first,
    each part by length (less padding); stable."""
    return sorted(range(len(lengths)), key=lambda i: (not opens[i], lengths[i]))


def request_start(tokens: torch.Tensor, header: torch.Tensor) -> torch.Tensor:
    """Per row of ``tokens`` ``[batch, t]``, the position just after the last ``header`` match (the first
    token of the last user turn's text), or ``t - 1`` (the last token) where there is none. On the
    tokens' device, without a host sync."""
    t, h = tokens.shape[1], header.numel()
    last = torch.full((tokens.shape[0],), t - 1, dtype=torch.long, device=tokens.device)
    if h == 0 or t < h + 1:
        return last
    hit = (tokens.unfold(1, h, 1) == header.to(tokens.device)).all(dim=-1)[:, : t - h]   # [batch, t-h]
    pos = torch.arange(t - h, device=tokens.device)
    found = torch.where(hit, pos, torch.full_like(pos, -1)).max(dim=-1).values
    return torch.where(found >= 0, found + h, last)


def _weights(batch: list[Rendered], position: Position, lengths: torch.Tensor, offsets: torch.Tensor,
             seq_len: int) -> torch.Tensor:
    """``[batch, seq_len]`` pooling weights over padded positions (rows sum to 1)."""
    w = torch.zeros(len(batch), seq_len)
    for row, r in enumerate(batch):
        n, off = int(lengths[row]), int(offsets[row])
        rule = position
        if rule == "auto":
            rule = "last" if r.response is None else "response_mean"
        if rule == "last":
            a, b = n - 1, n
        elif rule == "response_mean":
            a, b = r.response
        elif rule == "response_last":
            a, b = r.response[1] - 1, r.response[1]
        elif rule == "request_mean":
            a, b = r.meta.get("request_start", n - 1), n
        else:
            a, b, _ = slice(*position).indices(n)
            if b <= a:
                raise CaptureError(f"example {r.meta['index']} ({r.meta['id']}): token span {position} is empty "
                                   f"for a sequence of {n} tokens")
        w[row, off + a: off + b] = 1.0 / (b - a)
    return w


def _token_mask(batch: list[Rendered], position: str, lengths, offsets, seq_len: int) -> torch.Tensor:
    mask = torch.zeros(len(batch), seq_len, dtype=torch.bool)
    for row, r in enumerate(batch):
        off = int(offsets[row])
        a, b = (0, int(lengths[row])) if position == "all" else r.response
        mask[row, off + a: off + b] = True
    return mask


def _check_position(position: Position) -> None:
    if isinstance(position, tuple):
        if len(position) != 2 or not all(isinstance(x, int) for x in position):
            raise CaptureError(f"a token span must be (start, end) ints, got {position!r}")
    elif position not in _POOLED + _PER_TOKEN:
        raise CaptureError(f"unknown position rule {position!r}: use one of {_POOLED + _PER_TOKEN} "
                           f"or a (start, end) span")


def _model_device(model) -> torch.device:
    from .distributed import home_device
    return home_device(model)  # a model spread over devices (accelerate) takes its inputs here


def _opens_with(r: Rendered, opening: list[int]) -> bool:
    return len(r.input_ids) > len(opening) and r.input_ids[:len(opening)] == opening


def _cache_keyword(model) -> str | None:
    """The keyword a model's forward takes a key/value cache by: ``cache`` in newer transformers,
    ``past_key_values`` in earlier 5.x; ``None`` for a forward that takes neither."""
    import inspect
    params = inspect.signature(model.forward).parameters
    return next((name for name in ("cache", "past_key_values") if name in params), None)


def kv_cache_args(model, cache) -> dict:
    """Forward-pass keywords that read and extend the key/value ``cache`` (a ``transformers`` ``DynamicCache``)."""
    return {_cache_keyword(model): cache, "use_cache": True}


def _run_opening(model, opening: list[int], sites: list, *, device, stop_at, block_path) -> tuple[dict, Any]:
    """One pass over the opening tokens: ``({site: residual [1, len, d]}, key/value cache)``."""
    from transformers import DynamicCache
    cache, hidden = DynamicCache(config=model.config), {}

    def keep(key, h):
        hidden[key] = h
        if key == stop_at:
            raise _StopForward
    with torch.inference_mode(), ResidualHooks(model, {s: keep for s in sites}, block_path=block_path):
        try:
            model(input_ids=torch.tensor([opening], device=device), **kv_cache_args(model, cache))
        except _StopForward:
            pass
    return hidden, cache


def iter_capture(model, tokenizer, examples: Sequence[Any], layers: Sequence[SiteKey], *,
                 position: Position = "auto", batch_size: int = 16, padding_side: str | None = None,
                 skip_ids: set | None = None, progress: bool = True, block_path: str | None = None
                 ) -> Iterator[tuple[dict, np.ndarray, np.ndarray, list[dict]]]:
    """Yield captured batches: ``({site: float32 array[rows, d]}, row_example, row_position, metas)``.

    ``row_example`` indexes the batch's ``metas``; ``meta["index"]`` is the example's input position.
    See :func:`capture` for the arguments.
    """
    _check_position(position)
    sites = resolve_layers(model, layers, block_path)  # a bad layer fails before any work
    if not examples:
        raise CaptureError("no examples to capture: the dataset is empty")
    need_response = position in _NEED_RESPONSE
    rendered = render(tokenizer, examples, need_response=need_response)
    if position == "request_mean":
        for r in rendered:
            if r.response is not None:
                raise CaptureError(f"example {r.meta['index']} ({r.meta['id']}): the conversation ends with an "
                                   f"assistant turn, but the position rule 'request_mean' reads a request")
    if skip_ids:
        rendered = [r for r in rendered if str(r.meta["id"]) not in skip_ids]
    side = padding_side or getattr(tokenizer, "padding_side", None)
    if side not in ("left", "right"):
        raise CaptureError(f"padding side must be 'left' or 'right', tokenizer says {side!r}")
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    device = _model_device(model)
    bridge = is_bridge(model)
    deepest = max((s for s in sites if isinstance(s, int)), default=None)
    stop_early = not bridge and deepest is not None and all(isinstance(s, int) or s == "embed" for s in sites)
    opening = chat_opening(tokenizer)
    rendered = [rendered[i] for i in capture_order([len(r.input_ids) for r in rendered],
                                                   [_opens_with(r, opening) for r in rendered])]
    # right padding keeps the opening at the same positions in every row: it runs once (module docstring)
    share = side == "right" and not bridge and _cache_keyword(model) is not None
    opening_run = None  # (residuals, key/value cache) of the opening, from the first batch that shares it

    batches = [rendered[i:i + batch_size] for i in range(0, len(rendered), batch_size)]
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(rendered), desc="capture", unit="ex")
    try:
        for batch in batches:
            lengths = torch.tensor([len(r.input_ids) for r in batch])
            seq_len = int(lengths.max())
            offsets = (seq_len - lengths) if side == "left" else torch.zeros_like(lengths)
            ids = torch.full((len(batch), seq_len), pad_id, dtype=torch.long)
            mask = torch.zeros((len(batch), seq_len), dtype=torch.long)
            for row, r in enumerate(batch):
                off = int(offsets[row])
                ids[row, off: off + len(r.input_ids)] = torch.tensor(r.input_ids)
                mask[row, off: off + len(r.input_ids)] = 1
            if position in _PER_TOKEN:
                sel = _token_mask(batch, position, lengths, offsets, seq_len)
                row_example = sel.nonzero()[:, 0].numpy()
                row_position = (sel.nonzero()[:, 1] - offsets[sel.nonzero()[:, 0]]).numpy()
                sel = sel.to(device)
                pool = lambda h: h[sel.to(h.device)]  # noqa: E731  (blocks may sit on other devices)
            else:
                w = _weights(batch, position, lengths, offsets, seq_len).to(device)
                row_example, row_position = np.arange(len(batch)), np.full(len(batch), -1)
                pool = lambda h: torch.einsum("bt,btd->bd", w.to(h.device, h.dtype), h)  # noqa: E731

            pooled: dict = {}

            start = len(opening) if share and opening and all(_opens_with(r, opening) for r in batch) else 0
            if start and opening_run is None:
                opening_run = _run_opening(model, opening, sites, device=device, block_path=block_path,
                                           stop_at=deepest if stop_early else None)

            def grab(key, hidden):
                if start:
                    hidden = torch.cat([opening_run[0][key].expand(hidden.shape[0], -1, -1), hidden], dim=1)
                pooled[key] = pool(hidden).float()
                if stop_early and key == deepest:
                    raise _StopForward

            position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
            with torch.inference_mode(), ResidualHooks(model, {s: grab for s in sites}, block_path=block_path):
                try:
                    if bridge:
                        model(ids.to(device), attention_mask=mask.to(device))
                    elif start:
                        cache = copy.deepcopy(opening_run[1])
                        cache.batch_repeat_interleave(len(batch))
                        model(input_ids=ids[:, start:].to(device), attention_mask=mask.to(device),
                              position_ids=position_ids[:, start:].to(device), **kv_cache_args(model, cache))
                    else:
                        model(input_ids=ids.to(device), attention_mask=mask.to(device),
                              position_ids=position_ids.to(device), use_cache=False)
                except _StopForward:
                    pass
            yield ({k: v.cpu().numpy() for k, v in pooled.items()}, row_example, row_position,
                   [r.meta for r in batch])
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()


def capture(model, tokenizer, examples: Sequence[Any], layers: Sequence[SiteKey], *,
            position: Position = "auto", batch_size: int = 16, padding_side: str | None = None,
            progress: bool = True, block_path: str | None = None) -> Activations:
    """Capture activations in memory.

    Args:
        model: HuggingFace causal LM or TransformerBridge.
        tokenizer: its tokenizer.
        examples: strings, chat message lists, dicts (``text`` or ``messages``, optional ``id``,
            ``label``, ``split``, ``group``, ``level``, ``hard``), :class:`~reasonwatch.data.Example` or
            :class:`Rendered`.
        layers: block indices (negative from the last), ``"embed"``, or bridge hook-point names.
        position: a position rule (module docstring).
        batch_size: examples per forward pass.
        padding_side: ``"left"`` or ``"right"``; defaults to the tokenizer's.

    Returns:
        :class:`Activations` with rows in input order.

    Example:
        >>> acts = capture(model, tok, ["Hello", "Hi there"], layers=[10, -1])   # doctest: +SKIP
        >>> acts.acts[10].shape
        torch.Size([2, 576])
    """
    sites = resolve_layers(model, layers, block_path)
    chunks: dict = {s: [] for s in sites}
    rex, rpos = [], []
    metas_in_order: list = [None] * len(examples)
    for acts, row_example, row_position, metas in iter_capture(
            model, tokenizer, examples, sites, position=position, batch_size=batch_size,
            padding_side=padding_side, progress=progress, block_path=block_path):
        original = np.array([m["index"] for m in metas])
        for m in metas:
            metas_in_order[m["index"]] = m
        for s in sites:
            chunks[s].append(acts[s])
        rex.append(original[row_example])
        rpos.append(row_position)
    row_example, row_position = np.concatenate(rex), np.concatenate(rpos)
    perm = np.lexsort((row_position, row_example))  # back to input order
    return Activations(
        acts={s: torch.from_numpy(np.concatenate(chunks[s])[perm]) for s in sites},
        row_example=row_example[perm], row_position=row_position[perm], examples=metas_in_order)


def capture_to_store(model, tokenizer, examples: Sequence[Any], layers: Sequence[SiteKey],
                     path: str | Path, *, position: Position = "auto", batch_size: int = 16,
                     dtype: str = "float16", padding_side: str | None = None, progress: bool = True,
                     block_path: str | None = None, metadata: dict | None = None) -> ActivationStore:
    """Capture activations into an HDF5 store, resuming where an earlier run stopped.

    Examples whose ``id`` is already in the store are skipped, so rerunning after a crash captures only
    what is missing. Returns the store, open for reading and appending (close it, or use ``with``).
    Launched on several ranks (``torchrun``, ``accelerate launch``), each rank captures its share into a
    shard and ``path`` becomes their manifest; every rank gets the merged store, read-only, examples in
    input order (:mod:`reasonwatch.distributed`).
    """
    from .distributed import capture_sharded, wants_shards
    if wants_shards(path):  # a launched run (torchrun, accelerate launch) or an existing sharded store
        return capture_sharded(model, tokenizer, examples, layers, path, position=position,
                               batch_size=batch_size, dtype=dtype, padding_side=padding_side,
                               progress=progress, block_path=block_path, metadata=metadata)
    sites = resolve_layers(model, layers, block_path)
    if not examples:
        raise CaptureError("no examples to capture: the dataset is empty")
    fp = model_fingerprint(model)
    pos_name = position if isinstance(position, str) else json.dumps(list(position))
    store = ActivationStore.create_or_open(path, fingerprint=fp, layers=sites, position=pos_name,
                                           d_model=fp["d_model"], dtype=dtype, metadata=metadata)
    try:
        done = set(store.ids.tolist())
        for acts, row_example, row_position, metas in iter_capture(
                model, tokenizer, examples, sites, position=position, batch_size=batch_size,
                padding_side=padding_side, skip_ids=done, progress=progress, block_path=block_path):
            store.append(acts, row_example=row_example, row_position=row_position, examples=metas)
    except BaseException:
        store.close()
        raise
    return store
