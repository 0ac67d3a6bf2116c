"""Watch a generation: score every position for every principle, detect trends, steer on demand.

Usage::

    with reasonwatch.watch(model, bundle, tokenizer=tok, steer=SteerPolicy(alpha=0.05)) as run:
        out = model.generate(**inputs, max_new_tokens=64)
    run.trace.plot()

What a forward pass sees while the context is open (hooks come from :mod:`reasonwatch.hooks`):

1. ``input_ids`` (the input embedding's pre-hook) runs first. A pass with more than one new position
   starts a new generation: device buffers are (re)allocated once, sized for the prompt plus 256 steps
   and doubled when full (a handful of times per generation, never per token). The gate that steering
   applies in this pass is snapshotted here, so a gate opened at position *p* acts from position *p+1*.
2. Each steering layer adds ``where(gate, x + delta, x)`` (or projects / clamps) to the new positions.
   During prefill only the prompt's last token(s) can be corrected, by a principle whose earlier monitor
   layer opened its gate in that same pass; no cached key or value is edited afterwards
   (:mod:`reasonwatch.steer`).
3. Each monitor layer scores its principles with one matrix product, ``x @ W + b``, into the scores
   buffer ``[batch, position, principle]``. During prefill, a principle that reads a request as the mean
   over the user's turn (``request_pool = "mean"``) has that mean's score written in the last prompt
   slot; the turn is found from the token ids on the device (:func:`reasonwatch.capture.request_start`).
4. The deepest monitor layer updates the trend state on the device. At the end of the prompt, principles
   with a prompt level (harmlessness: a harmful *request*) compare the request's score with it. During
   the answer, an EWMA of the token scores and a one-sided CUSUM of the standardised scores give
   *ok / warning (trending) / violation (crossed)*, against levels the bundle calibrated by running this
   very detector over compliant answers. The gate opens on violation (for principles armed to steer); a
   gate opened by the prompt stays open for the answer, one opened by the answer's scores stays open
   while they stay at warning level (hysteresis); both within the token budget. Escalation (a halt) is
   decided here too: for a request judged violating, by whether the answer reads as a refusal after
   ``halt_after`` tokens (the bundle's halt reading).

Nothing in these hooks reads a tensor's value on the host: positions come from tensor *shapes*, and
branching is ``torch.where``. The trace is copied to the host once, when ``run.trace`` is first read
after ``generate()`` returns. Audit records and drift updates are written when the context exits.

Generation must use the KV cache (the default), or run without it with the whole sequence each step
(a pass of ``previous + 1`` positions is treated as one new position). Batches must be left-padded.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

import torch

from .bundle import BundleError, ProbeBundle, load_bundle
from .capture import request_start
from .distributed import home_device, place_by_layer, site_devices
from .hooks import ResidualHooks
from .steer import NEVER, Corrections, SteerPolicy, eos_token_id, force_eos

OK, WARNING, VIOLATION = 0, 1, 2


@dataclass(frozen=True)
class TrendConfig:
    """Trend-detector settings. ``None`` (the default) takes each principle's value from the bundle,
    where the monitor's levels were calibrated with it; overriding a value makes those levels stale.
    """
    ewma: float | None = None
    """Weight of the newest token's score in the EWMA (1 = no smoothing)."""
    cusum_k: float | None = None
    """CUSUM allowance, in compliant token-score standard deviations: drift below it is ignored."""
    cusum_h: float | None = None
    """CUSUM violation level (warning at half of it), replacing the bundle's calibrated levels."""
    warmup: int | None = None
    """Generated tokens before a violation may be declared from the answer's scores."""

    def __post_init__(self):
        if self.ewma is not None and not 0 < self.ewma <= 1:
            raise ValueError(f"TrendConfig.ewma must be in (0, 1], got {self.ewma}")
        for name in ("cusum_k", "cusum_h"):
            v = getattr(self, name)
            if v is not None and (not math.isfinite(v) or v <= 0):
                raise ValueError(f"TrendConfig.{name} must be a positive finite number, got {v}")
        if self.warmup is not None and self.warmup < 0:
            raise ValueError(f"TrendConfig.warmup must be >= 0, got {self.warmup}")


