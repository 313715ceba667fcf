#!/usr/bin/env bash
# Install fogwatch, then run its main job on the bundled example: ingest, then list the events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
rm -f examples.db
fogwatch ingest examples/ --db examples.db
fogwatch events --db examples.db
