"""Events ACLED has no type for: violence it leaves out (crime, accidental shootings) and things
said (talks, sanctions), on sentences of our own. They carry `event_type` None, come after every
ACLED event, and only the violent ones count casualties."""

from __future__ import annotations

import datetime as dt

from fogwatch.pipeline import extract_document, make_document
from fogwatch.records import Event, Plover

PUBLISHED = dt.date(2024, 3, 4)


def events(text: str) -> tuple[Event, ...]:
    return extract_document(make_document(text, PUBLISHED)).events


def readings(text: str) -> list[tuple[str | None, str | None, Plover | None]]:
    return [(e.event_type, e.sub_event_type, e.plover) for e in events(text)]


def counts(event: Event) -> list[tuple[str, int | None]]:
    return [(f.kind, f.best) for f in event.figures]


def test_a_shooting_in_a_robbery_is_a_typeless_assault_with_its_dead() -> None:
    (event,) = events("A shopkeeper was shot and killed during a robbery at his store in Toledo "
                      "on Friday, police said.")
    assert (event.event_type, event.sub_event_type, event.plover) == (
        None, None, Plover("ASSAULT", "firearms"))
    assert counts(event) == [("killed", 1)]
    assert event.fatalities is not None and event.fatalities.best == 1


def test_an_accidental_shooting_is_a_typeless_assault_with_its_wounded() -> None:
    (event,) = events("Two men were hurt in Dayton on Sunday when a pistol accidentally "
                      "discharged in a flat.")
    assert (event.event_type, event.plover) == (None, Plover("ASSAULT", "firearms"))
    assert counts(event) == [("wounded", 2)]


def test_a_stabbing_in_a_burglary_is_an_assault_in_beat_mode() -> None:
    (event,) = events("A man was stabbed to death during a burglary at a house in Akron on "
                      "Saturday.")
    assert (event.event_type, event.plover) == (None, Plover("ASSAULT", "beat"))
    assert counts(event) == [("killed", 1)]


def test_a_body_found_after_a_burglary_is_an_assault() -> None:
    (event,) = events("The boy was found dead in his home after a burglary, and police opened a "
                      "homicide inquiry.")
    assert (event.event_type, event.plover) == (None, Plover("ASSAULT", None))


def test_the_acled_event_comes_before_the_crime_told_beside_it() -> None:
    text = ("Gunmen attacked an army checkpoint near Mosul on Monday. Two soldiers were killed. "
            "In a separate robbery in the city, a shopkeeper was shot dead.")
    found = readings(text)
    assert found[0][:2] == ("Battles", "Armed clash")
    assert found[-1] == (None, None, Plover("ASSAULT", "firearms"))
    assert [t is None for t, _, _ in found] == sorted(t is None for t, _, _ in found)


def test_deaths_in_a_flood_are_no_event() -> None:
    assert events("A flood killed three people in the valley on Monday.") == ()


def test_a_manslaughter_charge_after_a_crash_is_no_event() -> None:
    assert events("The driver was charged with manslaughter after the crash that killed two "
                  "people.") == ()


def test_a_claim_of_responsibility_for_a_shooting_is_no_event() -> None:
    assert events("The gang claimed responsibility for the shooting in a video.") == ()


def test_a_stable_condition_is_no_stabbing() -> None:
    assert events("A man was in stable condition after a robbery at his shop.") == ()


def test_talks_in_a_story_of_diplomacy_are_a_consultation() -> None:
    assert readings("The ambassador met the foreign minister in Ankara on Tuesday.") == [
        (None, None, Plover("CONSULT", None))]


def test_a_story_led_by_sanctions_tells_only_the_sanctions() -> None:
    found = events("The union imposed sanctions after the army killed 30 protesters in the "
                   "capital.")
    assert [(e.event_type, e.plover) for e in found] == [(None, Plover("SANCTION", None))]


def test_a_verbal_event_counts_no_casualties() -> None:
    (event,) = events("The union imposed sanctions after the army killed 30 protesters in the "
                      "capital.")
    assert (event.figures, event.fatalities) == ((), None)
    assert "fatalities" not in {e.field for e in event.evidence}


def test_a_threat_alone_is_a_typeless_event() -> None:
    assert readings("The president threatened military action against the neighbouring "
                    "state on Sunday.") == [(None, None, Plover("THREATEN", "violence"))]


def test_the_killing_beside_a_verbal_event_keeps_the_count() -> None:
    text = ("Two men were shot dead in a robbery at a bar in Memphis on Friday. "
            "The mayor condemned the killing.")
    found = events(text)
    assert [(e.event_type, e.plover.event if e.plover else None) for e in found][0] == (
        None, "ASSAULT")
    assert sum(f.best or 0 for e in found for f in e.figures if f.kind == "killed") == 2


def test_a_hunting_accident_is_a_typeless_shooting() -> None:
    (event,) = events("A teenager has died after a hunting accident near Bemidji on Saturday.")
    assert (event.event_type, event.plover) == (None, Plover("ASSAULT", "firearms"))
    assert counts(event) == [("killed", 1)]
