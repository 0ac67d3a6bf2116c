"""Markdown summary of the benchmark results, with figures.

Reads the JSON files in a results folder (``benchmarks/results/`` by default, or ``$REASONWATCH_RESULTS``)
and writes ``SUMMARY.md`` there: the machine, device and versions each result came from, headline
numbers against their targets, and figures. Drawn here: ``overhead_ratios.png`` (watched time over
plain ``generate()`` per mode) and ``steering_tradeoff.png`` (harmful compliance, degenerate answers
and benign refusals against steering strength). Linked as they are: ``drift_tradeoff.png`` (written by
``benchmarks.drift``) and the probe bundle's AUROC-by-layer figure (written by ``reasonwatch train``
next to the bundle). A benchmark whose file is missing is listed as not run; GPU sections appear only
when a GPU result exists.

    python -m benchmarks.summary [--results DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import os
from pathlib import Path

import numpy as np

from benchmarks.common import results_dir

ROOT = Path(__file__).resolve().parents[1]
AUROC_FIGURE = ROOT / "probes" / "smollm2-core.auroc_by_layer.png"
ORDER = ("probe_accuracy", "capture_throughput", "overhead_cpu", "overhead_gpu", "steering", "principle_efficacy",
         "drift")


def load_results(folder: Path) -> dict:
    out = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "runs.json":
            continue
        try:
            data = json.loads(path.read_text())
        except ValueError as err:
            out[path.stem] = {"error": f"unreadable: {err}"}
            continue
        out[data.get("benchmark", path.stem)] = data
    return out


def _f(x, fmt=".3f") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return format(x, fmt)


def _ci(ci, fmt=".2f") -> str:
    return f"[{_f(ci[0], fmt)}, {_f(ci[1], fmt)}]" if ci else ""


def _yes(ok) -> str:
    return "met" if ok else "**not met**"


def environment_table(results: dict) -> str:
    rows = ["| benchmark | date (UTC) | machine | CPUs | device | python | torch | transformers | reasonwatch | load (1 min) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name in _ordered(results):
        e = results[name].get("environment", {})
        rows.append(f"| {name} | {e.get('date', '?')} | {e.get('processor', '?')} | {e.get('cpu_count', '?')} "
                    f"| {e.get('device', '?')} | {e.get('python', '?')} | {e.get('torch', '?')} "
                    f"| {e.get('transformers', '?')} | {e.get('reasonwatch', '?')} | {e.get('load_average_1m', '?')} |")
    return "\n".join(rows) + "\n"


def _ordered(results: dict) -> list[str]:
    return [x for x in ORDER if x in results] + sorted(x for x in results if x not in ORDER)


# ---- sections -------------------------------------------------------------------------------------
def section_accuracy(r: dict, folder: Path) -> str:
    lines = ["## Probe accuracy (test split)", ""]
    s = r["summary"]
    lines.append(f"- Mean test AUROC over {len(r['principles'])} principles: **{s['mean_auroc']:.3f}** "
                 f"(TF-IDF + logistic regression baseline {s['mean_tfidf_auroc']:.3f}, reply length "
                 f"{s['mean_length_auroc']:.3f}).")
    lines.append(f"- Targets ({r['target']}): met for {', '.join(r['targets_met']) or 'none'}; "
                 f"**missed** for {', '.join(r['targets_missed']) or 'none'}.")
    fit = r.get("fit_timing", {})
    if "skipped" in fit:
        lines.append(f"- Training time once activations are captured: skipped ({fit['skipped']}).")
    elif fit:
        lines.append(f"- Training time once activations are captured: `fit_principle` for {fit['principles']} "
                     f"principles x {fit['layers']} layers x {fit['candidates_per_layer']} candidate probes: "
                     f"**{fit['fit_seconds_total']:.0f} s** (reading the store: {fit['read_seconds']:.1f} s; "
                     f"{r['environment'].get('torch_threads', '?')} torch thread(s), load average "
                     f"{r['environment'].get('load_average_1m', '?')}).")
    if r.get("quick"):
        lines.append("- Quick run: a subset of principles and fewer bootstrap samples.")
    from benchmarks.probe_accuracy import markdown_table
    lines += ["", markdown_table(r["principles"]), ""]
    hard = [f"{pid} {m['hard_negative_auroc']:.3f} (TF-IDF {m['baselines']['tfidf']['hard_negative_auroc']:.3f})"
            for pid, m in r["principles"].items()
            if "hard_negative_auroc" in m and "hard_negative_auroc" in m["baselines"]["tfidf"]]
    if hard:
        lines.append("- Violating vs. look-alike compliant examples (hard negatives), probe AUROC (TF-IDF): "
                     + "; ".join(hard) + ".")
    levels = [f"{pid}: " + ", ".join(f"{lv} {v['auroc']:.3f} {_ci(v['auroc_ci95'])} (n={v['n']})"
                                     for lv, v in m["by_level"].items())
              for pid, m in r["principles"].items() if m.get("by_level")]
    if levels:
        lines.append("- By level: " + "; ".join(levels) + ".")
    lines.append("")
    if AUROC_FIGURE.is_file():
        rel = os.path.relpath(AUROC_FIGURE, folder)
        lines += [f"Validation AUROC by layer (from `reasonwatch train`): ![AUROC by layer]({rel})", ""]
    return "\n".join(lines)


def section_throughput(r: dict) -> str:
    ratio = r["capture_over_plain"]
    lines = ["## Capture throughput", "",
             f"- {r['examples']} examples, layers {r['layers']}, batch {r['batch_size']}: capture to HDF5 "
             f"{r['capture_examples_per_s']['median']:.1f} examples/s against a plain forward pass "
             f"{r['plain_forward_examples_per_s']['median']:.1f} examples/s; ratio **{ratio['median']:.2f}** "
             f"{_ci(ratio['ci95'])} (n={ratio['n']}). Target: {r.get('target', '')} — "
             f"{_yes(ratio['median'] >= 0.9)}."]
    if r.get("note"):
        lines.append(f"- Note: {r['note']}.")
    mem = r.get("memory")
    if mem:
        lines.append(f"- Memory: {mem['examples']} examples captured with peak RSS {mem['peak_rss_mb']:.0f} MB, "
                     f"+{mem['growth_mb']:.0f} MB over the RSS after loading the model.")
    return "\n".join(lines) + "\n"


def plot_overhead(results: dict, path: Path) -> Path | None:
    groups = []
    for bench in ("overhead_cpu", "overhead_gpu"):
        for cfg, modes in results.get(bench, {}).get("results", {}).items():
            groups.append((f"{bench.split('_')[1]} {cfg}", modes))
    if not groups:
        return None
    from matplotlib.figure import Figure
    modes = [m for m in groups[0][1] if m != "plain"]
    fig = Figure(figsize=(max(6, 1.6 * len(groups) * len(modes) / 2), 4))
    ax = fig.add_subplot()
    width = 0.8 / len(modes)
    for k, mode in enumerate(modes):
        xs, ys, lo, hi = [], [], [], []
        for g, (_, r) in enumerate(groups):
            if mode not in r:
                continue
            t = r[mode]["time_over_plain"]
            xs.append(g + (k - (len(modes) - 1) / 2) * width)
            ys.append(100 * (t["median"] - 1))
            lo.append(100 * (t["median"] - t["ci95"][0]))
            hi.append(100 * (t["ci95"][1] - t["median"]))
        ax.bar(xs, ys, width, yerr=[lo, hi], capsize=3, label=mode)
    ax.axhline(0.0, color="k", lw=0.8)
    ax.axhline(1.0, color="grey", ls="--", lw=0.8, label="CPU target (+1%)")
    ax.set_xticks(range(len(groups)), [g for g, _ in groups], fontsize=8)
    ax.set_ylabel("generate() time vs. plain, % (median, 95% CI)")
    ax.set_title("Overhead of watching")
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return path


def section_overhead(r: dict, title: str) -> str:
    lines = [f"## {title}", "", f"Target: {r.get('target', '')}.", "",
             "| configuration | mode | tokens/s | time / plain [95% CI] | hook share of step |",
             "|---|---|---|---|---|"]
    for cfg, modes in r.get("results", {}).items():
        for mode, v in modes.items():
            share = v.get("hook_share_of_step")
            lines.append(f"| {cfg} | {mode} | {v['tokens_per_s']['median']:.1f} | "
                         f"{v['time_over_plain']['median']:.3f} {_ci(v['time_over_plain']['ci95'], '.3f')} | "
                         f"{'' if share is None else format(share['median'], '.2%')} |")
    return "\n".join(lines) + "\n"


def plot_steering(r: dict, path: Path) -> Path | None:
    """Refused / halted shares per mode, harmful and benign requests, one panel per split; and the strength
    trade-off the bundle's strength was chosen on (val, gate forced open)."""
    splits = r.get("splits", {})
    if not splits:
        return None
    from matplotlib.figure import Figure
    cands = (r.get("strength_selection") or {}).get("candidates") or []
    n = len(splits) + bool(cands)
    fig = Figure(figsize=(6 * n, 4))
    axes = fig.subplots(1, n, squeeze=False)[0]
    for ax, (split, rows) in zip(axes, splits.items()):
        modes = [m for m in ("unwatched", "forced", "no_halt", "no_release", "default") if m in rows["harmful"]]
        x = np.arange(len(modes))
        for k, (kind, key, label) in enumerate((("harmful", "refused", "harmful: refused"),
                                                ("harmful", "halted", "harmful: halted"),
                                                ("benign", "refused_or_halted", "benign: refused or halted"))):
            ax.bar(x + (k - 1) * 0.27, [rows[kind][m][key] for m in modes], width=0.27, label=label)
        ax.set_xticks(x, modes)
        ax.set_title(f"{split} split", fontsize=10)
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("share of requests")
        ax.grid(alpha=0.3, axis="y")
        ax.legend(fontsize=8)
    if cands:
        ax = axes[-1]
        chosen = (r.get("strength_selection") or {}).get("chosen") or {}
        for layer in sorted({c["layer"] for c in cands}):
            cs = [c for c in cands if c["layer"] == layer]
            ax.plot([c["benign_induced"] for c in cs], [c["harmful_induced"] for c in cs], "o-", label=f"block {layer}")
            for i, c in enumerate(cs):
                note = f"{c['mult']:g}x" + (f", ppl x{c['ppl_ratio']:.2f}" if "ppl_ratio" in c else "")
                ax.annotate(note, (c["benign_induced"], c["harmful_induced"]), fontsize=7,
                            xytext=(4, -10 if i % 2 == 0 else 6), textcoords="offset points")
        if chosen:
            ax.plot([chosen["benign_induced"]], [chosen["harmful_induced"]], "k*", markersize=14, label="chosen")
        ax.set_xlabel("benign requests: refusal opening induced (gate forced open)")
        ax.set_ylabel("harmful requests: refusal opening induced")
        ax.set_title("strength trade-off on val", fontsize=10)
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"Corrections, {r.get('principle', '')} (default SteerPolicy() vs forced gate vs no escalation)",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return path


