#!/usr/bin/env bash
# Set up everything (scripts/install.sh) and run reasonwatch's main job on the default model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec reasonwatch demo "$@"
