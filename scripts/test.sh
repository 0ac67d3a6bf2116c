#!/usr/bin/env bash
# Set up everything (scripts/install.sh) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --with-browser
# One thread per process unless asked otherwise: the suite runs its long subprocess checks (the quick
# benchmark run, the notebooks) beside the in-process tests (tests/conftest.py), and on a shared 2-core
# machine processes with two threads each oversubscribe the cores and crawl. The suite passes with any
# thread count: OMP_NUM_THREADS=2 bash scripts/test.sh
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec python3 -m pytest -q "$@"