class _Segment:
    """Device buffers of one generate() call."""

    def __init__(self, batch: int, capacity: int, n_principles: int, device, dtype=torch.float32):
        self.batch, self.capacity, self.device = batch, capacity, device
        self.prompt_len = 0
        self.length = 0  # positions written so far (host int, from shapes)
        self.scores = torch.zeros(batch, capacity, n_principles, device=device, dtype=dtype)
        self.states = torch.zeros(batch, capacity, n_principles, device=device, dtype=torch.int8)
        self.ewma = torch.zeros(batch, capacity, n_principles, device=device, dtype=dtype)
        self.corrected = torch.zeros(batch, capacity, n_principles, device=device, dtype=torch.bool)
        self.tokens = torch.zeros(batch, capacity, device=device, dtype=torch.long)
        self.halted = torch.zeros(batch, device=device, dtype=torch.bool)
        self.halt_pos = torch.full((batch,), -1, device=device, dtype=torch.long)
        self.halt_due = torch.zeros(batch, n_principles, device=device, dtype=torch.bool)
        self.released = torch.zeros(batch, n_principles, device=device, dtype=torch.bool)  # at the prompt's end
        self.generation_id = uuid.uuid4().hex
        self.trace = None

    def grow(self, needed: int) -> None:
        if needed <= self.capacity:
            return
        new_cap = max(needed, 2 * self.capacity)
        for name in ("scores", "states", "ewma", "corrected", "tokens"):
            old = getattr(self, name)
            new = torch.zeros((old.shape[0], new_cap, *old.shape[2:]), device=old.device, dtype=old.dtype)
            new[:, : self.capacity] = old
            setattr(self, name, new)
        self.capacity = new_cap


