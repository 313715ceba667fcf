"""incidents.lat / incidents.lon: an incident's point as columns, so that a bounding box is a
query on an index (the web map and API), filled in from each stored incident's record; and
store_state, whose "incidents_generation" counts the changes to the incidents (readers that
keep derived figures, such as the web app's alerts, know when to recompute them)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    # a random start: a store dropped and made again never repeats a number a reader has seen
    op.bulk_insert(state, [{"key": "incidents_generation", "value": secrets.randbits(52)}])
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("lat", sa.Float, nullable=True))
        batch.add_column(sa.Column("lon", sa.Float, nullable=True))
    op.create_index("ix_incidents_lat_lon", "incidents", ["lat", "lon"])
    incidents = sa.table("incidents", sa.column("id", sa.String), sa.column("json", sa.Text),
                         sa.column("lat", sa.Float), sa.column("lon", sa.Float))
    conn = op.get_bind()
    points = []
    for incident_id, data in conn.execute(sa.select(incidents.c.id, incidents.c.json)):
        place = json.loads(data).get("place") or {}
        if place.get("lat") is not None and place.get("lon") is not None:
            points.append({"key": incident_id, "lat": place["lat"], "lon": place["lon"]})
    if points:
        conn.execute(incidents.update().where(incidents.c.id == sa.bindparam("key"))
                     .values(lat=sa.bindparam("lat"), lon=sa.bindparam("lon")), points)


def downgrade() -> None:
    op.drop_table("store_state")
    op.drop_index("ix_incidents_lat_lon", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("lon")
        batch.drop_column("lat")