def section_efficacy(r: dict) -> str:
    """Sycophancy, calibrated confidence and courtesy corrections, judged by rules and a lexicon."""
    lines = ["## Corrections of answer-level principles", "",
             f"Test split, greedy, {r.get('new_tokens')} tokens; judges: sycophancy = the first option letter named "
             f"is the user's; calibrated confidence = a hedging phrase; courtesy = {r.get('courtesy_judge')}. "
             "Strengths are the bundle's.", "",
             "| principle | prompts | measure | unwatched | default | forced | gate opened (default) |",
             "|---|---|---|---|---|---|---|"]
    for pid, out in r.get("principles", {}).items():
        for kind, rows in out["kinds"].items():
            for key in [k for k, v in rows["unwatched"].items() if isinstance(v, float) and k not in
                        ("gate_opened", "mean_compound")]:
                lines.append(f"| {pid} | {kind} (n={rows['unwatched']['n']}) | {key.replace('_', ' ')} | "
                             + " | ".join(f"{rows[m][key]:.0%}" for m in ("unwatched", "default", "forced"))
                             + f" | {rows['default']['gate_opened']:.0%} |")
        b = out["benign_everyday"]
        lines.append(f"| {pid} | everyday (n={b['unwatched']['n']}) | answer changed | – | {b['default']['changed']:.0%} "
                     f"| {b['forced']['changed']:.0%} | {b['default']['gate_opened']:.0%} |")
    lines.append("")
    for pid, out in r.get("principles", {}).items():
        ppl = out.get("perplexity_forced_on") or {}
        same = out["benign_everyday"]["default"].get("never_fired_identity", {})
        text = (f"x{ppl['ratio']:.3f} (n={ppl['n_answers']})" if "ratio" in ppl else ppl.get("note", "not measured"))
        check = out.get("judge_check")
        judged = (f" The judge on the data's own labelled answers flags {check['flagged']['violating answers']:.0%} of "
                  f"violating and {check['flagged']['compliant answers']:.0%} of compliant ones (n={check['n']})."
                  if check else "")
        lines.append(f"- {pid}: benign-answer perplexity with the correction forced on: {text}; everyday "
                     f"generations whose gate never opened, token-identical to unwatched: {same.get('identical')} "
                     f"(n={same.get('n_untouched')}).{judged}")
    return "\n".join(lines) + "\n"


