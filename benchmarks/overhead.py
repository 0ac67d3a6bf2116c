"""Overhead of watching: tokens/s of watched generate() against plain generate(), same process.

Modes, run interleaved (plain, watch, armed, fired, item-monitor, plain, ...) so machine drift hits all
alike; each reports the median tokens/s with its spread and a bootstrap 95% CI, and the ratio to plain:

- ``plain``: ``model.generate`` alone;
- ``watch``: every principle of the bundle scored at every position, trend detection, no steering;
- ``armed``: steering armed for every principle, never firing (thresholds out of reach);
- ``fired``: steering forced on from the first generated token (every step steers);
- ``item_monitor``: a hand-written monitor as often written: a hook per monitor layer computing the
  probe scores and calling ``.item()`` for each principle at every step, with a Python ``if``.

The time spent inside reasonwatch's hooks is also measured directly (perf_counter around each hook
call; on a GPU, CUDA events would be needed instead) and reported as a share of the decode step.

    python -m benchmarks.overhead [--new-tokens 64] [--repeats 7] [--batch 1]
    python -m benchmarks.overhead --device cuda --shapes 135m,1b,8b --batch 1,16   # on a GPU machine
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

import torch

from benchmarks.common import median_ci, write_result

PROMPTS = ["Can you explain how vaccines train the immune system, in simple terms?",
           "What should I pack for a three-day hiking trip in autumn?",
           "Write a short, friendly reply to a customer whose parcel is late.",
           "How does compound interest work?"]

SHAPES = {  # random-weight Llama-shaped models for the GPU section
    "135m": dict(hidden_size=576, intermediate_size=1536, num_hidden_layers=30, num_attention_heads=9,
                 num_key_value_heads=3),
    "1b": dict(hidden_size=2048, intermediate_size=8192, num_hidden_layers=16, num_attention_heads=32,
               num_key_value_heads=8),
    "8b": dict(hidden_size=4096, intermediate_size=14336, num_hidden_layers=32, num_attention_heads=32,
               num_key_value_heads=8),
}


class ItemMonitor:
    """The naive baseline: per-token host syncs inside hooks."""

    def __init__(self, model, bundle):
        from reasonwatch.hooks import ResidualHooks
        self.scores: list = []
        self.fired = False
        layers = {}
        for p in bundle.principles:
            layers.setdefault(p.layer, []).append(p)

        def hook(layer, hidden):
            x = hidden[:, -1, :].float()
            for p in layers[layer]:
                s = (x @ p.weight.to(x.device) + p.bias)[0].item()
                self.scores.append(s)
                if s > p.threshold:
                    self.fired = True
        self._hooks = ResidualHooks(model, {layer: hook for layer in layers})

    def __enter__(self):
        self._hooks.__enter__()
        return self

    def __exit__(self, *exc):
        self._hooks.__exit__(*exc)


def _timed(fn, acc):
    def wrapper(*args):
        t = time.perf_counter()
        out = fn(*args)
        acc[0] += time.perf_counter() - t
        return out
    return wrapper


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def run_modes(model, bundle, inputs, *, new_tokens: int, repeats: int, device) -> dict:
    from reasonwatch.monitor import SteerPolicy, watch
    inf = float("inf")
    unreachable = replace(bundle, principles=tuple(
        replace(p, threshold=inf, warning=inf, monitor_threshold=inf, monitor_warning=inf, cusum_violation=inf,
                cusum_warning=inf, prompt_threshold=inf) for p in bundle.principles))
    gen = dict(max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False)
    hook_seconds = [0.0]

    def plain():
        return model.generate(**inputs, **gen)

    def watched(b, steer):
        def go():
            run = watch(model, b, steer=steer)
            run._on_input = _timed(run._on_input, hook_seconds)
            run._on_layer = _timed(run._on_layer, hook_seconds)
            run._on_logits = _timed(run._on_logits, hook_seconds)   # escalation's end-of-sequence mask
            with run:
                out = model.generate(**inputs, **gen)
            return out
        return go

    def item():
        with ItemMonitor(model, bundle):
            return model.generate(**inputs, **gen)

    modes = {"plain": plain, "watch": watched(bundle, None), "armed": watched(unreachable, SteerPolicy()),
             "fired": watched(bundle, SteerPolicy(force=True)), "item_monitor": item}
    for fn in modes.values():  # warm-up
        fn()
    times: dict = {k: [] for k in modes}
    hook_share: dict = {"watch": [], "armed": []}
    for _ in range(repeats):
        for name, fn in modes.items():
            hook_seconds[0] = 0.0
            _sync(device)
            t = time.perf_counter()
            fn()
            _sync(device)
            dt = time.perf_counter() - t
            times[name].append(dt)
            if name in hook_share and device.type == "cpu":
                hook_share[name].append(hook_seconds[0] / dt)
    batch = inputs["input_ids"].shape[0]
    out = {}
    base = times["plain"]
    for name, ts in times.items():
        tps = [batch * new_tokens / t for t in ts]
        ratio = [t / b for t, b in zip(ts, base)]  # time relative to the plain run of the same round
        out[name] = {"tokens_per_s": median_ci(tps), "time_over_plain": median_ci(ratio)}
    for name, shares in hook_share.items():
        if shares:
            out[name]["hook_share_of_step"] = median_ci(shares)
    return out


def cpu_section(args) -> dict:
    from reasonwatch.bundle import default_bundle_path, load_bundle
    from reasonwatch.models import load_model
    model, tok = load_model()
    tok.padding_side = "left"
    bundle = load_bundle(default_bundle_path(), model=model)
    results = {}
    for batch in args.batch:
        chats = [tok.apply_chat_template([{"role": "user", "content": PROMPTS[i % len(PROMPTS)]}],
                                         add_generation_prompt=True, tokenize=False) for i in range(batch)]
        inputs = tok(chats, return_tensors="pt", padding=True, add_special_tokens=False)
        r = run_modes(model, bundle, inputs, new_tokens=args.new_tokens, repeats=args.repeats,
                      device=torch.device("cpu"))
        results[f"batch{batch}"] = r
        _print(f"SmolLM2-135M cpu batch {batch}", r)
    return {"model": "SmolLM2-135M-Instruct", "dtype": "float32", "principles": len(bundle.principles),
            "monitor_layers": bundle.layers, "results": results}


def gpu_section(args) -> dict:
    from transformers import AutoConfig, AutoModelForCausalLM

    from reasonwatch.bundle import PrincipleProbe, ProbeBundle
    from reasonwatch.models import fingerprint
    device = torch.device("cuda")
    results = {}
    for shape in args.shapes:
        config = AutoConfig.for_model("llama", vocab_size=32000, max_position_embeddings=4096, **SHAPES[shape])
        with torch.device(device):
            model = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16).eval()
        model.generation_config.pad_token_id = 0
        d, n = config.hidden_size, config.num_hidden_layers
        g = torch.Generator().manual_seed(0)
        probes = tuple(PrincipleProbe(id=f"p{i}", layer=[n // 2, (2 * n) // 3][i % 2], kind="logistic",
                                      weight=torch.randn(d, generator=g) / d ** 0.5, bias=0.0, threshold=1e9,
                                      warning=1e9, score_mean=0.0, score_std=1.0, steer_layer=n // 2,
                                      steer_vector=torch.randn(d, generator=g), resid_norm=1.0)
                       for i in range(7))
        bundle = ProbeBundle(probes, fingerprint(model))
        for batch in args.batch:
            ids = torch.randint(10, 32000, (batch, 32), device=device)
            inputs = {"input_ids": ids, "attention_mask": torch.ones_like(ids)}
            r = run_modes(model, bundle, inputs, new_tokens=args.new_tokens, repeats=args.repeats, device=device)
            results[f"{shape}_batch{batch}"] = r
            _print(f"llama-{shape} {device} batch {batch}", r)
        del model
        torch.cuda.empty_cache()
    return {"dtype": "bfloat16", "device": torch.cuda.get_device_name(0), "results": results}


def _print(title, r):
    print(title)
    for name, v in r.items():
        extra = f"  hook share {v['hook_share_of_step']['median']:.2%}" if "hook_share_of_step" in v else ""
        print(f"  {name:13s} {v['tokens_per_s']['median']:8.1f} tok/s   time x{v['time_over_plain']['median']:.3f} "
              f"[{v['time_over_plain']['ci95'][0]:.3f}, {v['time_over_plain']['ci95'][1]:.3f}]{extra}")


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--batch", default="1", help="comma-separated batch sizes")
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    parser.add_argument("--shapes", default="135m,1b,8b", help="GPU section: model shapes")
    args = parser.parse_args(argv)
    args.batch = [int(x) for x in args.batch.split(",")]
    args.shapes = args.shapes.split(",")
    if args.device == "cuda":
        result = gpu_section(args)
        name = "overhead_gpu"
    else:
        result = cpu_section(args)
        name = "overhead_cpu"
    result["target"] = "<= 1% slower on CPU (hook share <= 1%), <= 2% on GPU"
    path = write_result(name, result)
    print(f"-> {path}")
    return result


if __name__ == "__main__":
    main()
