#!/usr/bin/env bash
# Create .venv (if absent) and install fogwatch into it, with extras: scripts/install.sh [test]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade uv
extra=""
[ "${1:-}" = "test" ] && extra="[test]"
.venv/bin/uv pip install --quiet --python .venv/bin/python -e ".${extra}"
# The web UI's map assets (Leaflet, Natural Earth) from the npm registry, into the package.
bash scripts/build_assets.sh
