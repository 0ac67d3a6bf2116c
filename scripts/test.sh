#!/usr/bin/env bash
# Set up everything (scripts/install.sh) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --with-browser
exec python3 -m pytest -q "$@"
