"""Probe bundles: every principle's probe, thresholds and steering vector in one file.

A bundle is a single ``.safetensors`` file. Its tensors hold, per principle ``p``:

- ``probe.p.weight``  ``[d_model]``: the probe's direction in *raw* residual space (the scaler is folded
  in, so a score is one dot product: ``score = x @ weight + bias``, a logit for logistic probes);
- ``steer.p.vector``  ``[d_model]``: mean(compliant) - mean(violating) at the steering layer.

Its metadata (the safetensors header's string map) holds one JSON document: the model fingerprint, the
constitution id and hash, the package version, and per principle the layer, probe kind, bias,
thresholds (violation, warning), the compliant score distribution used to standardise scores for trend
detection, the steering layer and residual-norm statistics, how answers and requests are read
(``response_pool``, ``request_pool``), the action, and the metrics the probe was selected on. Saving
writes a temporary file and renames it, so a crash never replaces a good bundle with half a file.
Loading checks the format and (with ``model=``) the model fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import torch

FORMAT = "reasonwatch-bundle/1"


class BundleError(ValueError):
    """A bundle that cannot be used; the message names the file or principle and the problem."""


_OPTIONAL_TENSORS = ("halt", "last", "release")
"""Optional per-principle directions, stored as ``{name}.{principle}.weight`` (attribute ``{name}_weight``)."""
_TENSORS = ("weight", "steer_vector") + tuple(f"{name}_weight" for name in _OPTIONAL_TENSORS)


@dataclass(frozen=True)
class PrincipleProbe:
    """One principle's probe and steering vector.

    Attributes:
        id: principle id.
        layer: monitor layer (block index) the probe reads.
        kind: ``"logistic"`` or ``"diffmean"``.
        weight: ``[d_model]`` raw-space direction; ``score = x @ weight + bias``.
        bias: scalar offset.
        threshold: score at or above which a response violates (calibrated at ``target_fpr``).
        warning: lower score level for the trend detector (calibrated at ``warning_fpr``).
        score_mean, score_std: the compliant (pooled) score distribution on val.
        monitor_*, cusum_*, token_mean/std, prompt_threshold, ewma, cusum_k, warmup: the per-token
            monitor's calibration (see :func:`reasonwatch.train.calibrate_monitor`).
        steer_layer: block whose output the steering vector is added to.
        steer_vector: ``[d_model]`` mean(compliant) - mean(violating) activations at ``steer_layer``.
        resid_norm: mean L2 norm of the residual stream at ``steer_layer``, first (attention-sink)
            position excluded (for relative strengths).
        action: ``"add"``, ``"project"`` or ``"clamp"``.
        steer: whether correction is allowed for this principle.
        metrics: what the probe was selected on (val/test AUROC with CIs, TPR@1%FPR, ...).
    """
    id: str
    layer: int
    kind: str
    weight: torch.Tensor = field(repr=False, compare=False)
    bias: float
    threshold: float
    warning: float
    score_mean: float
    score_std: float
    steer_layer: int
    steer_vector: torch.Tensor = field(repr=False, compare=False)
    resid_norm: float
    action: str = "add"
    steer: bool = True
    target_fpr: float = 0.01
    warning_fpr: float = 0.05
    metrics: dict = field(default_factory=dict, repr=False, compare=False)
    # Levels of the per-token monitor, calibrated by simulating it over compliant val answers
    # (teacher-forced): at most target_fpr (warning_fpr) of them ever reach the violation (warning) level.
    monitor_threshold: float | None = None
    monitor_warning: float | None = None
    cusum_violation: float | None = None
    cusum_warning: float | None = None
    token_mean: float | None = None
    token_std: float | None = None
    prompt_threshold: float | None = None
    """Violation level of the last prompt token's score (prompt-level principles only; else None)."""
    ewma: float = 0.25
    cusum_k: float = 0.5
    warmup: int = 3
    judges: str = "both"
    """What the probe was fitted on and may judge offline: ``prompt`` (requests, at their last token),
    ``response`` or ``both``. ``reasonwatch score`` says ``n/a`` where a probe does not judge."""
    steer_alpha: float = 0.05
    """Default relative steering strength, chosen on val by the steering efficacy rule."""
    steer_positions: str = "answer"
    """Default positions a correction touches: ``prompt``, ``answer`` or ``both`` (see :mod:`reasonwatch.steer`)."""
    steer_prompt_tokens: int = 1
    """How many of the prompt's last tokens a ``prompt`` correction touches (chosen on val; bundles written
    before this setting load as 1)."""
    halt_after: int | None = None
    """Default escalation: halt a sequence still violating after this many answer tokens with its gate open
    (None: never)."""
    request_pool: str = "last"
    """How a request is read for the prompt-level verdict: ``last`` (the last prompt token) or ``mean``
    (the mean over the last user turn, :func:`reasonwatch.capture.request_start`; with ``last_weight``,
    plus ``last_weight`` · the last prompt token's residual)."""
    response_pool: str = "mean"
    """How an answer is read for the response-level verdict (``score``): ``mean`` (the mean over its content
    tokens) or ``last`` (its last content token, the one before the turn's end marker: the capture rule
    ``response_last``). Bundles written before this setting load as ``mean``. The per-token monitor is the
    same either way (one score per token)."""
    last_weight: torch.Tensor | None = field(default=None, repr=False, compare=False)
    """With ``request_pool = "mean"``: a second direction read at the request's last token, added to the
    turn mean's score (a probe over both readings of the request)."""
    halt_weight: torch.Tensor | None = field(default=None, repr=False, compare=False)
    """For a principle judged on requests: a probe at its layer that reads whether the answer is a refusal
    (the mean over its first ``halt_after`` tokens; positive = refusing). A request judged violating
    whose answer does not read as a refusal after ``halt_after`` tokens is halted. ``None``: the
    principle's own per-token verdict decides."""
    halt_bias: float = 0.0
    release_weight: torch.Tensor | None = field(default=None, repr=False, compare=False)
    """For a principle that corrects toward refusal at the prompt's last token: a probe at its layer that reads,
    at that token, whether the model is about to refuse (positive = refusing). Where the principle's gate stays
    closed (the request is read as benign) and this reads positive, the correction is applied with the
    opposite sign: the model's own over-refusal is released. ``None``: no release."""
    release_bias: float = 0.0

    def meta(self) -> dict:
        out = asdict(self)
        for name in _TENSORS:
            out.pop(name)
        return out


