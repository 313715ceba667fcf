"""incidents.lat / incidents.lon: an incident's point as columns, so that a bounding box is a
query on an index (the web map and API), filled in from each stored incident's record

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
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
    op.drop_index("ix_incidents_lat_lon", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("lon")
        batch.drop_column("lat")
