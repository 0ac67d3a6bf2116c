"""Scoring conversations and texts offline (no generation): response, prompt and token level.

For each input the per-token scores of every principle come from one batched forward pass
(:func:`reasonwatch.capture.iter_capture` with ``position="all"``), and are reduced per example:

- a conversation ending with an assistant turn (response level): ``mean`` and ``max`` over the
  response's tokens, ``last``, the score of its last content token (the one before ``<|im_end|>``), and
  ``prompt``, the score of the last token before the response (the state before generation). The primary
  ``score`` is the reading the probe was trained on: ``mean`` by default, ``last`` for a principle whose
  bundle entry has ``response_pool = "last"`` (honesty: a statement's truth is read where it ends, and
  the mean over the answer washes it out);
- a conversation ending with a user turn (prompt level): ``score`` = ``prompt`` = the last token's, or,
  for a principle that reads requests as the mean over the user's turn (``request_pool = "mean"``), the
  mean over that turn's tokens (:func:`request_score`);
- a plain text (level ``text``): scored as the assistant's answer to the neutral request
  :data:`BARE_TEXT_REQUEST`, exactly like a response (``score``, ``mean``, ``max``, ``last``,
  ``prompt``). The probes were trained on assistant answers inside the chat template; a bare text
  tokenized on its own is out of their distribution, and its first token is an attention sink whose
  residual norm (~10³ at late blocks) would dominate any mean.

No reduction ever includes a sequence's first position (the attention sink): responses start after the
chat template's header and a prompt is judged by its last token or its last user turn.

Flags compare ``score`` with the bundle's calibrated levels: ``violation`` at or above the threshold,
``warning`` at or above the warning level, else ``ok``. A prompt-level conversation is judged only by
principles that were trained on requests (they have a ``prompt_threshold``), an answer or a bare text
only by principles whose probe was fitted on answers (``judges`` is not ``prompt``); the others say
``n/a``.
Only one batch of activations is held at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

BARE_TEXT_REQUEST = "Write a short text."
"""The user turn a bare text is framed with: scoring judges a text as an assistant's answer to it."""


def frame_bare_text(text: str) -> list[dict]:
    """A bare text as the conversation it is scored in: a neutral request and the text as the answer."""
    return [{"role": "user", "content": BARE_TEXT_REQUEST}, {"role": "assistant", "content": text}]


def _framed(inputs: Sequence[Any]) -> tuple[list, list[bool]]:
    """Inputs with every bare text framed as an answer (ids kept), and which ones were bare."""
    from .capture import _as_dict
    out, bare = [], []
    for i, raw in enumerate(inputs):
        ex = _as_dict(raw, i)
        is_bare = "text" in ex
        if is_bare:
            ex = {k: v for k, v in ex.items() if k != "text"} | {"messages": frame_bare_text(ex["text"])}
        out.append(ex)
        bare.append(is_bare)
    return out, bare


def token_scores(model, tokenizer, bundle, inputs: Sequence[Any], *, batch_size: int = 16,
                 progress: bool = False) -> list[dict]:
    """Per-token scores as the monitor sees them, teacher-forced over given conversations.

    Returns per input ``{"prompt": [P] score of the last token before the answer (or of the last
    token of a prompt-level conversation), "response": [n_answer_tokens, P] or None}``.
    """
    from .distributed import map_shards, sharding
    if sharding():  # launched on several ranks: each scores its share, every rank gets all, in input order
        return map_shards(lambda part: token_scores(model, tokenizer, bundle, part, batch_size=batch_size,
                                                    progress=progress), inputs, tokenizer=tokenizer,
                          batch_size=batch_size, render_as=lambda xs: _framed(xs)[0])
    from .capture import iter_capture
    out: list = [None] * len(inputs)
    framed, _ = _framed(inputs)
    for acts, row_example, row_position, metas in iter_capture(
            model, tokenizer, framed, bundle.layers, position="all", batch_size=batch_size, progress=progress):
        scores = bundle.score({k: torch.from_numpy(v) for k, v in acts.items()}).numpy()
        for j, meta in enumerate(metas):
            rows = row_example == j
            s, pos = scores[rows], row_position[rows]
            span = meta.get("response")
            if span is not None:
                a, b = span
                out[meta["index"]] = {"prompt": s[pos == a - 1][0], "response": s[(pos >= a) & (pos < b)]}
            else:
                out[meta["index"]] = {"prompt": request_score(s, pos, meta, bundle, acts, rows), "response": None}
    return out


