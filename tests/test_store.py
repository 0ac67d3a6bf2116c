import json
import subprocess
import sys
import textwrap

import h5py
import numpy as np
import pytest
import torch

from reasonwatch.capture import capture, capture_to_store
from reasonwatch.store import ActivationStore, StoreError
from conftest import assert_rows_close, make_tiny_model

EXAMPLES = [{"text": f"example number {i} " + "word " * (i % 7), "id": f"e{i}", "label": i % 2,
             "split": ["train", "val", "test"][i % 3], "group": f"g{i // 3}"} for i in range(23)]


@pytest.fixture(scope="module")
def tiny(tokenizer):
    return make_tiny_model("llama", vocab_size=len(tokenizer)), tokenizer


def test_round_trip_matches_memory(tiny, tmp_path):
    model, tok = tiny
    mem = capture(model, tok, EXAMPLES, [0, 2], batch_size=5, progress=False)
    with capture_to_store(model, tok, EXAMPLES, [0, 2], tmp_path / "s.h5", batch_size=5, dtype="float32",
                          progress=False) as store:
        assert store.n_examples == 23 and store.n_rows == 23 and store.layers == [0, 2]
        order = np.array([int(i[1:]) for i in store.ids])
        for layer in (0, 2):
            got = store.read(layer)[np.argsort(order)]
            np.testing.assert_allclose(got, mem.acts[layer].numpy(), atol=1e-6)
            assert isinstance(store.read(layer, as_torch=True), torch.Tensor)
        assert sorted(store.example_column("split")[np.argsort(order)].tolist()) == \
            sorted(e["split"] for e in EXAMPLES)
        np.testing.assert_array_equal(store.labels[np.argsort(order)], [e["label"] for e in EXAMPLES])
        assert json.loads(store.attrs["fingerprint"])["d_model"] == 64
        assert store.attrs["package_version"] and store.attrs["created"]
        # out-of-core reading in pieces equals the whole
        pieces = np.concatenate([a for _, a in store.iter_rows(2, batch_rows=4)])
        np.testing.assert_array_equal(pieces, store.read(2))
        rows = np.array([7, 1, 19])
        np.testing.assert_array_equal(store.read(0, rows), store.read(0)[rows])


def test_float16_store_and_append_skips_existing(tiny, tmp_path):
    model, tok = tiny
    path = tmp_path / "s.h5"
    capture_to_store(model, tok, EXAMPLES[:10], [1], path, progress=False).close()
    with capture_to_store(model, tok, EXAMPLES, [1], path, progress=False) as store:
        assert store.n_examples == 23
        assert sorted(store.ids.tolist()) == sorted(e["id"] for e in EXAMPLES)
        assert store._dataset(1).dtype == np.float16
        assert store._dataset(1).chunks is not None and store._dataset(1).compression == "lzf"


def test_per_token_rows(tiny, tmp_path):
    model, tok = tiny
    with capture_to_store(model, tok, EXAMPLES[:4], [0], tmp_path / "t.h5", position="all",
                          progress=False) as store:
        lengths = [len(tok(e["text"])["input_ids"]) for e in EXAMPLES[:4]]
        assert store.n_rows == sum(lengths)
        assert store.row_position.max() == max(lengths) - 1


CRASH_SCRIPT = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r}); sys.path.insert(0, {root!r} + "/tests")
    from conftest import make_tiny_model
    from transformers import AutoTokenizer
    from reasonwatch import store as st
    from reasonwatch.capture import capture_to_store
    tok = AutoTokenizer.from_pretrained({tok!r})
    model = make_tiny_model("llama", vocab_size=len(tok))
    real_append = st.ActivationStore.append
    calls = []
    def dying_append(self, *a, **k):
        calls.append(1)
        if len(calls) == 3:          # the third batch is half-written when the process dies
            self._f["layers"]["0"].resize(self.n_rows + 2, axis=0)
            self._f.flush()
            os._exit(9)
        return real_append(self, *a, **k)
    st.ActivationStore.append = dying_append
    examples = [dict(text=f"example number {{i}}", id=f"e{{i}}", label=i % 2) for i in range(20)]
    capture_to_store(model, tok, examples, [0, 1], {path!r}, batch_size=4, progress=False)
