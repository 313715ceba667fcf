"""Schemathesis against the OpenAPI schema: generated requests (valid and not) to every route;
no 500, and every response matches the schema's status codes, content types and shapes.

(Driven through hypothesis directly: schemathesis's own pytest plugin fails on this pytest.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import CheckFunction
from schemathesis.specs.openapi.checks import positive_data_acceptance

from fogwatch.store import Store
from fogwatch.web import create_app
from fogwatch.web.security import RateLimits

from .conftest import TOKEN

# Rules OpenAPI cannot state (since <= until, south <= north, degree ranges inside the bbox
# string) make some schema-valid requests a 422 here, by design; tests/web/test_api.py checks
# those one by one. Every other check runs on every operation.
EXCLUDED: dict[str, list[CheckFunction]] = {
    path: [positive_data_acceptance]
    for path in ("/api/events", "/api/incidents", "/api/dyads", "/api/dyads/{a}:{b}",
                 "/api/alerts")}

OPERATIONS = [("GET", "/api/events"), ("GET", "/api/events/{doc_id}/{event_id}"),
              ("GET", "/api/documents/{doc_id}"), ("POST", "/api/documents"),
              ("GET", "/api/incidents"), ("GET", "/api/incidents/{incident_id}"),
              ("GET", "/api/dyads"), ("GET", "/api/dyads/{a}:{b}"), ("GET", "/api/alerts")]


def test_the_list_covers_every_operation(store: Store) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(store))
    found = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_api_keeps_to_its_schema(store: Store, method: str, path: str) -> None:
    # Without rate limits: hundreds of generated requests from one client are the point here
    # (the limits have their own tests in test_security.py).
    unlimited = RateLimits(read_per_second=0, write_per_second=0)
    schema = schemathesis.openapi.from_asgi(
        "/api/openapi.json", create_app(store, token=TOKEN, rate_limits=unlimited))
    operation = schema[path][method]
    # POST goes through with the token, so generated documents reach the real pipeline.
    headers = {"Authorization": f"Bearer {TOKEN}"} if method == "POST" else {}

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case: Case) -> None:
        case.call_and_validate(headers=headers, excluded_checks=EXCLUDED.get(path, []))

    check()
