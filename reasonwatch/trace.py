"""The trace of one watched generation: per-token scores, states, events and corrections.

Built once, on the host, from the device buffers of :mod:`reasonwatch.monitor` after ``generate()``
returns. Axes: ``sequence`` (batch row), ``position`` (token index in the padded prompt + generation),
``principle`` (bundle order). Positions that are padding (the left padding of the prompt, anything after
a sequence's end-of-sequence token) are marked invalid and carry no events.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import numpy as np

STATE_NAMES = ("ok", "warning", "violation")
_LINEAR_FLOOR = 12.0   # Trace.plot: below this, the y axis turns symmetric-logarithmic ...
_LINEAR_SPAN = 4.0     # ... linear within ±this, around the violation level


@dataclass(frozen=True)
class Trace:
    """Scores ``[sequence, position, principle]`` and what the monitor did with them.

    Attributes:
        principles: principle ids (the last axis).
        tokens: ``[sequence, position]`` token ids.
        token_text: decoded tokens per sequence (empty strings without a tokenizer).
        valid: ``[sequence, position]`` False on padding.
        prompt_len: number of (padded) prompt positions; generation starts there.
        scores: ``[sequence, position, principle]`` probe scores (logits).
        states: ``[sequence, position, principle]`` 0 ok, 1 warning, 2 violation (set from the last prompt
            position on).
        ewma: ``[sequence, position, principle]`` the monitor's smoothed score (from the prompt's end on).
        corrected: ``[sequence, position, principle]`` True where steering changed the residual.
        thresholds, warnings: per principle, the levels the monitor compares the EWMA with.
        prompt_thresholds: per principle, the level for the last prompt token (inf: not judged there).
        events: state changes upward (warning, violation), as dicts.
        corrections: contiguous steered spans, as dicts (``release``: True where the correction was applied
            with the opposite sign, releasing an over-refusal; :mod:`reasonwatch.steer`).
        halts: sequences stopped by escalation: ``{sequence, principle, position, generated_index,
            reason}`` (the token generated from ``position`` on was forced to end-of-sequence).
        halt_message: what :meth:`display_text` shows for a halted sequence.
    """
    principles: tuple
    tokens: np.ndarray = field(repr=False)
    token_text: list = field(repr=False)
    valid: np.ndarray = field(repr=False)
    prompt_len: int
    scores: np.ndarray = field(repr=False)
    states: np.ndarray = field(repr=False)
    ewma: np.ndarray = field(repr=False)
    corrected: np.ndarray = field(repr=False)
    thresholds: np.ndarray = field(repr=False)
    warnings: np.ndarray = field(repr=False)
    prompt_thresholds: np.ndarray = field(repr=False)
    events: list = field(repr=False)
    corrections: list = field(repr=False)
    generation_id: str = ""
    steer: dict | None = None
    halts: list = field(default_factory=list, repr=False)
    halt_message: str = ""

    @classmethod
    def from_buffers(cls, seg, bundle, tokenizer=None, *, steer=None, levels=None) -> "Trace":
        n = seg.length
        # the one device-to-host copy of the generation
        scores = seg.scores[:, :n].float().cpu().numpy()
        states = seg.states[:, :n].cpu().numpy()
        ewma = seg.ewma[:, :n].float().cpu().numpy()
        thr, warn, prompt_thr = (np.array([p.threshold for p in bundle.principles]),
                                 np.array([p.warning for p in bundle.principles]),
                                 np.full(len(bundle.principles), np.inf)) if levels is None else \
            tuple(t.float().cpu().numpy() for t in levels)
        corrected = seg.corrected[:, :n].cpu().numpy()
        released = seg.released.cpu().numpy()
        tokens = seg.tokens[:, :n].cpu().numpy()
        valid = np.ones(tokens.shape, dtype=bool)
        pad_id = eos_ids = None
        if tokenizer is not None:
            pad_id = tokenizer.pad_token_id
            eos = tokenizer.eos_token_id
            eos_ids = set(eos if isinstance(eos, list) else [eos]) - {None}
        for b in range(tokens.shape[0]):
            if pad_id is not None:
                lead = 0
                while lead < seg.prompt_len - 1 and tokens[b, lead] == pad_id:
                    lead += 1
                valid[b, :lead] = False
            if eos_ids:
                gen = tokens[b, seg.prompt_len:]
                ends = [i for i, t in enumerate(gen) if t in eos_ids]
                if ends:
                    valid[b, seg.prompt_len + ends[0] + 1:] = False
        token_text = [[tokenizer.decode([t]) if tokenizer is not None else "" for t in row] for row in tokens]
        principles = bundle.ids
        events = []
        start = seg.prompt_len - 1
        for b in range(tokens.shape[0]):
            for j, pid in enumerate(principles):
                prev = 0
                for pos in range(start, n):
                    if not valid[b, pos]:
                        continue
                    st = int(states[b, pos, j])
                    if st > prev:
                        events.append({"sequence": b, "principle": pid, "position": pos,
                                       "state": STATE_NAMES[st], "score": float(scores[b, pos, j]),
                                       "generated_index": pos - seg.prompt_len})
                    prev = st
        halts = []
        halted_pos = seg.halt_pos.cpu().numpy()
        halted_by = seg.halt_due.cpu().numpy()
        for b in np.flatnonzero(halted_pos >= 0):
            pos, j = int(halted_pos[b]), int(np.argmax(halted_by[b]))
            after = steer.halt_after if steer is not None and steer.halt_after is not None else \
                bundle.principles[j].halt_after
            halts.append({"sequence": int(b), "principle": principles[j], "position": pos,
                          "generated_index": pos - seg.prompt_len + 1, "score": float(scores[b, pos, j]),
                          "reason": (f"request judged violating and the answer did not read as a refusal after "
                                     f"{after} token(s) with the correction on"
                                     if bundle.principles[j].halt_weight is not None and after else
                                     f"still violating after {after} answer token(s) with the correction on")})
        corrections = []
        steer_dict = None
        if steer is not None:
            from dataclasses import asdict
            steer_dict = asdict(steer)
            for b in range(tokens.shape[0]):
                for j, pid in enumerate(principles):
                    col = corrected[b, :, j] & valid[b]
                    pos = 0
                    while pos < n:
                        if col[pos]:
                            end = pos
                            while end < n and col[end]:
                                end += 1
                            p = bundle.principles[j]
                            corrections.append({"sequence": b, "principle": pid, "start": pos, "end": end,
                                                "tokens": end - pos, "action": steer.action or p.action,
                                                "alpha": p.steer_alpha if steer.alpha is None else steer.alpha,
                                                "relative": steer.relative,
                                                "release": bool(released[b, j] and pos < seg.prompt_len <= end)})
                            pos = end
                        else:
                            pos += 1
        return cls(principles=tuple(principles), tokens=tokens, token_text=token_text, valid=valid,
                   prompt_len=seg.prompt_len, scores=scores, states=states, ewma=ewma, corrected=corrected,
                   thresholds=thr, warnings=warn, prompt_thresholds=prompt_thr,
                   events=events, corrections=corrections, generation_id=seg.generation_id, steer=steer_dict,
                   halts=halts, halt_message=steer.halt_message if steer is not None else "")

    # ---- views -----------------------------------------------------------------------------------
    @property
    def n_sequences(self) -> int:
        return self.tokens.shape[0]

    def index(self, principle: str) -> int:
        if principle not in self.principles:
            raise KeyError(f"principle {principle!r} is not in this trace; it has {', '.join(self.principles)}")
        return self.principles.index(principle)

    def generated(self, sequence: int = 0) -> np.ndarray:
        """Positions of valid generated tokens of a sequence."""
        pos = np.arange(self.prompt_len, self.tokens.shape[1])
        return pos[self.valid[sequence, self.prompt_len:]]

    def text(self, sequence: int = 0) -> str:
        return "".join(self.token_text[sequence][p] for p in self.generated(sequence))

    def halted(self, sequence: int = 0) -> bool:
        """Whether escalation stopped this sequence."""
        return any(h["sequence"] == sequence for h in self.halts)

    def display_text(self, sequence: int = 0) -> str:
        """What to show the user: the policy's replacement message if the sequence was halted, else its text."""
        return self.halt_message if self.halted(sequence) else self.text(sequence)

    def fired(self, sequence: int | None = None) -> dict:
        """Principles that reached *violation*, per sequence (or for one)."""
        out: dict = {}
        for ev in self.events:
            if ev["state"] == "violation":
                out.setdefault(ev["sequence"], set()).add(ev["principle"])
        return out.get(sequence, set()) if sequence is not None else out

    def summaries(self) -> list[dict]:
        """Per sequence, ``{principle: InteractionSummary}`` for the drift tracker (aggregates only).

        Scores are summarised as probabilities (the logistic of the probe's logit), so they lie in
        [0, 1] like the drift tracker's histogram edges; the positions are the last prompt token and
        every valid generated token.
        """
        from .drift import InteractionSummary
        out = []
        fired = self.fired()
        for b in range(self.n_sequences):
            pos = np.concatenate([[self.prompt_len - 1], self.generated(b)])
            row = {}
            for j, pid in enumerate(self.principles):
                s = 1.0 / (1.0 + np.exp(-self.scores[b, pos, j].astype(np.float64)))
                n_corr = sum(1 for c in self.corrections if c["sequence"] == b and c["principle"] == pid)
                row[pid] = InteractionSummary.from_scores(s, warning=self.states[b, pos, j] >= 1,
                                                          fired=pid in fired.get(b, set()), corrections=n_corr)
            out.append(row)
        return out

    def write_audit(self, log, *, bundle_hash: str, fingerprint) -> list:
        texts = {}
        if getattr(log, "include_text", False):
            texts = {"output_text": json.dumps([self.text(b) for b in range(self.n_sequences)])}
        halts = [{"sequence": h["sequence"], "principle": h["principle"], "position": h["position"],
                  "state": "violation", "score": h["score"], "halted": True, "reason": h["reason"]}
                 for h in self.halts]
        return log.record_generation(generation_id=self.generation_id, model_fingerprint=fingerprint,
                                     bundle_hash=bundle_hash, events=self.events + halts,
                                     corrections=self.corrections,
                                     **texts)

    def to_dict(self) -> dict:
        return {"generation_id": self.generation_id, "principles": list(self.principles),
                "prompt_len": self.prompt_len, "tokens": self.tokens.tolist(),
                "token_text": self.token_text, "valid": self.valid.tolist(),
                "scores": np.round(self.scores, 5).tolist(), "states": self.states.tolist(),
                "ewma": np.round(self.ewma, 5).tolist(), "corrected": self.corrected.tolist(),
                "thresholds": self.thresholds.tolist(), "warnings": self.warnings.tolist(),
                "prompt_thresholds": [None if not np.isfinite(x) else float(x) for x in self.prompt_thresholds], "events": self.events, "corrections": self.corrections,
                "steer": self.steer, "halts": self.halts}

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), **kwargs)

    def __repr__(self) -> str:
        n_v = sum(1 for e in self.events if e["state"] == "violation")
        return (f"Trace({self.n_sequences} sequences x {self.tokens.shape[1]} positions x "
                f"{len(self.principles)} principles, {len(self.events)} events ({n_v} violations), "
                f"{len(self.corrections)} corrections)")

    # ---- plots -----------------------------------------------------------------------------------
    def plot(self, sequence: int = 0, principles=None, ax=None):
        """The monitor's view of one sequence: each principle's smoothed score (EWMA) over the generated
        tokens relative to its violation level, the last prompt token's score relative to its prompt
        level (prompt-level principles), the warning levels, and the steered positions (▼).

        Returns the matplotlib Figure. Every line crosses 0 where its principle would fire.
        """
        from matplotlib.figure import Figure
        fig = None
        if ax is None:
            fig = Figure(figsize=(10, 4))
            ax = fig.add_subplot()
        gen = self.generated(sequence)
        x = gen - self.prompt_len
        lows = [0.0]
        for pid in principles or self.principles:
            j = self.index(pid)
            rel = self.ewma[sequence, gen, j] - self.thresholds[j]
            line, = ax.plot(x, rel, lw=1.4, label=pid)
            lows.append(rel.min() if len(rel) else 0.0)
            if np.isfinite(self.prompt_thresholds[j]):
                p_rel = self.scores[sequence, self.prompt_len - 1, j] - self.prompt_thresholds[j]
                ax.scatter([-1], [p_rel], marker="s", color=line.get_color(), zorder=3)
                lows.append(p_rel)
            mark = self.corrected[sequence, gen, j]
            if mark.any():
                ax.scatter(x[mark], rel[mark], s=18, marker="v", color=line.get_color(), zorder=3)
        ax.axhline(0.0, color="crimson", lw=1, ls="--", label="violation level")
        ax.axhline(float(np.median(self.warnings - self.thresholds)), color="orange", lw=1, ls=":",
                   label="warning level (median)")
        ylabel = "smoothed score - violation level"
        if min(lows) < -_LINEAR_FLOOR:
            # steering can push a score far down: the axis still shows every point, logarithmic beyond
            # ±_LINEAR_SPAN so that the crossings near 0 stay readable
            ax.set_yscale("symlog", linthresh=_LINEAR_SPAN)
            ylabel += f" (log scale beyond ±{_LINEAR_SPAN:g})"
        ax.set_xlabel("generated token (-1, squares: the prompt's last token)")
        ax.set_ylabel(ylabel)
        ax.set_title("reasonwatch: per-token principle scores (▼ steered)")
        ax.legend(fontsize=7, ncol=2, loc="upper right")
        ax.grid(alpha=0.3)
        if fig is not None:
            fig.tight_layout()
        return fig if fig is not None else ax.figure

    def _repr_html_(self) -> str:
        parts = [f"<div style='font-family:monospace'><b>{html.escape(repr(self))}</b>"]
        for b in range(min(self.n_sequences, 8)):
            pos = self.generated(b)
            rel = self.ewma[b] - self.thresholds[None, :]
            spans = []
            for p in pos:
                j = int(np.argmax(rel[p]))
                level = float(np.clip((rel[p, j] + 4) / 4, 0, 1))  # 0 well below threshold, 1 at/above
                color = f"rgba(220,40,40,{0.75 * level:.2f})"
                title = "; ".join(f"{pid}={self.scores[b, p, k]:.2f}" for k, pid in enumerate(self.principles))
                border = "border-bottom:2px solid #1565c0;" if self.corrected[b, p].any() else ""
                spans.append(f"<span title='{html.escape(title)}' style='background:{color};{border}'>"
                             f"{html.escape(self.token_text[b][p])}</span>")
            evs = [e for e in self.events if e["sequence"] == b]
            ev_html = ", ".join(f"{e['principle']} {e['state']} @ {e['generated_index']}" for e in evs) or "none"
            parts.append(f"<p><b>sequence {b}</b> (events: {html.escape(ev_html)})<br>{''.join(spans)}</p>")
        parts.append("<small>shade: the highest smoothed score relative to its violation level; hover for each "
                     "token's scores; underline: steered</small></div>")
        return "".join(parts)