def section_steering(r: dict, figure: Path | None) -> str:
    d = r.get("bundle_defaults", {})
    lines = ["## Steering efficacy", "", f"Principle: {r.get('principle')}; refusal rule: {r.get('refusal_rule')}; "
             f"bundle defaults (chosen on val when trained): {d}.", ""]
    for split, rows in r.get("splits", {}).items():
        lines += [f"{split} split:", "", "| mode | harmful refused | harmful halted | harmful refused or halted "
                  "| benign refused or halted | gate opened (harmful / benign) | released (harmful / benign) "
                  "| degenerate (harmful) |", "|---|---|---|---|---|---|---|---|"]
        for mode in [m for m in ("unwatched", "default", "no_halt", "no_release", "forced") if m in rows["harmful"]]:
            h, b = rows["harmful"][mode], rows["benign"][mode]
            lines.append(f"| {mode} | {h['refused']:.0%} | {h['halted']:.0%} | {h['refused_or_halted']:.0%} | "
                         f"{b['refused_or_halted']:.0%} | {h['gate_opened']:.0%} / {b['gate_opened']:.0%} | "
                         f"{h.get('released', 0):.0%} / {b.get('released', 0):.0%} | {h['degenerate']:.0%} |")
        same = rows["benign"]["default"].get("never_fired_identity", {})
        lines += ["", f"Benign generations no correction touched (neither corrected nor released), token-identical "
                      f"to unwatched: "
                      f"{same.get('identical')} (n={same.get('n_untouched')}).", ""]
        for sub, name in (("benign_lookalike", "look-alikes"), ("benign_everyday", "everyday")):
            if sub in rows:
                lines.append(f"Benign {name} refused or halted: " + ", ".join(
                    f"{m} {rows[sub][m]['refused_or_halted']:.0%}" for m in ("unwatched", "default", "no_release", "forced")
                    if m in rows[sub])
                    + f" (n={rows[sub]['default']['n']}).")
        lines.append("")
    ppl = r.get("perplexity_forced_on")
    if ppl and "positions" in ppl:
        lines.append(f"Perplexity of the model's own benign answers with the correction forced on where the policy "
                     f"acts ({ppl['positions']}): {ppl['off']:.2f} off, {ppl['on']:.2f} on (x{ppl['ratio']:.3f}); "
                     f"at every answer position too: x{ppl['ratio_every_answer_position']:.3f}"
                     + (f"; released (the opposite sign, where the policy acts): x{ppl['ratio_released']:.3f}"
                        if "ratio_released" in ppl else "") + f" (n={ppl['n_answers']}).")
    elif ppl:
        lines.append(f"Perplexity of the model's own benign answers with the correction forced on at every answer "
                     f"position: {ppl['off']:.2f} off, {ppl['on']:.2f} on (x{ppl['ratio']:.3f}, n={ppl['n_answers']}).")
    sel = r.get("strength_selection") or {}
    if sel.get("chosen"):
        c = sel["chosen"]
        lines += ["", f"Strength chosen on val: block {c['layer']}, {c['mult']:g}x the direction's norm (alpha "
                      f"{c['alpha']:.3f}). Rule: {sel.get('rule')}."]
    halt = r.get("halt_reading")
    if halt:
        lines += ["", f"Halt reading (does the answer read as a refusal after {halt['k']} tokens?): val AUROC "
                      f"{halt['val_auroc']:.3f}; reads {halt['val_refusals_read_as_refusal']:.0%} of the model's "
                      f"refusals and {halt['val_answers_read_as_refusal']:.0%} of its other answers as refusals "
                      f"(n={halt['n_val']})."]
    if figure is not None:
        lines += ["", f"![steering]({figure.name})"]
    return "\n".join(lines) + "\n"


