"""Corrections: steering vectors applied where a principle's gate is open, and escalation that halts.

The monitor (:mod:`reasonwatch.monitor`) decides *whether* a sequence violates a principle; this module
decides *what happens then*. Everything here runs inside the hooks of one ``watch()`` context, on the
device, with no host sync: gates are boolean tensors, a closed gate's correction is exactly zero, a halt
sets one logit.

Which positions a correction touches (``SteerPolicy.positions``):

- ``"prompt"``: the prompt's last token (or its last ``prompt_tokens``: with a chat template, the
  template's tokens after the user's turn), during prefill, in the same forward pass that judged the
  request. This needs the principle's monitor layer to come before its steering layer: the monitor
  layer's hook opens the gate, the steering layer's hook (later in the same pass) adds the vector to
  those positions. It happens exactly once per generation; no cached key or value is edited afterwards,
  because the positions are corrected before their keys and values at later blocks are computed. This
  is where a model decides whether to refuse.
- ``"answer"``: every generated position from the one after the gate opened (the gate opened by pass
  *t* acts in pass *t + 1*), while it stays open and within the budget.
- ``"both"``: both of the above.

A sequence whose gate never opens is never touched: its tokens equal an unwatched run's.

Release: the gate's other side. A principle that corrects toward refusal at the prompt's last token may
also carry a *release reading* (at its monitor layer, at that token: is the model about to refuse?). Where
the gate stays closed (the request is read as benign) but the model is about to refuse, the positions a
correction would touch get it with the opposite sign, in the same pass: the model's own over-refusal of a
benign request (what the ``excessive_refusal`` principle forbids) is released. A sequence released this way is
touched (the trace records the correction, with ``release: True``); one that is neither corrected nor
released is token-identical to an unwatched run.

Escalation: a principle with ``halt_after = k`` that still reads *violation* after ``k`` answer tokens
generated with its gate open (``k = 0``: at the first violation, which for a request judged harmful
at prefill means before the first answer token) halts that sequence: from that pass on, its logits are
set so that the next token is end-of-sequence (:data:`FORCED_LOGIT`: greedy, sampling, beams and
streamers alike pick it); other rows of the batch go on. The trace records where and why, and
``trace.display_text(b)`` returns the policy's replacement message for a halted sequence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

_ACTIONS = ("add", "project", "clamp")
_POSITIONS = ("prompt", "answer", "both")
NEVER = 2**31 - 1


@dataclass(frozen=True)
class SteerPolicy:
    """Which principles may correct the model, how strongly, where, and when to stop a sequence.

    Attributes:
        principles: ids allowed to steer; ``None`` means every principle whose bundle entry allows it.
        alpha: strength; ``None`` takes each principle's strength from the bundle (chosen on val when it
            was trained). With ``relative=True`` the added vector's norm is ``alpha`` times the mean
            residual norm at the steering layer; otherwise ``alpha`` is an absolute norm.
        relative: see ``alpha``.
        action: ``"add"`` (x + a·v), ``"project"`` (remove the component along the violating
            direction), ``"clamp"`` (cap the probe's score at its threshold; needs the steering layer to
            be the probe's layer); ``None`` uses each principle's action from the bundle.
        budget: at most this many steered positions per sequence and principle (``None``: no limit).
        steer_layer: ``None`` uses the bundle's steering layers; ``"probe"`` steers at each probe's
            monitor layer; an int steers every principle at that block (its relative strength uses
            the residual norm the bundle measured at that block).
        positions: ``"prompt"``, ``"answer"`` or ``"both"`` (module docstring); ``None`` takes each
            principle's from the bundle.
        prompt_tokens: how many of the prompt's last tokens a prompt correction touches (1: its last token);
            ``None`` takes each principle's from the bundle (chosen on val when it was trained).
        halt: allow escalation; ``halt_after`` per principle comes from the bundle unless set here.
        halt_after: halt a sequence whose principle still reads *violation* after this many answer tokens
            generated with its gate open (0: at the first violation); ``None`` takes the bundle's value
            (where the bundle has none, that principle never halts).
        halt_message: the replacement text ``trace.display_text()`` returns for a halted sequence.
        force: open every armed gate from the first position it can act on, whatever the monitor says
            (for measuring a steering vector's effect, e.g. perplexity with steering on). Forced gates
            never halt and never release.
        release: where a principle's bundle entry has a release reading (module docstring), correct the
            model's own over-refusal: a request its gate reads as benign, on which the model is about to
            refuse, gets the same correction with the opposite sign at the prompt's last token.
    """
    principles: tuple[str, ...] | None = None
    alpha: float | None = None
    relative: bool = True
    action: str | None = None
    budget: int | None = None
    steer_layer: int | str | None = None
    positions: str | None = None
    prompt_tokens: int | None = None
    halt: bool = True
    halt_after: int | None = None
    halt_message: str = "I'm sorry, but I can't help with that."
    force: bool = False
    release: bool = True

    def __post_init__(self):
        if self.alpha is not None and (isinstance(self.alpha, bool) or not isinstance(self.alpha, (int, float))
                                       or not math.isfinite(self.alpha)):
            raise ValueError(f"SteerPolicy.alpha must be a finite number or None, got {self.alpha!r}")
        if self.action is not None and self.action not in _ACTIONS:
            raise ValueError(f"SteerPolicy.action must be one of {_ACTIONS}, got {self.action!r}")
        if self.positions is not None and self.positions not in _POSITIONS:
            raise ValueError(f"SteerPolicy.positions must be one of {_POSITIONS}, got {self.positions!r}")
        if self.budget is not None and self.budget < 0:
            raise ValueError(f"SteerPolicy.budget must be >= 0, got {self.budget}")
        if self.prompt_tokens is not None and (isinstance(self.prompt_tokens, bool)
                                               or not isinstance(self.prompt_tokens, int) or self.prompt_tokens < 1):
            raise ValueError(f"SteerPolicy.prompt_tokens must be an int >= 1 or None, got {self.prompt_tokens!r}")
        if self.halt_after is not None and self.halt_after < 0:
            raise ValueError(f"SteerPolicy.halt_after must be >= 0, got {self.halt_after}")
        if self.principles is not None and isinstance(self.principles, str):
            object.__setattr__(self, "principles", (self.principles,))


def _resid_norm(bundle, p, layer: int) -> float:
    """Mean residual norm at ``layer`` (for relative strengths): the probe's own steering layer's, or the
    per-layer norms the bundle measured when it was trained."""
    if layer == p.steer_layer:
        return p.resid_norm
    norms = bundle.info.get("resid_norm_by_layer")
    if not norms or str(layer) not in norms:
        raise ValueError(f"a relative strength at block {layer} needs the residual norm there, and this bundle "
                         f"records it only at {p.id!r}'s steering layer {p.steer_layer}; retrain the bundle "
                         f"(it records every layer's norm) or use SteerPolicy(relative=False)")
    return float(norms[str(layer)])


class Corrections:
    """The armed principles of one ``watch()`` context, as device tensors per steering layer.

    ``layers`` maps a steering block to ``(idx, unit, scale, kinds, w, b, steps)``: principle indices
    ``[k]``, unit vectors toward compliance ``[k, d]``, strengths ``[k]``, actions, probe weights ``[k, d]``,
    clamp levels ``[k]`` and the rows :meth:`delta` multiplies: an ``add`` principle's scaled vector, a
    ``project`` principle's unit vector, zeros for ``clamp``. ``armed``, ``prompt_armed`` (may correct the prompt's last token in the same
    pass), ``answer_armed`` and ``halt_after`` are ``[P]`` tensors.
    """

    def __init__(self, bundle, policy: SteerPolicy, *, n_blocks: int, device):
        ps = bundle.principles
        P = len(ps)
        f32 = dict(device=device, dtype=torch.float32)
        self.policy = policy
        allowed = set(bundle.ids if policy.principles is None else policy.principles)
        unknown = allowed - set(bundle.ids)
        if unknown:
            from .bundle import BundleError
            raise BundleError(f"SteerPolicy names principles not in the bundle: {sorted(unknown)}; "
                              f"it has {', '.join(bundle.ids)}")
        armed, prompt_armed, answer_armed, release = (torch.zeros(P, dtype=torch.bool) for _ in range(4))
        halt_after = torch.full((P,), NEVER, dtype=torch.int32)
        by_layer: dict[int, list] = {}
        tails: dict[int, list] = {}   # per steering layer: how many of the prompt's last tokens each corrects
        for i, p in enumerate(ps):
            if p.id not in allowed or not (p.steer or policy.principles is not None):
                continue
            armed[i] = True
            layer = (p.layer if policy.steer_layer == "probe" else p.steer_layer if policy.steer_layer is None
                     else int(policy.steer_layer) % n_blocks)
            action = policy.action or p.action
            if action == "clamp" and layer != p.layer:
                raise ValueError(f"clamp for {p.id!r} needs the steering layer to be its probe layer "
                                 f"({p.layer}), got {layer}; use SteerPolicy(steer_layer='probe')")
            where = policy.positions or p.steer_positions
            # same pass: the monitor layer's hook runs before the steering layer's
            prompt_armed[i] = where in ("prompt", "both") and p.layer < layer
            answer_armed[i] = where in ("answer", "both")
            release[i] = (policy.release and not policy.force and bool(prompt_armed[i]) and action == "add"
                          and p.release_weight is not None)
            after = policy.halt_after if policy.halt_after is not None else p.halt_after
            if policy.halt and after is not None and not policy.force:
                halt_after[i] = after
            alpha = policy.alpha if policy.alpha is not None else p.steer_alpha
            scale = alpha * (_resid_norm(bundle, p, layer) if policy.relative else 1.0)
            by_layer.setdefault(layer, []).append((i, action, scale))
            tails.setdefault(layer, []).append(policy.prompt_tokens or p.steer_prompt_tokens)
        self.armed, self.prompt_armed = armed.to(device), prompt_armed.to(device)
        self.answer_armed, self.halt_after = answer_armed.to(device), halt_after.to(device)
        self.release = release.to(device)
        self.halts = bool((halt_after < NEVER).any())
        self.layers = {}
        # steering layers where some principle corrects answer tokens (the others act during prefill only)
        self.answer_layers = {layer for layer, items in by_layer.items() if any(answer_armed[i] for i, _, _ in items)}
        self.answer_mask, self.project, self.decode, self.tail = {}, {}, {}, {}
        for layer, items in by_layer.items():
            n = torch.tensor(tails[layer])
            # [n_max, k]: principle j corrects the last n_j of the prompt's last n_max positions
            self.tail[layer] = (torch.arange(int(n.max()))[:, None] >= n.max() - n[None, :]).to(device)
            idx = torch.tensor([i for i, _, _ in items], device=device)
            vecs = torch.stack([ps[i].steer_vector for i, _, _ in items]).to(**f32)
            unit = vecs / vecs.norm(dim=-1, keepdim=True).clamp_min(1e-12)       # [k, d] toward compliant
            scale = torch.tensor([s for _, _, s in items], **f32)
            w = torch.stack([ps[i].weight for i, _, _ in items]).to(**f32)            # probe weights (clamp)
            b = torch.tensor([ps[i].threshold - ps[i].bias for i, _, _ in items], **f32)
            is_add = torch.tensor([a == "add" for _, a, _ in items], **f32)
            # every "add" principle's step, precomputed: the per-token correction is one matrix product
            is_proj = torch.tensor([a == "project" for _, a, _ in items], **f32)
            steps = scale[:, None] * unit * is_add[:, None] + unit * is_proj[:, None]
            self.layers[layer] = (idx, unit, scale, [a for _, a, _ in items], w, b, steps)
            self.project[layer] = (-(unit * is_proj[:, None]).T.contiguous(), is_add) if bool(is_proj.any()) else None
            self.answer_mask[layer] = answer_armed[idx.cpu()].to(device)  # [k]: which of them act on answer tokens
            # decode steps with the KV cache: the same correction over all P principles (zero rows for those
            # not steered here), so a step needs no gathering; "clamp" principles take the general path
            if layer in self.answer_layers and "clamp" not in [a for _, a, _ in items]:
                here = torch.zeros(P, dtype=torch.bool)
                here[idx.cpu()] = answer_armed[idx.cpu()]
                full = torch.zeros(P, steps.shape[1], **f32)
                full[idx] = steps
                neg = torch.zeros(steps.shape[1], P, **f32)
                neg[:, idx] = -(unit * is_proj[:, None]).T
                add = torch.zeros(P, **f32)
                add[idx] = is_add
                self.decode[layer] = (here.to(device), full, (neg, add) if bool(is_proj.any()) else None)
        self.budget = policy.budget if policy.budget is not None else NEVER

    def delta(self, layer: int, x: torch.Tensor, gate: torch.Tensor) -> torch.Tensor:
        """The correction ``[batch, t, d]`` for float32 activations ``x`` where ``gate`` ``[batch, t, k]``.

        ``add`` and ``project`` principles are one expression, whatever their number: each principle's
        coefficient is its gate times 1 (add: its row of ``steps`` is its scaled vector) or times
        ``relu(-x·u)`` (project: its row is the unit vector ``u``, so the violating component is removed),
        and the correction is ``coef @ steps``. ``clamp`` principles are added one by one."""
        _, unit, scale, kinds, w, b, steps = self.layers[layer]
        g = gate.to(torch.float32)
        proj = self.project[layer]
        if proj is None:
            delta = g @ steps                    # only "add" principles: [batch, t, k] @ [k, d]
        else:
            neg_u_t, is_add = proj
            delta = (g * torch.clamp(x @ neg_u_t, min=is_add)) @ steps   # add: 1, project: relu(-x·u)
        for j, kind in enumerate(kinds):                                   # static: clamp only
            if kind == "clamp":                                            # cap the probe score at threshold
                excess = torch.clamp(x @ w[j] - b[j], min=0.0)
                step = -(excess / (w[j] @ w[j]))[..., None] * w[j]
                delta = delta + g[..., j, None] * step
        return delta

    def apply(self, layer: int, hidden: torch.Tensor, gate: torch.Tensor) -> torch.Tensor:
        """``hidden`` ``[batch, t, d]`` with the correction added where ``gate`` ``[batch, t, k]`` is open
        (a float gate scales it: -1 applies an ``add`` principle's correction with the opposite sign).

        Where every gate of a row is closed its correction is exactly zero (each principle's step is
        multiplied by its closed gate, 0), so the row comes back exactly as it came, in any dtype."""
        delta = self.delta(layer, hidden.to(torch.float32), gate)
        if hidden.dtype == torch.float32:
            return hidden + delta
        return (hidden.to(torch.float32) + delta).to(hidden.dtype)

    def apply_step(self, layer: int, hidden: torch.Tensor, gate: torch.Tensor) -> torch.Tensor:
        """One decode step (``hidden`` ``[batch, 1, d]``) corrected where ``gate`` ``[batch, P]`` (every
        principle; only those steered at ``layer`` have rows) is open: the same correction as
        :meth:`apply`, in fewer operations."""
        _, steps, proj = self.decode[layer]
        g = gate.to(torch.float32)
        x = hidden[:, 0].to(torch.float32)
        if proj is not None:  # coefficient 1 for add principles (their column of neg_u_t is zero), relu(-x·u) else
            neg_u_t, is_add = proj
            g = g * torch.clamp(x @ neg_u_t, min=is_add)
        return torch.addmm(x, g, steps)[:, None].to(hidden.dtype)

    def prompt_tail(self, layer: int, length: int) -> tuple[int, torch.Tensor]:
        """How many of the last positions of a prefill pass of ``length`` positions the prompt corrections at
        ``layer`` touch, and which principle touches which of them (``[n, k]`` bool)."""
        mask = self.tail[layer]
        n = min(mask.shape[0], length)
        return n, mask[mask.shape[0] - n:]

    def apply_prompt(self, layer: int, hidden: torch.Tensor, gate: torch.Tensor) -> torch.Tensor:
        """Correct only the prompt's last positions of ``hidden`` (left-padded batches; each principle its own
        number of them, :meth:`prompt_tail`) where ``gate`` ``[batch, k]`` is open (or released: -1);
        earlier positions are returned as they were."""
        n, mask = self.prompt_tail(layer, hidden.shape[1])
        tail = self.apply(layer, hidden[:, -n:], gate[:, None, :] * mask.to(gate.dtype))
        return torch.cat([hidden[:, :-n], tail], dim=1)


def eos_token_id(model, tokenizer=None) -> int:
    """The id a halted sequence is forced to emit: the generation config's first EOS, else the tokenizer's."""
    hf = getattr(model, "original_model", model)
    eos = getattr(getattr(hf, "generation_config", None), "eos_token_id", None)
    if eos is None and tokenizer is not None:
        eos = tokenizer.eos_token_id
    if isinstance(eos, (list, tuple)):
        eos = eos[0] if eos else None
    if eos is None:
        raise ValueError("halting needs an end-of-sequence token: the model's generation_config and the "
                         "tokenizer name none; pass a tokenizer with eos_token_id or set halt=False")
    return int(eos)


FORCED_LOGIT = 1e4
"""The logit a halted row's end-of-sequence token is given: every other token's probability underflows to 0
(exp(l - 1e4) for any real logit l, at any sampling temperature up to ~90), and it is the argmax, so
greedy, sampling, beams and streamers all take it. Representable in float16 and bfloat16."""


def force_eos(logits: torch.Tensor, halted: torch.Tensor, eos: int) -> None:
    """In place: rows of ``logits`` ``[batch, pos, vocab]`` where ``halted`` ``[batch]`` emit the
    end-of-sequence token next (its last-position logit set to :data:`FORCED_LOGIT`); O(batch), the
    vocabulary is not touched."""
    last = logits[:, -1, eos]
    logits[:, -1, eos] = torch.where(halted, torch.full_like(last, FORCED_LOGIT), last)
