"""The Store's incident methods, on SQLite and on PostgreSQL (skipped without a server)."""

from __future__ import annotations

import datetime as dt

from fogwatch.linking import link, mention_of
from fogwatch.records import (
    Document,
    Event,
    Extraction,
    Fatalities,
    Plover,
    content_hash,
)
from fogwatch.store import Store

from .stories import ANKARA, KANSAFRA, link_all, story


def test_stored_incidents_come_back_exactly(store: Store) -> None:
    day = dt.date(2024, 3, 4)
    story(store, "Strike one on Kansafra.", day, KANSAFRA, 2)
    story(store, "Strike two on Kansafra.", day, KANSAFRA, 3)
    mentions = [mention_of(e, d) for e, d in store.event_documents()]
    incidents = link(mentions)
    store.replace_incidents((), incidents)
    assert store.incidents() == incidents
    assert len(incidents) == 1 and incidents[0].fatalities == Fatalities(2, 3, 3)


def test_linked_events_are_no_longer_unlinked(store: Store) -> None:
    day = dt.date(2024, 3, 4)
    story(store, "Strike one on Kansafra.", day, KANSAFRA, 2)
    link_all(store)
    late = story(store, "Strike two on Kansafra.", day, KANSAFRA, 3)
    assert [d.id for _, d in store.event_documents(unlinked_only=True)] == [late.id]


def test_replacing_incidents_drops_the_old_ones_and_their_members(store: Store) -> None:
    day = dt.date(2024, 3, 4)
    story(store, "Strike one on Kansafra.", day, KANSAFRA, 2)
    link_all(store)
    [old] = store.incidents()
    story(store, "Strike two on Kansafra.", day, KANSAFRA, 3)
    link_all(store)
    [new] = store.incidents()
    assert len(new.reports) == 2
    keys = [(r.doc_id, r.event_id) for r in new.reports]
    assert set(store.incident_memberships(keys).values()) == {new.id}
    assert store.incidents(ids=[old.id]) == ([new] if old.id == new.id else [])


def test_incidents_filter_by_date_and_country(store: Store) -> None:
    story(store, "A strike on Kansafra.", dt.date(2024, 3, 4), KANSAFRA, 2)
    story(store, "A blast in Ankara.", dt.date(2024, 5, 1), ANKARA, 1)
    link_all(store)
    assert [i.place.name for i in store.incidents() if i.place] == ["Kansafra", "Ankara"]
    assert [i.place.name for i in store.incidents(since=dt.date(2024, 4, 1)) if i.place] == [
        "Ankara"]
    assert [i.place.name for i in store.incidents(country="syr") if i.place] == ["Kansafra"]


def test_event_documents_between_dates_take_undated_events_by_publication(
        store: Store) -> None:
    text = "An undated strike story."
    doc = Document(id=content_hash(text), text=text, published=dt.date(2024, 3, 4))
    event = Event(id="e1", doc_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
                  plover=Plover("FIGHT"))
    store.add(Extraction(doc, events=(event,)))
    inside = store.event_documents(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 5))
    outside = store.event_documents(start=dt.date(2024, 4, 1))
    assert [e.id for e, _ in inside] == ["e1"] and outside == []


def test_events_by_key_finds_stored_events(store: Store) -> None:
    doc = story(store, "A strike on Kansafra.", dt.date(2024, 3, 4), KANSAFRA, 2)
    key = (doc.id, f"e-{doc.id[:6]}")
    assert list(store.events_by_key([key, (doc.id, "missing")])) == [key]


def test_a_bounding_box_finds_incidents_by_their_point_in_sql(store: Store) -> None:
    from fogwatch.store.browse import BoundingBox, EventFilter, incident_page

    day = dt.date(2024, 3, 4)
    story(store, "Strike one on Kansafra.", day, KANSAFRA, 2)
    story(store, "A blast in Ankara.", day, ANKARA, 1)
    link_all(store)
    syria = EventFilter(bbox=BoundingBox(west=35.5, south=35.5, east=37.0, north=36.0))
    page = incident_page(store, syria, limit=10, offset=0)
    assert page.total == 1 and page.incidents[0].place == KANSAFRA
    nowhere = EventFilter(bbox=BoundingBox(west=170.0, south=-10.0, east=-170.0, north=10.0))
    assert incident_page(store, nowhere, limit=10, offset=0).total == 0


def test_an_older_store_gets_its_incidents_points_when_it_is_opened(store_url: str) -> None:
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from fogwatch.store import database, schema

    with Store.open(store_url) as store:
        story(store, "Strike one on Kansafra.", dt.date(2024, 3, 4), KANSAFRA, 2)
        link_all(store)
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:  # back to the schema before incidents had points
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with engine.connect() as conn:
        assert "lat" not in {c["name"] for c in sa.inspect(conn).get_columns("incidents")}
    with Store.open(store_url) as reopened:  # migrates to the newest revision
        assert reopened.incidents()[0].place == KANSAFRA
    with engine.connect() as conn:
        row = conn.execute(sa.select(schema.incidents.c.lat, schema.incidents.c.lon)).one()
    engine.dispose()
    assert (row.lat, row.lon) == (KANSAFRA.lat, KANSAFRA.lon)
