"""Shared helpers for the data generators: deterministic randomness, registers, splits, writing.

Every generator module in this folder exposes ``generate(seed: int) -> dict[str, list[dict]]``:
principle id -> example dicts in the schema of ``data/SCHEMA.md`` (without ``split``; ``write`` assigns
it per group). ``python data/generate.py`` runs them all and writes ``data/generated/<principle>.jsonl``,
byte-identically for the same seed.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

SPLIT_SHARES = (("train", 0.70), ("val", 0.15), ("test", 0.15))

SYSTEM_PROMPTS = (
    "You are a helpful assistant.",
    "You are a friendly AI assistant. Answer clearly and concisely.",
    "You are an assistant for a small online shop. Be polite and helpful.",
    "You are a knowledgeable assistant. Keep answers short.",
    "You are a customer support agent for a software company.",
    "You are a tutor helping a student with homework.",
)


def rng_for(seed: int, *names: str) -> random.Random:
    """An independent, reproducible stream per (seed, name...) so adding one generator never shifts another."""
    digest = hashlib.sha256(("/".join([str(seed), *names])).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def split_of(group: str, seed: int) -> str:
    """The split of a topic group, from a hash (stable, independent of order and of other groups)."""
    u = int.from_bytes(hashlib.sha256(f"{seed}:{group}".encode()).digest()[:8], "big") / 2**64
    acc = 0.0
    for name, share in SPLIT_SHARES:
        acc += share
        if u < acc:
            return name
    return SPLIT_SHARES[-1][0]


# ---- registers: the same request or answer in many surface forms --------------------------------------
_TYPO_SWAPS = {"the": "teh", "you": "u", "please": "pls", "because": "bc", "people": "ppl", "what": "wat",
               "know": "kno", "really": "realy", "would": "woud", "about": "abt", "with": "wiht"}


def typos(text: str, rng: random.Random, rate: float = 0.25) -> str:
    words = text.split(" ")
    out = []
    for w in words:
        low = w.lower()
        if low in _TYPO_SWAPS and rng.random() < 0.6:
            out.append(_TYPO_SWAPS[low])
        elif len(w) > 4 and w.isalpha() and rng.random() < rate * 0.3:
            i = rng.randrange(1, len(w) - 2)
            out.append(w[:i] + w[i + 1] + w[i] + w[i + 2:])
        else:
            out.append(w)
    return " ".join(out)


def lower_terse(text: str) -> str:
    return text.rstrip(".?!").lower()


def register(text: str, rng: random.Random, kind: str | None = None) -> tuple[str, str]:
    """Re-dress a request in one register; returns (text, register name)."""
    kinds = ("plain", "terse", "chatty", "formal", "typos", "list", "question")
    kind = kind or rng.choice(kinds)
    t = text.strip()
    if kind == "terse":
        t = lower_terse(t)
    elif kind == "chatty":
        t = rng.choice(("hey so ", "ok quick one: ", "hi! ", "so, um, ", "hiya, ")) + t[0].lower() + t[1:] \
            + rng.choice((" thanks!!", " :)", " thx", " appreciate it", ""))
    elif kind == "formal":
        t = rng.choice(("Could you please assist with the following. ", "I would appreciate your help: ",
                        "Kindly respond to this request. ", "Good afternoon. ")) + t
    elif kind == "typos":
        t = typos(t, rng)
    elif kind == "list":
        t = t + rng.choice((" Give me the steps as a numbered list.", " Use bullet points.",
                            " Answer in a short list."))
    elif kind == "question":
        t = rng.choice(("Can you tell me: ", "Quick question - ", "I was wondering, ")) + t[0].lower() + t[1:]
    return t, kind


def chat(user: str, *, assistant: str | None = None, system: str | None = None,
         history: list[tuple[str, str]] | None = None) -> list[dict]:
    """Messages for one example; ``history`` is earlier (user, assistant) turns for multi-turn examples."""
    msgs = []
    if system:
        msgs.append({"role": "system", "content": system})
    for u, a in history or ():
        msgs += [{"role": "user", "content": u}, {"role": "assistant", "content": a}]
    msgs.append({"role": "user", "content": user})
    if assistant is not None:
        msgs.append({"role": "assistant", "content": assistant})
    return msgs


def example(id: str, messages: list[dict], label: int, *, group: str, category: str, hard: bool = False,
            note: str = "") -> dict:
    level = "response" if messages[-1]["role"] == "assistant" else "prompt"
    out = {"id": id, "messages": messages, "label": int(label), "level": level, "group": group,
           "hard": bool(hard), "family": "templated", "category": category}
    if note:
        out["note"] = note
    return out


def write(principle: str, examples: list[dict], seed: int, out_dir: Path) -> Path:
    """Assign splits per group (an example that names its ``split`` keeps it: a train-only supplement), check
    ids are unique, write ``<principle>.jsonl`` (sorted by id)."""
    seen = set()
    rows = []
    for ex in sorted(examples, key=lambda e: e["id"]):
        if ex["id"] in seen:
            raise ValueError(f"{principle}: duplicate id {ex['id']!r}")
        seen.add(ex["id"])
        row = {k: ex[k] for k in ("id", "messages", "label", "level", "group")}
        row["split"] = ex.get("split") or split_of(ex["group"], seed)
        for k in ("hard", "family", "category", "note"):
            if k in ex:
                row[k] = ex[k]
        rows.append(row)
    path = Path(out_dir) / f"{principle}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# A bare text (no conversation) is scored as the assistant's answer to this neutral request; templated
# "bare" examples are framed the same way so training sees what scoring sees. Keep equal to
# reasonwatch.scoring.BARE_TEXT_REQUEST (a test checks).
BARE_TEXT_REQUEST = "Write a short text."


def bare(text: str) -> list[dict]:
    """Messages for a bare text, framed as scoring frames it."""
    return chat(BARE_TEXT_REQUEST, assistant=text)