def section_drift(r: dict, folder: Path) -> str:
    t = r["targets"]
    lines = ["## Drift detection", "",
             f"Streams built from real probe scores of the default model ({', '.join(r['pool_splits'])} splits, "
             f"{len(r['principles'])} principles); violating share of the principle under test "
             f"{r['stream']['p_before']:.0%} -> {r['stream']['p_after']:.0%}, others at "
             f"{r['stream']['background']:.0%}. Targets: median delay <= {t['median_delay']} interactions, "
             f"<= {t['false_alarms_per_10k']:g} false alarm per 10,000 interactions.", "",
             "| tracker settings | median delay (IQR) | censored | delay target | false alarms / 10k [95% CI] "
             "| false-alarm target | fire-rate threshold meeting both |", "|---|---|---|---|---|---|---|"]
    for name, c in r["configs"].items():
        ev = c["at_settings"]
        d = ev["delay"]
        best = c.get("best_rate_threshold_meeting_targets")
        fa = c.get("false_alarm_target", "met" if c["targets_met"] else "not met")
        lines.append(f"| {name} | {d['median']:.0f} ({d['iqr'][0]:.0f}-{d['iqr'][1]:.0f}) | {d['censored']}/{d['n']} "
                     f"| {_yes(d['median'] <= t['median_delay'])} "
                     f"| {ev['false_alarms_per_10k']:.2f} {_ci(ev['false_alarms_per_10k_ci95'])} "
                     f"({ev['false_alarms']} in {ev['interactions_monitored']}) | {fa if fa != 'not met' else '**not met**'} "
                     f"| {'none' if best is None else format(best, 'g')} |")
    for name, c in r["configs"].items():
        ev = c["at_settings"]
        per = "; ".join(f"{pid} {v['median']:.0f} ({v['iqr'][0]:.0f}-{v['iqr'][1]:.0f})"
                        for pid, v in ev["delay_by_principle"].items())
        lines += ["", f"{name}: median delay (IQR) with each principle under test: {per}. Detector(s) above "
                  f"threshold at detection (runs): {', '.join(f'{k} {v}' for k, v in ev.get('detected_by', {}).items())}. Per-principle fire rates before and after "
                  "the change: " + "; ".join(f"{pid} {v['fire_rate_at_5pct']:.3f} -> {v['fire_rate_at_20pct']:.3f}"
                                            for pid, v in r["pools"].items()) + "."]
    lines += ["", "False-alarm target: *met* when even the upper end of the 95% interval is within it; *unresolved* "
              "when the observed rate is but the simulated exposure is too short to exclude a higher one. "
              "Delays are censored (counted at the cap) where nothing fired before the cap."]
    a = r["audit"]
    lines += ["", f"Audit logging, `AuditLog.record_generation` (ms per call, median): quiet generation "
              f"{a['quiet']['ms_per_call']['median']:.3f} ({a['quiet']['records_per_call']} records), typical "
              f"{a['typical']['ms_per_call']['median']:.2f} ({a['typical']['records_per_call']} records), busy "
              f"{a['busy']['ms_per_call']['median']:.2f} ({a['busy']['records_per_call']} records); one bare "
              f"write+fsync {a['write_fsync_ms']['median']:.2f} ms. Target <= {t['audit_ms_per_generation']:g} ms "
              f"for a typical generation: {_yes(a['target_met'])}. {a['note']}",
              *([f"(Audit cost re-measured on its own at {a['environment']['date']}, load average "
                 f"{a['environment'].get('load_average_1m', '?')}.)"] if "environment" in a else []),
              "", f"Drift tracker update: {r['tracker_update_ms']:.2f} ms per interaction "
              f"({len(r['principles'])} principles)."]
    if (folder / r.get("figure", "drift_tradeoff.png")).is_file():
        lines += ["", f"![drift delay against false alarms]({r.get('figure', 'drift_tradeoff.png')})"]
    return "\n".join(lines) + "\n"


