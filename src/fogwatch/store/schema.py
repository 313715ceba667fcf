"""The tables, as SQLAlchemy Core objects. Migrations in `migrations/versions/` create them;
a test checks that the migrated database matches these definitions exactly."""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["documents", "events", "extractions", "incident_events", "incidents", "metadata",
           "near_duplicate_bands", "near_duplicate_signatures", "store_state"]

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # content hash of the normalised text
    sa.Column("ref", sa.Text, nullable=True),  # the caller's id (JSONL "id", file stem)
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    # The id of the stored document this one republishes (ingest/near_duplicates.py).
    sa.Column("near_duplicate_of", sa.String(64), nullable=True),
    sa.Index("ix_documents_near_duplicate_of", "near_duplicate_of"),
)

# MinHash fingerprints of original documents (not of near-duplicates), so that a document read
# by a later run is compared with those stored before: the signature for the Jaccard estimate,
# and one row per LSH band for the candidate lookup by index.
near_duplicate_signatures = sa.Table(
    "near_duplicate_signatures", metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

near_duplicate_bands = sa.Table(
    "near_duplicate_bands", metadata,
    sa.Column("band", sa.String(32), primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
)

extractions = sa.Table(
    "extractions", metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("json", sa.Text, nullable=False),  # records.to_json(Extraction)
)

events = sa.Table(
    "events", metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    # Event ids are the pipeline's; keyed with doc_id so two documents can never collide.
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("rank", sa.Integer, nullable=False),  # salience order within the document
    sa.Column("event_type", sa.Text, nullable=True),
    sa.Column("sub_event_type", sa.Text, nullable=True),
    sa.Column("country", sa.String(3), nullable=True),
    sa.Column("event_date", sa.Date, nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("fatalities_best", sa.Integer, nullable=True),
    sa.Column("certainty", sa.String(16), nullable=False),
    sa.Column("json", sa.Text, nullable=False),  # records.to_json(Event)
    sa.Index("ix_events_event_date", "event_date"),
    sa.Index("ix_events_country", "country"),
    sa.Index("ix_events_event_type", "event_type"),
    sa.Index("ix_events_sub_event_type", "sub_event_type"),
    sa.Index("ix_events_lat_lon", "lat", "lon"),
)


# Incidents (linking/): one row each, with the columns the queries filter on; the whole record
# (records.to_json(Incident)) in `json`.
incidents = sa.Table(
    "incidents", metadata,
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
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Index("ix_incidents_date_start", "date_start"),
    sa.Index("ix_incidents_country", "country"),
    sa.Index("ix_incidents_lat_lon", "lat", "lon"),
)

# Which incident each linked event belongs to; an event in no row is not linked yet.
incident_events = sa.Table(
    "incident_events", metadata,
    sa.Column("doc_id", sa.String(64), primary_key=True),
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("incident_id", sa.String(64),
              sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    sa.ForeignKeyConstraint(["doc_id", "event_id"], ["events.doc_id", "events.id"],
                            ondelete="CASCADE"),
    sa.Index("ix_incident_events_incident_id", "incident_id"),
)

# Counters of the store's state, by key: "incidents_generation" grows by one with every change
# to the incidents, in the same transaction.
store_state = sa.Table(
    "store_state", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)