@dataclass(frozen=True)
class ProbeBundle:
    """Probes for every principle of a constitution, for one model.

    Example:
        >>> bundle = load_bundle("probes/smollm2-core.safetensors", model=model)   # doctest: +SKIP
        >>> bundle.ids
        ('harmlessness', 'excessive_refusal', ...)
    """
    principles: tuple[PrincipleProbe, ...]
    fingerprint: dict
    constitution: dict = field(default_factory=dict)  # id, version, sha256
    info: dict = field(default_factory=dict)          # package version, created, training settings
    path: Path | None = field(default=None, compare=False)
    sha256: str = field(default="", compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)

    @property
    def d_model(self) -> int:
        return int(self.fingerprint["d_model"])

    def principle(self, principle_id: str) -> PrincipleProbe:
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise BundleError(f"principle {principle_id!r} is not in this bundle; it has {', '.join(self.ids)}")

    def select(self, ids: Iterable[str]) -> "ProbeBundle":
        """A bundle with only the named principles (each must exist)."""
        return replace(self, principles=tuple(self.principle(i) for i in ids))

    def check_model(self, model: Any) -> None:
        """Raise :class:`BundleError` unless ``model`` has this bundle's fingerprint."""
        from .models import check_fingerprint, fingerprint
        try:
            check_fingerprint(self.fingerprint, fingerprint(model), what=f"probe bundle {self.path or ''}".strip())
        except ValueError as err:
            raise BundleError(str(err)) from None

    @property
    def layers(self) -> list[int]:
        """Monitor layers, sorted."""
        return sorted({p.layer for p in self.principles})

    def stacked(self, layer: int, dtype=torch.float32, device=None) -> tuple[list[int], torch.Tensor, torch.Tensor]:
        """Principles read at ``layer``: their indices, weights ``[d_model, k]`` and biases ``[k]``."""
        idx = [i for i, p in enumerate(self.principles) if p.layer == layer]
        w = torch.stack([self.principles[i].weight for i in idx], dim=1).to(device=device, dtype=dtype)
        b = torch.tensor([self.principles[i].bias for i in idx], dtype=dtype, device=device)
        return idx, w, b

    def score(self, acts: dict[int, torch.Tensor]) -> torch.Tensor:
        """Scores ``[n, principles]`` from activations ``{layer: [n, d_model]}``."""
        cols = []
        for p in self.principles:
            if p.layer not in acts:
                raise BundleError(f"principle {p.id!r} reads layer {p.layer}, which is not in the activations")
            cols.append(acts[p.layer].float() @ p.weight + p.bias)
        return torch.stack(cols, dim=-1)

    # ---- persistence -----------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"format": FORMAT, "fingerprint": self.fingerprint, "constitution": self.constitution,
                "info": self.info, "principles": [p.meta() for p in self.principles]}

    def save(self, path: str | Path) -> Path:
        """Write the bundle atomically (temporary file, then rename)."""
        from safetensors.torch import save_file
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tensors = {}
        for p in self.principles:
            tensors[f"probe.{p.id}.weight"] = p.weight.detach().float().contiguous().cpu()
            tensors[f"steer.{p.id}.vector"] = p.steer_vector.detach().float().contiguous().cpu()
            for name in _OPTIONAL_TENSORS:
                t = getattr(p, f"{name}_weight")
                if t is not None:
                    tensors[f"{name}.{p.id}.weight"] = t.detach().float().contiguous().cpu()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(fd)
        try:
            save_file(tensors, tmp, metadata={"reasonwatch": json.dumps(self.to_json(), sort_keys=True)})
            os.chmod(tmp, 0o644)  # mkstemp creates it private; a bundle is an ordinary shared artifact
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def __repr__(self) -> str:
        return (f"ProbeBundle({len(self.principles)} principles {list(self.ids)}, layers={self.layers}, "
                f"model={self.fingerprint.get('architecture')}/{self.fingerprint.get('d_model')}, "
                f"constitution={self.constitution.get('id')})")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{p.id}</td><td>{p.layer}</td><td>{p.kind}</td>"
            f"<td>{p.metrics.get('test', {}).get('auroc', float('nan')):.3f}</td>"
            f"<td>{p.threshold:.2f}</td><td>{p.warning:.2f}</td><td>{p.steer_layer}</td></tr>"
            for p in self.principles)
        return ("<table><tr><th>principle</th><th>layer</th><th>kind</th><th>test AUROC</th>"
                f"<th>threshold</th><th>warning</th><th>steer layer</th></tr>{rows}</table>")


