"""The store's backoff: growing pauses within a budget, set by $FOGWATCH_DB_RETRY_SECONDS."""

from __future__ import annotations

import pytest

from fogwatch.errors import StoreError
from fogwatch.store.failures import RETRY_ENV_VAR, Backoff


def test_pauses_double_up_to_the_longest_within_the_budget() -> None:
    assert list(Backoff(first=0.5, factor=2, longest=8, budget=30).pauses()) == [
        0.5, 1, 2, 4, 8, 8]


def test_a_budget_of_zero_means_no_retry() -> None:
    assert list(Backoff(budget=0).pauses()) == []


def test_the_environment_sets_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RETRY_ENV_VAR, "3.5")
    assert Backoff.from_environment().budget == 3.5


def test_a_budget_that_is_not_a_number_is_a_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RETRY_ENV_VAR, "forever")
    with pytest.raises(StoreError, match=r"\$FOGWATCH_DB_RETRY_SECONDS is 'forever', not a number"):
        Backoff.from_environment()