""")


def test_resume_after_crash(tiny, tmp_path):
    from reasonwatch.models import default_model_dir
    import pathlib
    model, tok = tiny
    path = tmp_path / "crash.h5"
    root = str(pathlib.Path(__file__).resolve().parents[1])
    script = CRASH_SCRIPT.format(root=root, tok=str(default_model_dir()), path=str(path))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 9, proc.stderr
    with ActivationStore.open(path) as store:  # readable, holding the two committed batches
        assert store.n_examples == 8
        assert store.read(0).shape == (8, 64)
    examples = [dict(text=f"example number {i}", id=f"e{i}", label=i % 2) for i in range(20)]
    with capture_to_store(model, tok, examples, [0, 1], path, batch_size=4, dtype="float16",
                          progress=False) as store:
        assert store.n_examples == 20 and sorted(store.ids.tolist()) == sorted(e["id"] for e in examples)
        assert store.read(0).shape == (20, 64)
    mem = capture(model, tok, examples, [0], progress=False)
    with ActivationStore.open(path) as store:
        order = np.argsort([int(i[1:]) for i in store.ids])
        # float16 rounding leaves ≤ 2e-4 of a row's norm; two different examples' rows differ by ≥ 6e-2
        # (an atol of 2e-2 on elements of ~0.05 would not tell a row from its neighbour)
        assert_rows_close(store.read(0)[order], mem.acts[0], 1e-3, "resumed store vs memory")


def test_bad_stores(tiny, tmp_path, tokenizer):
    model, tok = tiny
    path = tmp_path / "s.h5"
    capture_to_store(model, tok, EXAMPLES[:5], [0], path, progress=False).close()
    original = path.read_bytes()
    other = make_tiny_model("qwen2", vocab_size=len(tok))
    with pytest.raises(StoreError, match="architecture"):
        capture_to_store(other, tok, EXAMPLES, [0], path, progress=False)
    with pytest.raises(StoreError, match="layers"):
        capture_to_store(model, tok, EXAMPLES, [1], path, progress=False)
    with pytest.raises(StoreError, match="position rule"):
        capture_to_store(model, tok, EXAMPLES, [0], path, position="all", progress=False)
    assert path.read_bytes() == original
    truncated = tmp_path / "cut.h5"
    truncated.write_bytes(original[: len(original) // 3])
    with pytest.raises(StoreError, match="cut.h5"):
        ActivationStore.open(truncated)
    with pytest.raises(StoreError, match="cut.h5"):
        capture_to_store(model, tok, EXAMPLES, [0], truncated, progress=False)
    assert truncated.read_bytes() == original[: len(original) // 3]
    foreign = tmp_path / "foreign.h5"
    with h5py.File(foreign, "w") as f:
        f["x"] = np.zeros(3)
    with pytest.raises(StoreError, match="not a reasonwatch activation store"):
        ActivationStore.open(foreign)
    with pytest.raises(StoreError, match="No activation store"):
        ActivationStore.open(tmp_path / "missing.h5")


def test_a_store_another_process_is_writing_is_named_as_such(tmp_path):
    """HDF5 locks a file open for writing; reading it from another process says so, not "corrupt"."""
    path = tmp_path / "busy.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset("x", data=[1])
        f.flush()
        code = ("import sys; from reasonwatch.store import ActivationStore, StoreError\n"
                "try:\n    ActivationStore.open(sys.argv[1])\nexcept StoreError as e:\n    print(e)")
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert "open for writing in another process" in out.stdout and "busy.h5" in out.stdout, out.stdout + out.stderr
