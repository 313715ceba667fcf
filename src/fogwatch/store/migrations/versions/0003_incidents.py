"""incidents and incident_events (linking/)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_type", sa.Text, nullable=True),
        sa.Column("sub_event_type", sa.Text, nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("date_start", sa.Date, nullable=True),
        sa.Column("date_end", sa.Date, nullable=True),
        sa.Column("fatalities_low", sa.Integer, nullable=True),
        sa.Column("fatalities_best", sa.Integer, nullable=True),
        sa.Column("fatalities_high", sa.Integer, nullable=True),
        sa.Column("certainty", sa.String(16), nullable=False),
        sa.Column("first_reported", sa.Date, nullable=True),
        sa.Column("confirmed_at", sa.Date, nullable=True),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_index("ix_incidents_date_start", "incidents", ["date_start"])
    op.create_index("ix_incidents_country", "incidents", ["country"])
    op.create_table(
        "incident_events",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("incident_id", sa.String(64),
                  sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
        sa.ForeignKeyConstraint(["doc_id", "event_id"], ["events.doc_id", "events.id"],
                                ondelete="CASCADE"),
    )
    op.create_index("ix_incident_events_incident_id", "incident_events", ["incident_id"])


def downgrade() -> None:
    op.drop_table("incident_events")
    op.drop_table("incidents")
