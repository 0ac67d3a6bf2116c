"""Past one machine: data-parallel capture, scoring and training on 2 CPU processes (gloo), resuming after
a rank is killed, and watching a model that accelerate dispatched with offloaded weights.

The data-parallel tests launch this very file under ``torch.distributed.run`` (torchrun) as a worker
(``python -m torch.distributed.run --nproc-per-node 2 tests/test_distributed.py worker ...``). One
thread per process, tiny random models: every rank computes the same batches a single process would,
so the merged results must equal a single-process run exactly. Rank 0 also computes that single-process
run (inside ``reasonwatch.distributed.local()``), so both sides ran in the same kind of process.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]   # the worker runs as a script

from conftest import make_tiny_model, write_tiny_constitution  # noqa: E402
from watch_helpers import planted_bundle  # noqa: E402

from reasonwatch import distributed  # noqa: E402
from reasonwatch.store import ActivationStore, StoreError  # noqa: E402

LAYERS = [0, 2]
BATCH = 3
WORDS = "alpha beta gamma delta omega river stone seven under over quickly".split()


def examples() -> list:
    """24 examples: chats ending with an answer or a request, plain texts, some without an id."""
    rng = np.random.default_rng(0)
    out = []
    for i in range(24):
        words = " ".join(rng.choice(WORDS, size=int(rng.integers(2, 14))))
        if i % 3 == 0:
            ex = {"messages": [{"role": "user", "content": f"q{i} {words}"},
                               {"role": "assistant", "content": f"a{i} {words} {words}"}]}
        elif i % 3 == 1:
            ex = {"messages": [{"role": "user", "content": f"request {i}: {words}"}]}
        else:
            ex = {"text": f"note {i}: {words}"}
        if i % 4:
            ex["id"] = f"e{i:02d}"          # the others get the default id ex-<input position>
        ex.update(label=i % 2, split=("train", "val", "test")[i % 3], group=f"g{i // 4}")
        out.append(ex)
    return out


def tokenizer():
    from transformers import AutoTokenizer

    from reasonwatch.models import default_model_dir
    if not (default_model_dir() / "tokenizer.json").is_file():
        import reasonwatch
        reasonwatch.load_model()   # first run on a fresh machine: convert the default model once
    return AutoTokenizer.from_pretrained(default_model_dir())


def bundle_for(model):
    g = torch.Generator().manual_seed(5)
    return planted_bundle(model, [
        {"id": "a", "layer": 0, "weight": torch.randn(64, generator=g), "threshold": 0.0, "warning": -0.5},
        {"id": "b", "layer": 2, "weight": torch.randn(64, generator=g), "threshold": 0.5}])


# ---- the worker (run under torchrun) ---------------------------------------------------------------
def worker(task: str, out: Path) -> None:
    """``capture``: capture (pooled and per token) and score, and train if ``tiny.toml`` is in ``out``;
    ``crash``: capture, with rank 1 killed (SIGKILL) right after its second batch is committed."""
    from reasonwatch.capture import capture_to_store
    from reasonwatch.scoring import score_texts
    torch.set_num_threads(1)
    tok = tokenizer()
    model = make_tiny_model("llama", vocab_size=len(tok))
    world = distributed.current()
    assert world.size == 2, world
    if task == "crash" and world.rank == 1:
        from reasonwatch import store as st
        real_append, calls = st.ActivationStore.append, []

        def append_then_die(self, *a, **k):
            real_append(self, *a, **k)
            calls.append(1)
            if len(calls) == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        st.ActivationStore.append = append_then_die

    def run(prefix: str) -> None:
        capture_to_store(model, tok, examples(), LAYERS, out / f"{prefix}acts.h5", batch_size=BATCH,
                         dtype="float32", progress=False).close()
        if task != "capture":
            return
        capture_to_store(model, tok, examples(), LAYERS, out / f"{prefix}tokens.h5", position="all",
                         batch_size=BATCH, dtype="float32", progress=False).close()
        scores = score_texts(model, tok, bundle_for(model), examples(), batch_size=BATCH, progress=False)
        (out / f"{prefix}scores-{distributed.current().rank}.json").write_text(json.dumps(scores))
        if (out / "tiny.toml").is_file():
            from reasonwatch.constitution import load_constitution
            from reasonwatch.train import TrainConfig, train_bundle
            result = train_bundle(model, tok, load_constitution(out / "tiny.toml"),
                                  store_path=out / f"{prefix}train.h5", batch_size=BATCH, progress=False,
                                  config=TrainConfig(c_grid=(0.01, 0.1), n_boot=50), log=lambda *a: None)
            result.bundle.save(out / f"{prefix}bundle-{distributed.current().rank}.safetensors")

    run("")
    if world.is_main and task == "capture":
        with distributed.local():   # the single-process reference, in a process of the same kind
            run("ref-")
    distributed.barrier()


def launch(task: str, out: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("WORLD_SIZE", None)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
           str(Path(__file__).resolve()), "worker", task, str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def by_id(store) -> dict:
    """``{id: {layer: rows [n, d]}, ...}`` plus row positions, for comparing stores in any order."""
    ids, rex, pos = store.ids, store.row_example, store.row_position
    acts = {layer: store.read(layer) for layer in store.layers}
    return {x: {"pos": pos[rex == j], **{layer: acts[layer][rex == j] for layer in store.layers}}
            for j, x in enumerate(ids)}


def assert_same_store(merged, reference) -> None:
    """Same ids, rows, positions and values (bit for bit), and the merged store in input order."""
    from reasonwatch.distributed import shard_plan
    assert isinstance(reference, ActivationStore)
    assert isinstance(merged, distributed.ShardedActivationStore) and len(merged.shards) == 2
    assert merged.ids.tolist() == shard_plan(examples(), distributed.World()).ids   # the input order
    assert merged.n_examples == reference.n_examples and merged.n_rows == reference.n_rows
    assert sorted(merged.ids.tolist()) == sorted(reference.ids.tolist())
    m, r = by_id(merged), by_id(reference)
    for x in m:
        for key in m[x]:
            np.testing.assert_array_equal(m[x][key], r[x][key], err_msg=f"{x} {key}")
    assert [e["label"] for e in examples()] == merged.labels.tolist()
    assert [e["split"] for e in examples()] == merged.example_column("split").tolist()


@pytest.fixture(scope="module")
def two_ranks(tmp_path_factory):
    out = tmp_path_factory.mktemp("two_ranks")
    write_tiny_constitution(out)
    proc = launch("capture", out)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    return out


def test_two_rank_capture_equals_one_process(two_ranks):
    out = two_ranks
    for name in ("acts.h5", "tokens.h5"):
        with ActivationStore.open(out / name) as merged, ActivationStore.open(out / f"ref-{name}") as ref:
            assert_same_store(merged, ref)
            # what each rank wrote: its own shard, an ordinary store, about half of the examples
            sizes = []
            for shard in merged.shards:
                assert shard.parent == out / f"{name}.shards"
                with ActivationStore.open(shard) as s:
                    sizes.append(s.n_examples)
            assert sum(sizes) == 24 and min(sizes) >= 9
            # reads in pieces and scattered rows agree with the whole
            whole = merged.read(2)
            pieces = list(merged.iter_rows(2, batch_rows=7))   # storage order: every row once
            rows = np.concatenate([r for r, _ in pieces])
            assert sorted(rows.tolist()) == list(range(merged.n_rows))
            np.testing.assert_array_equal(np.concatenate([a for _, a in pieces]), whole[rows])
            rows = np.array([5, 0, merged.n_rows - 1, 3, 3])
            np.testing.assert_array_equal(merged.read(2, rows), whole[rows])
            np.testing.assert_array_equal(merged.read(0, slice(1, None, 4)), merged.read(0)[1::4])
            assert isinstance(merged.read(0, as_torch=True), torch.Tensor)


def test_two_rank_scoring_equals_one_process(two_ranks):
    ref = json.loads((two_ranks / "ref-scores-0.json").read_text())
    for rank in (0, 1):   # every rank holds every result, in input order
        assert json.loads((two_ranks / f"scores-{rank}.json").read_text()) == ref
    assert [r["id"] for r in ref] == distributed.shard_plan(examples(), distributed.World()).ids


def test_two_rank_training_gives_the_same_bundle(two_ranks):
    from reasonwatch.bundle import load_bundle
    ref = load_bundle(two_ranks / "ref-bundle-0.safetensors")
    with ActivationStore.open(two_ranks / "train.h5") as store:   # training read the sharded store
        assert isinstance(store, distributed.ShardedActivationStore) and store.n_examples == 120
    for rank in (0, 1):
        got = load_bundle(two_ranks / f"bundle-{rank}.safetensors")
        assert got.ids == ref.ids
        for p, q in zip(got.principles, ref.principles):
            assert torch.equal(p.weight, q.weight) and torch.equal(p.steer_vector, q.steer_vector)
            assert (p.layer, p.kind, p.bias, p.threshold, p.warning, p.resid_norm) == \
                (q.layer, q.kind, q.bias, q.threshold, q.warning, q.resid_norm)
            assert (p.token_mean, p.monitor_threshold, p.cusum_violation) == \
                (q.token_mean, q.monitor_threshold, q.cusum_violation)
            assert p.metrics == q.metrics


def test_killed_rank_resumes_on_relaunch(tmp_path):
    path = tmp_path / "acts.h5"
    crashed = launch("crash", tmp_path)
    assert crashed.returncode != 0
    assert not path.exists()   # the manifest comes only after every rank finished
    shard1 = distributed.shard_path(path, distributed.World(1, 2))
    with ActivationStore.open(shard1) as s:   # the killed rank kept its two committed batches
        assert s.n_examples == 2 * BATCH
        kept = {x: s.read(0)[j] for j, x in enumerate(s.ids)}
    shard0 = distributed.shard_path(path, distributed.World(0, 2))
    if shard0.exists():   # the surviving rank was stopped by the launcher (SIGTERM): its shard is intact
        ActivationStore.open(shard0).close()
    done = launch("capture", tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    with ActivationStore.open(path) as merged, ActivationStore.open(tmp_path / "ref-acts.h5") as ref:
        assert_same_store(merged, ref)
    with ActivationStore.open(shard1) as s:   # resumed, not redone: the batches from before come first
        assert s.n_examples > 2 * BATCH
        for j, x in enumerate(s.ids[: 2 * BATCH]):
            np.testing.assert_array_equal(s.read(0)[j], kept[x])


def test_sigterm_while_writing_a_shard_unwinds_and_restores_the_handler():
    """What a launcher sends the surviving ranks becomes SystemExit, so their shards close cleanly."""
    script = ("import os, signal\n"
              "from reasonwatch.distributed import _clean_exit_on_sigterm\n"
              "try:\n"
              "    with _clean_exit_on_sigterm():\n"
              "        os.kill(os.getpid(), signal.SIGTERM)\n"
              "        for _ in range(10**8): pass\n"
              "    print('not stopped')\n"
              "except SystemExit as stop:\n"
              "    print('stopped', stop.code, signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.stdout.split() == ["stopped", str(128 + signal.SIGTERM), "True"], proc.stderr


# ---- single process ---------------------------------------------------------------------------------
def test_shard_plan_deals_whole_batches_in_one_process_order():
    from reasonwatch.capture import render
    tok = tokenizer()
    items = examples()
    one = distributed.shard_plan(items, distributed.World(), tokenizer=tok, batch_size=BATCH)
    parts = [distributed.shard_plan(items, distributed.World(r, 3), tokenizer=tok, batch_size=BATCH)
             for r in range(3)]
    assert sorted(np.concatenate([p.indices for p in parts]).tolist()) == list(range(len(items)))
    batches = [one.indices[i:i + BATCH].tolist() for i in range(0, len(items), BATCH)]
    dealt = []
    for p in parts:   # whole batches of the one-process plan, in its order; each batch to one rank
        mine = [b for b, batch in enumerate(batches) if batch[0] in p.indices]
        assert p.indices.tolist() == sum((batches[b] for b in mine), [])
        assert [x["id"] for x in p.items] == [one.ids[i] for i in p.indices]   # global default ids
        dealt += mine
    assert sorted(dealt) == list(range(len(batches)))
    lengths = [len(r.input_ids) for r in render(tok, items)]
    padded = [sum(len(b) * max(lengths[i] for i in b) for b in batches if b[0] in p.indices) for p in parts]
    assert max(padded) - min(padded) <= max(len(b) * max(lengths[i] for i in b) for b in batches)
    strided = distributed.shard_plan(items, distributed.World(1, 4))
    assert strided.indices.tolist() == list(range(1, len(items), 4))
    with pytest.raises(ValueError, match="unique"):
        distributed.shard_plan([{"text": "a", "id": "x"}, {"text": "b", "id": "x"}], distributed.World(0, 2))


def test_one_process_continues_a_sharded_store_and_bad_manifests(tmp_path):
    """A world of one resumes a sharded capture as a shard of its own; broken manifests are clear errors."""
    from reasonwatch.capture import capture_to_store
    tok = tokenizer()
    model = make_tiny_model("llama", vocab_size=len(tok))
    items = examples()
    path = tmp_path / "acts.h5"
    with distributed.local():   # pretend two ranks wrote the first 12 examples
        for rank in (0, 1):
            plan = distributed.shard_plan(items[:12], distributed.World(rank, 2))
            capture_to_store(model, tok, plan.items, LAYERS, distributed.shard_path(path, distributed.World(rank, 2)),
                             batch_size=BATCH, dtype="float32", progress=False).close()
    distributed.write_manifest(path, order=distributed.shard_plan(items[:12], distributed.World()).ids)
    with ActivationStore.open(path) as merged:
        assert merged.n_examples == 12
    with capture_to_store(model, tok, items, LAYERS, path, batch_size=BATCH, dtype="float32",
                          progress=False) as merged:       # no launcher: continues as rank 0 of 1
        assert isinstance(merged, distributed.ShardedActivationStore) and len(merged.shards) == 3
        assert merged.ids.tolist() == distributed.shard_plan(items, distributed.World()).ids
        with capture_to_store(model, tok, items, LAYERS, tmp_path / "plain.h5", batch_size=BATCH,
                              dtype="float32", progress=False) as plain:
            m, p = by_id(merged), by_id(plain)
            for x in m:
                np.testing.assert_allclose(m[x][2], p[x][2], atol=1e-5)
        with pytest.raises(StoreError, match="read-only"):
            merged.append({}, row_example=np.zeros(0), row_position=np.zeros(0), examples=[])
    with pytest.raises(StoreError, match="manifest"):
        ActivationStore.create_or_open(path, fingerprint={}, layers=LAYERS, position="auto", d_model=64)
    with pytest.raises(StoreError, match="layers"):   # a shard written for other layers is never mixed in
        capture_to_store(model, tok, items, [1], path, progress=False)
    capture_to_store(model, tok, items[:3], LAYERS, tmp_path / "p2.h5", progress=False).close()
    distributed.shard_dir(tmp_path / "p2.h5").mkdir()
    with pytest.raises(StoreError, match="single-process"):   # a plain store is not silently sharded
        capture_to_store(model, tok, items, LAYERS, tmp_path / "p2.h5", progress=False)
    shard = sorted(distributed.shard_dir(path).glob("*.h5"))[0]
    shard.rename(shard.with_suffix(".moved"))
    with pytest.raises(StoreError, match="missing"):
        ActivationStore.open(path)


@pytest.mark.parametrize("offload", ["disk", "cpu"])
def test_watch_and_capture_on_a_dispatched_model_with_offload(tmp_path, offload):
    """accelerate's dispatch with weights offloaded (on ``meta`` between calls; to disk for some blocks and
    the head, or every weight to a CPU copy with ``cpu_offload``): watched generation gives the tokens,
    scores, events and corrections of the undispatched model; capture gives its rows; accelerate's hooks
    stay, ours go."""
    from accelerate import cpu_offload, dispatch_model

    from reasonwatch.capture import capture
    from reasonwatch.hooks import hook_snapshot
    from reasonwatch.monitor import TrendConfig, watch
    from reasonwatch.steer import SteerPolicy

    tok = tokenizer()
    model = make_tiny_model("llama", vocab_size=len(tok), seed=3)
    model.generation_config.pad_token_id = 0
    plain = copy.deepcopy(model)
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(5, 500, (3, 9), generator=g)
    mask = torch.ones_like(ids)
    ids[1, :3], mask[1, :3] = 0, 0
    w, v, u = (torch.randn(64, generator=g) for _ in range(3))
    trend = TrendConfig(ewma=1.0, warmup=0, cusum_h=1e9)
    policy = SteerPolicy(alpha=3.0, budget=4)

    def watched(m, threshold):
        bundle = planted_bundle(model, [
            {"id": "a", "layer": 1, "weight": w, "threshold": threshold, "steer_layer": 2, "steer_vector": v},
            {"id": "b", "layer": 2, "weight": u, "threshold": 1e9}])
        with watch(m, bundle, trend=trend, steer=policy) as run:
            out = m.generate(input_ids=ids, attention_mask=mask, max_new_tokens=10, do_sample=False)
        return out, run.trace

    _, quiet = watched(plain, 1e9)   # a threshold that a few generated positions reach
    threshold = float(np.quantile(quiet.scores[:, ids.shape[1]:, 0], 0.9))
    ref_out, ref = watched(plain, threshold)
    assert ref.corrections, "the planted probe should fire and steer"
    device_map = {"model.embed_tokens": "cpu", "model.rotary_emb": "cpu", "model.layers.0": "cpu",
                  "model.layers.1": "disk", "model.layers.2": "disk", "model.norm": "cpu", "lm_head": "disk"}
    if offload == "disk":
        dispatched = dispatch_model(model, device_map, main_device="cpu", offload_dir=str(tmp_path))
    else:
        dispatched = cpu_offload(model, execution_device="cpu")
        assert dispatched.model.embed_tokens.weight.device.type == "meta"
    assert dispatched.model.layers[1].mlp.up_proj.weight.device.type == "meta"   # really offloaded
    theirs = {name: (m._hf_hook, m.forward) for name, m in dispatched.named_modules() if hasattr(m, "_hf_hook")}
    assert theirs
    before = hook_snapshot(dispatched)
    assert distributed.home_device(dispatched) == torch.device("cpu")
    assert set(distributed.site_devices(dispatched, [0, 1, 2]).values()) == {torch.device("cpu")}
    out, trace = watched(dispatched, threshold)
    assert torch.equal(out, ref_out)
    np.testing.assert_array_equal(trace.scores, ref.scores)
    assert trace.events == ref.events and trace.corrections == ref.corrections
    assert hook_snapshot(dispatched) == before
    assert {name: (m._hf_hook, m.forward) for name, m in dispatched.named_modules()
            if hasattr(m, "_hf_hook")} == theirs
    texts = ["a short text", "a somewhat longer text that pads the other one in its batch"]
    got = capture(dispatched, tok, texts, [1, 2], position="all", progress=False)
    want = capture(plain, tok, texts, [1, 2], position="all", progress=False)
    for layer in (1, 2):
        torch.testing.assert_close(got.acts[layer], want.acts[layer], rtol=0, atol=0)
    assert hook_snapshot(dispatched) == before


def test_execution_device_prefers_accelerate_hook():
    lin = torch.nn.Linear(2, 2)
    assert distributed.execution_device(lin) == torch.device("cpu")

    class Hook:
        execution_device = 1

    class Chain:
        hooks = (object(), Hook())
    lin._hf_hook = Chain()
    assert distributed.execution_device(lin) == torch.device("cuda", 1)
    moved = distributed.place_by_layer({3: (torch.zeros(2), torch.ones(2), "add")}, {3: torch.device("meta")})
    assert moved[3][0].device.type == "cpu" and moved[3][1].device.type == "meta" and moved[3][2] == "add"


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "worker":
    worker(sys.argv[2], Path(sys.argv[3]))
