"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL_DIR / "FORMAT.md").exists():
        pytest.skip(f"the evaluation sets are not beside this clone ({EVAL_DIR} is absent)")
    return EVAL_DIR
