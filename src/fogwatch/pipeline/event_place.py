"""Where an event happened: the place the event stage gives it, from the places stage's
resolved mentions and the sentence the trigger stands in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.gazetteer import load_gazetteer
from fogwatch.nlp import doc_text
from fogwatch.pipeline.event_place_scene import rank_towns, scene_cues, stated_place
from fogwatch.pipeline.event_place_unlisted import unlisted_coded_place, unlisted_scene
from fogwatch.records import Place, Span

if TYPE_CHECKING:  # types only: spaCy itself is imported by fogwatch.nlp alone
    from spacy.tokens import Span as Sentence

__all__ = ["event_place"]


def _inside(span: Span | None, sent: Sentence) -> bool:
    return span is not None and sent.start_char <= span.start < sent.end_char


def _start(place: Place) -> int:
    return place.span.start if place.span else 0


def _adjective(place: Place) -> bool:
    """A country named by its demonym ("Russian forces"): the actor's country more often
    than the scene."""
    return place.precision == 3 and place.span is not None and \
        load_gazetteer().demonym(place.span.text) is not None


def _country_wide(place: Place) -> bool:
    """A country or continent, which a province of the same sentence narrows."""
    return (place.feature_code or "").startswith(("PCL", "CONT"))


def event_place(places: tuple[Place, ...], sent: Sentence, trigger: Span) -> Place | None:
    """The place a note says its event is coded to; else the sentence's likeliest town or
    village (`event_place_scene.rank_towns`: in the story's country, not where people come from
    nor a facility's name, placed in its units, the first: a report names the scene before the
    places it mentions on the way, "in Zapopan, ... arrested in the state of Colima"). Where
    the sentence names only regions or countries ("Turkish artillery shelled Syrian
    positions"), the story's likeliest town or village, which such a sentence most often
    continues; then the sentence's unit nearest the trigger, a province before a country, a
    country named by name before one named by its demonym. A sentence whose town the places
    stage left out ("demonstrated in Olten") has it read from the trigger's own locative
    phrase (`event_place_unlisted`)."""
    text = doc_text(sent.doc)
    cues = scene_cues()
    stated = stated_place(places, text, cues) or unlisted_coded_place(places, text)
    if stated is not None:
        return stated
    here = [p for p in places if _inside(p.span, sent)]
    towns = [p for p in here if p.precision < 3]
    if not towns:
        unlisted = unlisted_scene(places, sent, (trigger.start, trigger.end))
        if unlisted is not None:
            return unlisted
    towns = towns or [p for p in places if p.precision < 3]
    if towns:
        return rank_towns(towns, places, sent, (trigger.start, trigger.end), cues)[0]
    nearest = min(here, key=lambda p: (_adjective(p), _country_wide(p),
                                       abs(_start(p) - trigger.start)), default=None)
    named = [p for p in places if not _adjective(p)]
    return nearest or (named[0] if named else places[0] if places else None)