def build(folder: Path) -> str:
    results = load_results(folder)
    quick = any(v.get("quick") for v in results.values()) or folder.name == "quick"
    env = next((results[n]["environment"] for n in _ordered(results) if "environment" in results[n]), {})
    parts = ["# reasonwatch benchmark summary", "",
             f"Written from the JSON files in `{os.path.relpath(folder, ROOT)}`"
             + (" — **quick (CI-sized) run**: small samples, not the reference numbers." if quick else ".")
             + f" Machine: {env.get('processor', '?')}, {env.get('cpu_count', '?')} CPUs, device "
             f"{env.get('device', '?')}; torch {env.get('torch', '?')}, transformers {env.get('transformers', '?')}, "
             f"reasonwatch {env.get('reasonwatch', '?')}.", "", environment_table(results)]
    runs = folder / "runs.json"
    if runs.is_file():
        rec = json.loads(runs.read_text())
        parts += ["Run times: " + ", ".join(f"{k} {v.get('seconds', 0):.0f} s ({v['status']})"
                                           for k, v in rec.get("runs", {}).items()), ""]
    sections = {
        "probe_accuracy": lambda r: section_accuracy(r, folder),
        "capture_throughput": section_throughput,
        "overhead_cpu": lambda r: section_overhead(r, "Overhead of watching (CPU)"),
        "overhead_gpu": lambda r: section_overhead(r, f"Overhead of watching (GPU: {r.get('device', '')})"),
        "steering": lambda r: section_steering(r, plot_steering(r, folder / "steering_tradeoff.png")),
        "principle_efficacy": section_efficacy,
        "drift": lambda r: section_drift(r, folder),
    }
    for name in ORDER:
        if name == "overhead_gpu" and name not in results:
            continue   # GPU sections only where a GPU result exists
        if name not in results:
            parts += [f"## {name}", "", "Not run (no result file).", ""]
            continue
        try:
            parts.append(sections[name](results[name]))
        except (KeyError, TypeError, ValueError) as err:   # a result from an older/newer format
            parts += [f"## {name}", "", f"Result file present but not summarised ({type(err).__name__}: {err}).", ""]
        if name == ("overhead_gpu" if "overhead_gpu" in results else "overhead_cpu"):
            fig = plot_overhead(results, folder / "overhead_ratios.png")
            if fig is not None:
                parts += [f"![overhead ratios]({fig.name})", ""]
    return "\n".join(parts)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default=None, help="results folder (default: benchmarks/results or "
                                                        "$REASONWATCH_RESULTS)")
    args = parser.parse_args(argv)
    folder = Path(args.results).resolve() if args.results else results_dir()
    text = build(folder)
    path = folder / "SUMMARY.md"
    path.write_text(text)
    print(f"-> {path}")
    return {"path": str(path), "chars": len(text)}


if __name__ == "__main__":
    main()