class WatchRun:
    """The state of one ``watch`` context. ``trace`` is the last generation's, ``traces`` all of them."""

    def __init__(self, model, bundle: ProbeBundle, *, tokenizer=None, steer: SteerPolicy | None = None,
                 trend: TrendConfig | None = None, principles=None, audit=None, drift=None,
                 block_path: str | None = None):
        from .hooks import n_layers as count_layers
        if principles is not None:
            bundle = bundle.select(principles)
        bundle.check_model(model)
        if tokenizer is not None and getattr(tokenizer, "padding_side", None) != "left":
            raise ValueError(f"watch() needs a left-padded tokenizer for batched generation; this tokenizer's "
                             f"padding_side is {getattr(tokenizer, 'padding_side', None)!r}. Set "
                             f"tokenizer.padding_side = 'left' before tokenizing the prompts.")
        self.model, self.bundle, self.tokenizer = model, bundle, tokenizer
        self.trend = trend or TrendConfig()
        self.steer = steer
        self.audit, self.drift = audit, drift
        self.block_path = block_path
        self._segments: list[_Segment] = []
        self._failed: BaseException | None = None
        self._hooks: ResidualHooks | None = None
        n_blocks = count_layers(model, block_path)
        P = len(bundle.principles)
        param = next(iter(model.parameters()))
        # a model spread over devices (accelerate): buffers and trend state where the embedding computes,
        # probe weights and steering vectors where their block computes (reasonwatch.distributed)
        self.device, self.dtype = home_device(model), param.dtype
        block_devices = site_devices(model, range(n_blocks), block_path)
        dev = self.device
        f32 = dict(device=dev, dtype=torch.float32)
        ps = bundle.principles
        t = self.trend

        def level(p, name, fallback):
            v = getattr(p, name)
            return fallback if v is None else v
        self._mean = torch.tensor([level(p, "token_mean", p.score_mean) for p in ps], **f32)
        self._std = torch.tensor([max(level(p, "token_std", p.score_std), 1e-6) for p in ps], **f32)
        self._thr = torch.tensor([level(p, "monitor_threshold", p.threshold) for p in ps], **f32)
        self._warn = torch.tensor([level(p, "monitor_warning", p.warning) for p in ps], **f32)
        self._cusum_v = torch.tensor([t.cusum_h if t.cusum_h is not None else level(p, "cusum_violation", math.inf)
                                      for p in ps], **f32)
        self._cusum_w = torch.tensor([t.cusum_h / 2 if t.cusum_h is not None else level(p, "cusum_warning", math.inf)
                                      for p in ps], **f32)
        self._lam = torch.tensor([t.ewma if t.ewma is not None else p.ewma for p in ps], **f32)
        self._k = torch.tensor([t.cusum_k if t.cusum_k is not None else p.cusum_k for p in ps], **f32)
        # per-step constants of the trend update: ewma <- keep * ewma + lam * s; cusum <- cusum + s / std - shift
        self._keep, self._inv_std = 1 - self._lam, 1 / self._std
        self._shift = self._mean / self._std + self._k
        self._warmup = t.warmup if t.warmup is not None else max(p.warmup for p in ps)
        self._prompt_thr = torch.tensor([level(p, "prompt_threshold", math.inf) for p in ps], **f32)
        # monitor layers: one [d, k] weight per layer
        self._monitor = {}
        for layer in bundle.layers:
            idx, w, b = bundle.stacked(layer, dtype=torch.float32, device=block_devices[layer])
            self._monitor[layer] = (torch.tensor(idx, device=dev), w, b)
        self._deepest = max(self._monitor)
        # requests read as the mean over the last user turn (request_pool "mean"): which columns, and the
        # header tokens that find the turn (recorded in the bundle by training)
        self._pooled = {}
        for layer, (idx, _, _) in self._monitor.items():
            cols = torch.tensor([ps[i].request_pool == "mean" for i in idx.tolist()], device=block_devices[layer])
            if bool(cols.any()):
                # [d, k] directions read at the request's last token (zero columns where a probe has none)
                last = torch.zeros(self.bundle.d_model, len(idx), dtype=torch.float32)
                for j, i in enumerate(idx.tolist()):
                    if ps[i].last_weight is not None:
                        last[:, j] = ps[i].last_weight
                self._pooled[layer] = (cols, last.to(block_devices[layer]))
        self._header = None
        if self._pooled:
            header = bundle.info.get("turn_header")
            if not header:
                raise BundleError("this bundle reads requests as the mean over the user's turn but records no "
                                  "turn_header (the chat template's user-turn tokens); retrain it")
            self._header = torch.tensor(header, dtype=torch.long, device=dev)
        self._req_w = None
        # corrections (steer.py)
        self._corr = Corrections(bundle, steer, n_blocks=n_blocks, device=dev) if steer is not None else None
        if self._corr is not None:
            self._corr.layers = place_by_layer(self._corr.layers, block_devices)
            self._corr.project = {k: v if v is None else place_by_layer({k: v}, block_devices, keep=())[k]
                                  for k, v in self._corr.project.items()}
            self._corr.decode = {k: (mask, full.to(block_devices[k]),
                                     None if proj is None else place_by_layer({k: proj}, block_devices, keep=())[k])
                                 for k, (mask, full, proj) in self._corr.decode.items()}
        # Extra readings, as extra columns of a monitor layer's matrix (the same product): halt readings (does
        # the answer read as a refusal? principles judged on requests check it after halt_after answer tokens:
        # the correction took) and, where the policy releases, release readings (is the model about to
        # refuse? read at the prompt's last token). _reads maps a name and a layer to (principle indices,
        # first column).
        self._reads = {"halt": {}, "release": {}}
        releasing = self._corr.release.tolist() if self._corr is not None else [False] * P
        for layer, (idx, w, b) in list(self._monitor.items()):
            ws, bs, col = [w], [b], len(idx)
            for name in self._reads:
                ids = [i for i in range(P) if ps[i].layer == layer and getattr(ps[i], f"{name}_weight") is not None
                       and (name == "halt" or releasing[i])]
                if ids:
                    ws.append(torch.stack([getattr(ps[i], f"{name}_weight") for i in ids], dim=1).to(w.device, torch.float32))
                    bs.append(torch.tensor([getattr(ps[i], f"{name}_bias") for i in ids], device=b.device, dtype=torch.float32))
                    self._reads[name][layer] = (torch.tensor(ids, device=dev), col)
                    col += len(ids)
            self._monitor[layer] = (idx, torch.cat(ws, dim=1), torch.cat(bs))
        self._halt_read = self._reads["halt"]
        self._armed = self._corr.armed if self._corr is not None else torch.zeros(P, dtype=torch.bool, device=dev)
        self._steer_layers = set(self._corr.layers) if self._corr is not None else set()
        self._eos = eos_token_id(model, tokenizer) if self._corr is not None and self._corr.halts else None
        self._only_reads = False
        if self._corr is not None:
            halting = self._corr.halt_after < NEVER
            # principles whose escalation asks the halt reading (it needs at least one answer token)
            has_reading = torch.tensor([p.halt_weight is not None for p in ps], device=dev)
            self._reads_refusal = has_reading & (self._corr.halt_after > 0) & halting
            self._only_reads = bool(halting.any()) and bool((self._reads_refusal == halting).all())
            # then a halt is judged only where a request's gate has been open since prefill for exactly k answer
            # steps, i.e. at answer step k: escalation has nothing to do at any other step (host ints)
            self._halt_steps = {int(k) for k in self._corr.halt_after[halting].tolist()}
        # past the last such step, the halt readings and step counts are not needed any more
        self._reads_done_after = max(self._halt_steps) if self._only_reads else NEVER
        self._budget = self._corr.budget if self._corr is not None else 0
        # trend state [batch, P], allocated per generation
        self._ewma = self._cusum = self._gate = self._gate_apply = self._count = self._ngen = None

    # ---- context ---------------------------------------------------------------------------------
    def __enter__(self) -> "WatchRun":
        hooks = {"input_ids": self._on_input}
        for layer in set(self._monitor) | self._steer_layers:
            hooks[layer] = self._on_layer
        if self._eos is not None:
            hooks["logits"] = self._on_logits
        self._hooks = ResidualHooks(self.model, hooks, block_path=self.block_path)
        self._hooks.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._hooks is not None:
                self._hooks.remove()
        finally:
            if exc is not None:
                self._failed = exc
                if self._segments:
                    self._segments.pop()  # the interrupted generation leaves no half-built trace
            else:
                self._after_generation()

    # ---- hooks -----------------------------------------------------------------------------------
    def _on_input(self, key, input_ids: torch.Tensor) -> None:
        batch, new = input_ids.shape
        seg = self._segments[-1] if self._segments else None
        continuation = seg is not None and seg.batch == batch and (new == 1 or new == seg.length + 1)
        if not continuation:
            seg = _Segment(batch, new + 256, len(self.bundle.principles), self.device)
            seg.prompt_len = new
            self._segments.append(seg)
            P = len(self.bundle.principles)
            z = dict(device=self.device)
            self._ewma = torch.zeros(batch, P, dtype=torch.float32, **z)
            self._cusum = torch.zeros(batch, P, dtype=torch.float32, **z)
            self._gate = torch.zeros(batch, P, dtype=torch.bool, **z)
            self._gate_apply = torch.zeros(batch, P, dtype=torch.bool, **z)
            self._count = torch.zeros(batch, P, dtype=torch.int32, **z)
            self._prompt_gate = torch.zeros(batch, P, dtype=torch.bool, **z)
            self._prefill_gate = torch.zeros(batch, P, dtype=torch.bool, **z)
            self._open = torch.zeros(batch, P, dtype=torch.int32, **z)   # answer steps with the gate open
            self._refusal = torch.zeros(batch, P, dtype=torch.float32, **z)  # summed halt readings
            self._refusing = torch.zeros(batch, P, dtype=torch.bool, **z)    # release readings at the prompt
            self._prefill_release = torch.zeros(batch, P, dtype=torch.bool, **z)
            self._ngen = 0
            if self._header is not None:  # weights of the mean over the last user turn, [batch, new]
                start = request_start(input_ids.to(self.device), self._header)
                w = (torch.arange(new, device=self.device)[None, :] >= start[:, None]).to(torch.float32)
                self._req_w = w / w.sum(dim=-1, keepdim=True)
            self._start, self._new = 0, new
        else:
            if new > 1:  # no-cache decoding: the whole sequence again; only the last position is new
                input_ids = input_ids[:, -1:]
            self._start, self._new = seg.length, 1
            self._ngen += 1
            self._gate_apply.copy_(self._gate)
        seg.grow(self._start + self._new)
        seg.tokens[:, self._start: self._start + self._new] = input_ids[:, -self._new:]
        seg.length = self._start + self._new

    def _on_layer(self, layer, hidden: torch.Tensor):
        seg = self._segments[-1]
        new = self._new
        out = None
        if layer in self._steer_layers:
            out = self._apply_steering(layer, hidden, seg)
        if layer in self._monitor:
            idx, w, b = self._monitor[layer]
            x = (out if out is not None else hidden)[:, -new:, :]
            s = (x.to(torch.float32) @ w + b)                             # [batch, new, k (+ readings)]
            k = len(idx)
            if layer in self._halt_read and 0 < self._ngen <= self._reads_done_after:  # > 0: reads as refusing
                ids, c = self._halt_read[layer]
                # summed over every answer token: it is judged only where the request's gate has been
                # open since prefill (a gate the request opened stays open), so these are its first k
                self._refusal.index_add_(1, ids, s[:, -1, c: c + len(ids)].to(self.device))
            if layer in self._reads["release"] and self._ngen == 0:        # > 0: about to refuse
                ids, c = self._reads["release"][layer]
                self._refusing.index_copy_(1, ids, (s[:, -1, c: c + len(ids)] > 0).to(self.device))
            s = s[..., :k]
            if self._ngen == 0 and layer in self._pooled:                  # the request's reading, in its last slot
                cols, last = self._pooled[layer]
                xf = x.to(torch.float32)
                xm = torch.einsum("bt,btd->bd", self._req_w.to(x.device), xf)
                req = (xm @ w + b)[:, : s.shape[-1]] + xf[:, -1] @ last
                s[:, -1] = torch.where(cols, req, s[:, -1])
            s = s.to(self.device)
            seg.scores[:, self._start: self._start + new].index_copy_(2, idx, s)
            if self._ngen == 0 and self._corr is not None:
                self._open_prefill_gate(idx, s[:, -1])
            if layer == self._deepest:
                self._update_trend(seg)
        return out

    def _open_prefill_gate(self, idx, last_scores) -> None:
        """Same-pass gate: the prompt's last token judged at this monitor layer may be corrected at a later
        steering layer of this very pass (only principles armed for the prompt position)."""
        violation = (last_scores >= self._prompt_thr[idx]) | self.steer.force
        gate = violation & self._corr.prompt_armed[idx]
        self._prefill_gate.index_copy_(1, idx, gate)
        # release: read as benign, but the model is about to refuse: the same correction, opposite sign
        release = ~violation & self._corr.release[idx] & self._refusing.index_select(1, idx)
        self._prefill_release.index_copy_(1, idx, release)

    def _apply_steering(self, layer, hidden, seg):
        idx = self._corr.layers[layer][0]
        if self._ngen == 0:                                                # prefill: the last prompt token only
            gate_now = self._prefill_gate.index_select(1, idx)             # [batch, k]
            release = self._prefill_release.index_select(1, idx)
            touched = gate_now | release
            n, mask = self._corr.prompt_tail(layer, self._new)                # the prompt's last n positions
            end = self._start + self._new
            seg.corrected[:, end - n:end].index_copy_(2, idx, touched[:, None, :] & mask)
            seg.released.index_copy_(1, idx, release)
            self._count.index_add_(1, idx, touched.to(torch.int32) * mask.sum(0, dtype=torch.int32))
            coef = gate_now.to(torch.float32) - release.to(torch.float32)  # +1 correct, -1 release, 0 untouched
            return self._corr.apply_prompt(layer, hidden, coef.to(hidden.device))
        if layer not in self._corr.answer_layers:       # only prompt corrections here: nothing to do per token
            return None
        t = hidden.shape[1]
        if t == 1 and layer in self._corr.decode and self._budget == NEVER:   # a KV-cache step, all principles
            gate_all = self._gate_apply & self._corr.decode[layer][0]          # [batch, P]
            seg.corrected[:, self._start] |= gate_all
            return self._corr.apply_step(layer, hidden, gate_all.to(hidden.device))
        gate_now = self._gate_apply.index_select(1, idx) & self._corr.answer_mask[layer]
        seg.corrected[:, self._start].index_copy_(1, idx, gate_now)
        if self._budget < NEVER:
            self._count.index_add_(1, idx, gate_now.to(torch.int32))
        # With the KV cache the pass holds one position. Without it, the whole sequence is recomputed
        # each step, so every position corrected earlier is corrected again, exactly as it was.
        gate = (gate_now[:, None, :] if t == 1 else
                seg.corrected[:, self._start + 1 - t: self._start + 1].index_select(2, idx))  # [batch, t, k]
        return self._corr.apply(layer, hidden, gate.to(hidden.device))

    def _on_logits(self, key, logits: torch.Tensor):
        force_eos(logits, self._segments[-1].halted.to(logits.device), self._eos)
        return logits

    def _update_trend(self, seg) -> None:
        pos = self._start + self._new - 1
        s = seg.scores[:, pos]                                             # [batch, P]
        if self._ngen == 0:
            # Prefill: prompt-level principles judge the last prompt token (the state before the first
            # generated token); the answer's EWMA starts at the compliant token mean.
            self._ewma = self._mean.expand_as(s).clone()
            self._cusum.zero_()
            violation = s >= self._prompt_thr
            warning = violation
            self._prompt_gate = violation & self._armed
        else:
            if self._eos is not None and self._ngen <= self._reads_done_after:
                self._open.add_(self._gate_apply.to(torch.int32))  # answer steps with the gate open
            self._ewma.mul_(self._keep).addcmul_(s, self._lam)
            self._cusum.addcmul_(s, self._inv_std).sub_(self._shift).clamp_(min=0.0)
            crossed = (self._ewma >= self._thr) | (self._cusum >= self._cusum_v)
            violation = crossed if self._ngen >= self._warmup else torch.zeros_like(crossed)
            warning = (self._ewma >= self._warn) | (self._cusum >= self._cusum_w)
        # OK 0, WARNING 1, VIOLATION 2: a violation also counts as a warning, so the state is their sum
        seg.states[:, pos] = (warning | violation).to(torch.int8) + violation.to(torch.int8)
        seg.ewma[:, pos] = self._ewma
        if self.steer is not None:
            # a request judged harmful keeps its gate for the whole answer (within the budget); a gate
            # opened by the answer's own scores stays open while they stay at warning level (hysteresis)
            keep = self._gate & (warning | self._prompt_gate)
            gate = (torch.ones_like(keep) if self.steer.force else keep | violation) & self._armed
            if self._budget < NEVER:
                gate = gate & (self._count < self._budget)
            self._gate.copy_(gate)
            if self._eos is not None and (not self._only_reads or self._ngen in self._halt_steps):
                self._escalate(seg, violation, pos)

    def _escalate(self, seg, violation, pos: int) -> None:
        """Halt rows where an armed principle still reads violation after ``halt_after`` answer tokens
        generated with its gate open (a correction at the prompt's last token acts on all of them)."""
        # a principle judged on requests, with a halt reading: the request still violates unless the answer
        # reads as a refusal, judged once, after exactly halt_after answer tokens with the gate open
        k = self._corr.halt_after                    # NEVER for principles that are not armed or never halt
        if self._only_reads:  # every principle that may halt asks its halt reading, exactly once (at k tokens)
            due = self._prompt_gate & (self._refusal <= 0) & (self._open == k)
            new = due.any(dim=-1)
            seg.halt_pos.masked_fill_(new, pos)
            seg.halt_due |= due
            seg.halted |= new
            return
        if self._halt_read:
            violation = torch.where(self._reads_refusal, self._prompt_gate & (self._refusal <= 0) & (self._open == k),
                                    violation)
        due = violation & (self._open >= k)                                        # [batch, P]
        new = due.any(dim=-1) & ~seg.halted
        seg.halt_pos.masked_fill_(new, pos)
        seg.halt_due |= due & new[:, None]                  # which principles halted it (trace: the first)
        seg.halted |= new

    # ---- results ---------------------------------------------------------------------------------
    @property
    def traces(self) -> list:
        if self._failed is not None and not self._segments:
            raise RuntimeError(f"the watched generation raised {type(self._failed).__name__}: {self._failed}; "
                               f"there is no trace") from self._failed
        return [self._trace(seg) for seg in self._segments]

    @property
    def trace(self):
        """The last completed generation's :class:`~reasonwatch.trace.Trace`."""
        traces = self.traces
        if not traces:
            raise RuntimeError("no generation ran inside this watch() context")
        return traces[-1]

    def _trace(self, seg: _Segment):
        if seg.trace is None:
            from .trace import Trace
            seg.trace = Trace.from_buffers(seg, self.bundle, self.tokenizer, steer=self.steer,
                                           levels=(self._thr, self._warn, self._prompt_thr))
        return seg.trace

    def _after_generation(self) -> None:
        if not self._segments or (self.audit is None and self.drift is None):
            return
        for trace in self.traces:
            if self.audit is not None:
                trace.write_audit(self.audit, bundle_hash=self.bundle.sha256, fingerprint=self.bundle.fingerprint)
            if self.drift is not None:
                for summary in trace.summaries():
                    self.drift.update(summary, audit=self.audit)


