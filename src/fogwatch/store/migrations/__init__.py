"""Alembic migrations, run in code by `fogwatch.store.migrate`; no alembic.ini is needed."""
