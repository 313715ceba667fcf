"""near-duplicate fingerprints across runs, documents.near_duplicate_of, events location index

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("near_duplicate_of", sa.String(64), nullable=True))
        batch.create_index("ix_documents_near_duplicate_of", ["near_duplicate_of"])
    op.create_table(
        "near_duplicate_signatures",
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "near_duplicate_bands",
        sa.Column("band", sa.String(32), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])


def downgrade() -> None:
    op.drop_index("ix_events_lat_lon", table_name="events")
    op.drop_table("near_duplicate_bands")
    op.drop_table("near_duplicate_signatures")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_near_duplicate_of")
        batch.drop_column("near_duplicate_of")
