#!/usr/bin/env bash
# Install the system packages the tests use (scripts/system.sh) and fogwatch with its test
# dependencies into .venv, then run the whole test suite:
# lint, type check, the default pytest suite, then the slow tests, timed separately.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system.sh
bash scripts/install.sh test
. .venv/bin/activate
ruff check src tests benchmarks
mypy
# Known vulnerabilities in the pinned dependencies: fails on known-exploited ones only.
bash scripts/audit.sh
# pytest's exit 5 (no test collected) is non-zero, so `set -e` fails the run on it too.
pytest -q
echo "--- slow tests (timed separately) ---"
time pytest -q -m slow