def load_bundle(path: str | Path, *, model: Any = None) -> ProbeBundle:
    """Load a bundle; with ``model``, check that it was trained for that model."""
    from safetensors import safe_open
    path = Path(path)
    if not path.is_file():
        raise BundleError(f"No probe bundle at {path}")
    raw = path.read_bytes()
    try:
        with safe_open(str(path), framework="pt") as f:
            header = f.metadata() or {}
            tensors = {k: f.get_tensor(k) for k in f.keys()}
    except Exception as err:  # safetensors raises its own error types for cut or corrupt files
        raise BundleError(f"{path} is not a readable probe bundle (cut short or corrupt?): {err}") from err
    if "reasonwatch" not in header:
        raise BundleError(f"{path} is a safetensors file but not a reasonwatch probe bundle")
    try:
        meta = json.loads(header["reasonwatch"])
        if meta.get("format") != FORMAT:
            raise BundleError(f"{path}: bundle format {meta.get('format')!r}, expected {FORMAT!r}")
        principles = []
        for pm in meta["principles"]:
            pid = pm["id"]
            principles.append(PrincipleProbe(weight=tensors[f"probe.{pid}.weight"],
                                             steer_vector=tensors[f"steer.{pid}.vector"],
                                             **{f"{name}_weight": tensors.get(f"{name}.{pid}.weight")
                                                for name in _OPTIONAL_TENSORS}, **pm))
    except (KeyError, TypeError, json.JSONDecodeError) as err:
        raise BundleError(f"{path}: malformed bundle metadata ({err.__class__.__name__}: {err})") from err
    bundle = ProbeBundle(tuple(principles), meta["fingerprint"], meta.get("constitution", {}),
                         meta.get("info", {}), path=path, sha256=hashlib.sha256(raw).hexdigest())
    for p in bundle.principles:
        shapes = [t.shape for t in (getattr(p, name) for name in _TENSORS) if t is not None]
        if any(shape != (bundle.d_model,) for shape in shapes):
            raise BundleError(f"{path}: principle {p.id!r} has tensors of shape {tuple(p.weight.shape)}, "
                              f"expected ({bundle.d_model},)")
    if model is not None:
        bundle.check_model(model)
    return bundle


def default_bundle_path() -> Path:
    """The bundle shipped for the default model and the core constitution."""
    return Path(__file__).resolve().parents[1] / "probes" / "smollm2-core.safetensors"


def new_info(**settings) -> dict:
    from . import __version__
    return {"package_version": __version__, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            **settings}