def watch(model, bundle: ProbeBundle | str | None = None, *, tokenizer=None, steer: SteerPolicy | None = None,
          trend: TrendConfig | None = None, principles=None, audit=None, drift=None,
          block_path: str | None = None) -> WatchRun:
    """Watch ``model.generate()`` calls made inside the ``with`` block.

    Args:
        model: a HuggingFace causal LM or a TransformerLens ``TransformerBridge``.
        bundle: a :class:`~reasonwatch.bundle.ProbeBundle`, a path to one, or ``None`` for the shipped
            bundle of the default model.
        tokenizer: used to decode tokens in the trace and to check batches are left-padded.
        steer: a :class:`SteerPolicy` arms corrections; ``None`` only watches.
        trend: detector settings.
        principles: watch only these principle ids.
        audit: an :class:`~reasonwatch.audit.AuditLog`: events and corrections are appended after
            each generation.
        drift: a :class:`~reasonwatch.drift.DriftTracker` updated with each sequence's summary.

    Returns:
        a :class:`WatchRun`; after ``generate()``, ``run.trace`` holds scores ``[sequence, position,
        principle]``, states, events and corrections.
    """
    if bundle is None or isinstance(bundle, (str, bytes)) or hasattr(bundle, "__fspath__"):
        from .bundle import default_bundle_path
        bundle = load_bundle(bundle or default_bundle_path())
    return WatchRun(model, bundle, tokenizer=tokenizer, steer=steer, trend=trend, principles=principles,
                    audit=audit, drift=drift, block_path=block_path)
