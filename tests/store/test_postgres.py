"""What only PostgreSQL has: a server that can be away. (The store's behaviour on PostgreSQL is
tested by the whole parametrised suite, test_database.py and the others.)"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from fogwatch.errors import StoreError
from fogwatch.store import Store


def test_a_server_that_does_not_answer_is_a_store_error(postgres_url: str) -> None:
    url = sa.make_url(postgres_url).set(port=1)
    with pytest.raises(StoreError, match=r"^postgresql\+psycopg://postgres@127.0.0.1:1/postgres: "
                                         r"database error: .*; check that the database is "
                                         r"reachable and that --db \(or \$FOGWATCH_DB\) is right$"):
        Store.open(url.render_as_string(hide_password=False))
