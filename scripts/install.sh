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
# Without npm everything but the web map works: say so and go on (the test install needs them;
# scripts/system.sh installs npm for it).
if command -v npm >/dev/null || [ "${1:-}" = "test" ]; then
  bash scripts/build_assets.sh
else
  echo "note: npm is missing, so the web UI's map assets were not built; install npm" \
       "(Debian: apt-get install -y npm) and run scripts/build_assets.sh for fogwatch serve" >&2
fi