def request_score(s: np.ndarray, pos: np.ndarray, meta: dict, bundle, acts: dict | None = None,
                  rows: np.ndarray | None = None) -> np.ndarray:
    """A request's scores ``[P]``: the last token's, or for principles that read a request as the mean over
    the user's turn (``request_pool = "mean"``), the mean of the token scores from the turn's first token
    (scores are linear in the residual, so this is the score of the mean residual ``watch()`` uses), plus,
    where the probe has a ``last_weight``, that direction read at the last token (``acts``: the batch's
    activations ``{layer: [rows, d]}``, ``rows`` this example's rows in it)."""
    last = s[np.argmax(pos)].copy()
    start = meta.get("request_start")
    if start is not None:
        turn = s[pos >= start].mean(axis=0)
        for k, p in enumerate(bundle.principles):
            if p.request_pool == "mean":
                last[k] = turn[k]
                if p.last_weight is not None:
                    x = acts[p.layer][np.flatnonzero(rows)[np.argmax(pos)]]
                    last[k] += float(x @ p.last_weight.numpy())
    return last


def flag(score: float, probe) -> str:
    return "violation" if score >= probe.threshold else "warning" if score >= probe.warning else "ok"


def score_texts(model, tokenizer, bundle, inputs: Sequence[Any], *, batch_size: int = 16,
                progress: bool = True) -> list[dict]:
    """Score inputs (strings, chat message lists, or dicts with ``text``/``messages``) for every principle.

    Returns one dict per input, in input order: ``id``, ``level`` (``response``/``prompt``/``text``),
    ``scores`` ``{principle: {score, mean?, max?, last?, prompt?}}`` (``score``: ``last`` for a principle
    with ``response_pool = "last"``, else ``mean``; a request's: ``prompt``) and ``flags``
    ``{principle: ok|warning|violation|n/a}``.
    """
    from .distributed import map_shards, sharding
    if sharding():  # launched on several ranks: each scores its share, every rank gets all, in input order
        return map_shards(lambda part: score_texts(model, tokenizer, bundle, part, batch_size=batch_size,
                                                   progress=progress), inputs, tokenizer=tokenizer,
                          batch_size=batch_size, render_as=lambda xs: _framed(xs)[0])
    from .capture import iter_capture
    bundle.check_model(model)
    results: list = [None] * len(inputs)
    framed, bare = _framed(inputs)
    for acts, row_example, row_position, metas in iter_capture(
            model, tokenizer, framed, bundle.layers, position="all", batch_size=batch_size, progress=progress):
        scores = bundle.score({k: torch.from_numpy(v) for k, v in acts.items()}).numpy()  # [rows, P]
        for j, meta in enumerate(metas):
            rows = row_example == j
            s, pos = scores[rows], row_position[rows]
            span = meta.get("response")
            out: dict = {}
            if span is not None:
                a, b = span
                resp = s[(pos >= a) & (pos < b)]
                prompt = s[pos == a - 1][0]
                level = "text" if bare[meta["index"]] else "response"
                for k, p in enumerate(bundle.principles):
                    mean, last = float(resp[:, k].mean()), float(resp[-1, k])
                    out[p.id] = {"score": last if p.response_pool == "last" else mean, "mean": mean,
                                 "max": float(resp[:, k].max()), "last": last, "prompt": float(prompt[k])}
            else:  # a request (or a conversation ending with a system turn): its last token, or its turn's mean
                level = "prompt"
                last = request_score(s, pos, meta, bundle, acts, rows)
                for k, p in enumerate(bundle.principles):
                    out[p.id] = {"score": float(last[k]), "prompt": float(last[k])}
            if level == "prompt":  # only principles trained on requests judge a request
                flags = {p.id: ("n/a" if p.prompt_threshold is None else
                                "violation" if out[p.id]["score"] >= p.prompt_threshold else "ok")
                         for p in bundle.principles}
            else:  # an answer is judged only by principles whose probe was fitted on answers
                flags = {p.id: "n/a" if p.judges == "prompt" else flag(out[p.id]["score"], p)
                         for p in bundle.principles}
            results[meta["index"]] = {"id": meta["id"], "level": level, "scores": out, "flags": flags}
    return results
