"""documents, extractions and events

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("ref", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "extractions",
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("event_type", sa.Text, nullable=True),
        sa.Column("sub_event_type", sa.Text, nullable=True),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("fatalities_best", sa.Integer, nullable=True),
        sa.Column("certainty", sa.String(16), nullable=False),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("extractions")
    op.drop_table("documents")
