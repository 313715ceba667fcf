"""Gazetteer names the model missed: whole runs of capitalised proper nouns that the gazetteer
knows exactly as a town, a unit or a country, where the parse left them untagged ("families
fled Kafr Nabl") or tagged them, whole, a person or an organisation ("a Huntsville man").

What keeps other capitalised words out:
- a run longer than the name is another name ("Mallory Flowers", "Coronado Meat Market"), as is
  a run after a possessive ("Eva's Village"), and a name inside a longer entity of another kind
  is that entity's ("the Athens Police Department");
- a word of the model's English word list ("Mobile", "Split", "Of") or of our table
  (`data/places_common_names.csv`: titles, days, months) is no name on its own, nor is a common
  noun ("Council", "Airport") unless it names a big town, a province or a country;
- a word of a person's name in the document ("Assad" after "Bashar al-Assad"), or after a title
  ("Gen. Haftar"), is that person;
- a name after an article ("the Toyota"), or that the model tagged a person or an organisation,
  is a place only where the text uses it as one: before a resident noun ("Roselle police",
  "Sligo-based"), after "from", as the object of an assault ("shelled Kharkiv"), or in a list
  beside a place already found ("Hamilton and Middletown").
Lookups use the gazetteer's index, once per capitalised run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.gazetteer import Entry, Gazetteer, place_cues
from fogwatch.gazetteer.builder import data_rows
from fogwatch.nlp import Doc, doc_text, english_nouns, english_words, stop_words
from fogwatch.records import Span

if TYPE_CHECKING:  # spaCy's types, for the annotations only (nlp.py owns spaCy)
    from spacy.tokens import Span as Tokens
    from spacy.tokens import Token

__all__ = ["HYPHEN_PARTICLES", "MAX_WORDS", "NameWords", "acronym_list", "name_words",
           "particle_joined", "unmarked_names"]

MAX_WORDS = 4
# Lower-case particles that join the parts of French, English and German place names with
# hyphens ("Port-au-Prince", "Croix-des-Bouquets", "Stratford-upon-Avon", "Frankfurt-am-Main"):
# the parser splits them into tokens, the name is the whole.
HYPHEN_PARTICLES = ("au", "aux", "en", "sur", "sous", "lès", "les", "lez", "le", "la", "de",
                    "des", "du", "upon", "on", "under", "am", "an", "im", "bei", "ob")
_PARTICLE_JOIN = re.compile(r"\w-(?:" + "|".join(HYPHEN_PARTICLES) + r")-[A-Z]")
PROPER_TAGS = frozenset({"NNP", "NNPS"})
WHOLE_LABELS = frozenset({"ORG", "PERSON"})  # a village the model took for one of these
NAME_KINDS = frozenset({"city", "admin2", "admin1", "country"})
UNIT_KINDS = frozenset({"admin1", "country"})
MIN_CHARS = 3  # "Al", "Ba": fragments of longer names, never a place on their own here
MIN_ACRONYMS = 2  # "(CGT, FO, Sud)": one acronym may be a place's ("Goma (North Kivu, DRC)")
BIG_TOWN = 100_000  # a common noun that names a town this big may mean the town
ARTICLES = frozenset({"the", "a", "an"})
_NEXT_WORD = re.compile(r"\s*(-based|[A-Za-z]+)")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER = re.compile(r"^\s*(?:,|and\b|or\b)\s*")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")


@dataclass(frozen=True, slots=True)
class NameWords:
    """The word lists that tell a name from other capitalised words (all lowercase)."""

    common: frozenset[str]  # no place name on its own ("mobile", "split", "monday")
    nouns: frozenset[str]  # English nouns, which name only big towns or units ("council")
    stop: frozenset[str]  # function words, which neither start nor end a name ("of", "and")
    titles: frozenset[str]  # a person's title: the name after it is a person's ("gen", "mr")
    residents: frozenset[str]  # a word after a place that makes it one ("police", "-based")
    assaults: frozenset[str]  # verbs whose object is a place more than a person ("shell")


@functools.lru_cache(maxsize=1)
def name_words() -> NameWords:
    """The model's English words, nouns and stop words, our table of capitalised words that
    they lack (`data/places_common_names.csv`), and the resident nouns of `places_cues.csv`."""
    rows = data_rows("places_common_names.csv")
    titles = frozenset(r["word"] for r in rows if r["kind"] == "title")
    table = frozenset(r["word"] for r in rows)
    cues = place_cues()
    return NameWords(english_words() | table, english_nouns(), stop_words(), titles,
                     cues.get("resident_after", frozenset()),
                     cues.get("assault_verb", frozenset()))


def unmarked_names(doc: Doc, taken: Set[int], gazetteer: Gazetteer,
                   words: NameWords) -> Iterator[tuple[Span, tuple[Entry, ...]]]:
    """The gazetteer names among the capitalised words of the document that no character of
    `taken` (offsets of the places already found) covers, with their exact entries."""
    people = _people_words(doc)
    i = 0
    while i < len(doc):
        run = _run(doc, i, taken)
        if run == 0:
            i += 1
            continue
        names = doc[i:i + run]
        if len(names.text.split()) <= MAX_WORDS and _free(names) and \
                _name_like(names.text, words) and not _person(names, words, people) and \
                not _among_acronyms(names, gazetteer):
            entries = tuple(e for e in gazetteer.lookup(names.text)
                            if not e.loose and e.kind in NAME_KINDS)
            if entries and (_used_as_place(names, taken, words) or (
                    _plain(names) and not _small_noun(names.text, entries, words))):
                yield Span(names.start_char, names.end_char, names.text), entries
        i += run


def _run(doc: Doc, i: int, taken: Set[int]) -> int:
    """The length of the run of proper nouns that starts at token i (0 when another proper
    noun stands right before it: the run started there)."""
    if i > 0 and (_proper(doc[i - 1]) or doc[i - 1].tag_ == "POS") or not _namely(doc, i):
        return 0  # after a name, or its possessive ("Eva's Village"): part of that name
    if i >= 3 and _particle_join(doc, i - 3):
        return 0  # "Bois" of "Aulnay-sous-Bois"
    end = i
    while end < len(doc) and _namely(doc, end) and doc[end].idx not in taken:
        end += 1
        if _particle_join(doc, end) and doc[end + 3].idx not in taken:
            end += 3  # "Port" "-" "au" "-" "Prince" is one name
    if end + 1 < len(doc) and doc[end].tag_ == "POS" and _proper(doc[end + 1]):
        return 0  # "Eva" of "Eva's Village": the possessive starts a longer name
    return end - i


def particle_joined(name: str) -> bool:
    """True for a name whose parts a particle joins ("Saint-Pair-sur-Mer"): a settlement's
    name, not a person's or a common word, so a small town of it is meant even in a story
    that names no country."""
    return _PARTICLE_JOIN.search(name) is not None


def _namely(doc: Doc, i: int) -> bool:
    """A proper noun, or a capitalised word that a particle joins to one ("Port" of
    "Port-au-Prince", which the tagger reads as the common noun)."""
    token = doc[i]
    return _proper(token) or (token.text[:1].isupper() and token.text[1:].islower() and
                              _particle_join(doc, i + 1))


def _particle_join(doc: Doc, i: int) -> bool:
    """True when tokens i.. are "-", a particle, "-" and a proper noun, written without spaces
    after the proper noun before them ("Port-au-Prince")."""
    if i < 1 or i + 3 >= len(doc):
        return False
    glued = all(doc[j].whitespace_ == "" for j in range(i - 1, i + 3))
    return glued and doc[i].text == "-" and doc[i + 1].text in HYPHEN_PARTICLES and \
        doc[i + 2].text == "-" and _proper(doc[i + 3])


def _proper(token: Token) -> bool:
    """A capitalised proper noun in its ordinary spelling ("Kafr", "DeKalb"; not "UN" or
    "MOSUL", whose capitals may be a headline's or an acronym's)."""
    text = token.text
    return token.tag_ in PROPER_TAGS and text[:1].isupper() and any(c.islower() for c in text)


def _free(words: Tokens) -> bool:
    """True when the words lie outside every entity, or are the whole of a person's or an
    organisation's entity (a village the model took for one)."""
    if all(t.ent_iob_ == "O" for t in words):
        return True
    # read from the tokens' entity tags: `Doc.ents` builds every entity of the story per call
    doc = words.doc
    return words[0].ent_iob_ == "B" and words[0].ent_type_ in WHOLE_LABELS and \
        all(t.ent_iob_ == "I" for t in words[1:]) and \
        (words.end == len(doc) or doc[words.end].ent_iob_ != "I")


def _name_like(text: str, lists: NameWords) -> bool:
    words = text.split()
    if text.endswith("."):
        return False  # an abbreviation ("Gen.", "Ave.")
    if len(words) == 1:
        return len(text) >= MIN_CHARS and text.lower() not in lists.common
    # "Of Aleppo", "Aleppo And": a run that starts or ends with a function word is no name;
    # "New Concord", "Grand Prairie" are names though their words are English words.
    return words[0].lower() not in lists.stop and words[-1].lower() not in lists.stop


def _person(words: Tokens, lists: NameWords, people: frozenset[str]) -> bool:
    """True for a word of a person's name given in full elsewhere, or a name after a title."""
    before = words.doc[words.start - 1].lower_.rstrip(".") if words.start > 0 else ""
    return words.text.lower() in people or before in lists.titles


def _among_acronyms(words: Tokens, gazetteer: Gazetteer) -> bool:
    """True for a name in brackets among organisations' acronyms ("(CNT, Solidaires, FO)")."""
    text = doc_text(words.doc)
    opening = text.rfind("(", 0, words.start_char)
    closing = text.find(")", words.end_char)
    if opening < 0 or closing < 0 or ")" in text[opening:words.start_char] or \
            "(" in text[words.end_char:closing]:
        return False
    return acronym_list(_LIST_SPLIT.split(text[opening + 1:closing]), gazetteer)


def acronym_list(parts: Sequence[str], gazetteer: Gazetteer) -> bool:
    """True for a list of organisations: two or more of its parts are acronyms that name no
    place ("CGT", "FSU"; not "DRC") and the others are single words. A capitalised word among
    them is one more organisation's short name, not a place."""
    names = [part.strip() for part in parts if part.strip()]
    acronyms = [name for name in names if _ACRONYM.fullmatch(name) and not any(
        not entry.loose for entry in gazetteer.lookup(name))]
    return len(acronyms) >= MIN_ACRONYMS and all(len(name.split()) == 1 for name in names)


def _small_noun(name: str, entries: tuple[Entry, ...], lists: NameWords) -> bool:
    """True for an English noun that names only small towns ("Council", "Airport"), which a
    capitalised word more often means as the noun."""
    return name.lower() in lists.nouns and not any(
        e.kind in UNIT_KINDS or e.population >= BIG_TOWN for e in entries)


def _plain(words: Tokens) -> bool:
    """True for a name the text gives no reason to doubt: untagged, and not after an article."""
    before = words.doc[words.start - 1].lower_ if words.start > 0 else ""
    return all(t.ent_iob_ == "O" for t in words) and before not in ARTICLES


def _used_as_place(words: Tokens, taken: Set[int], lists: NameWords) -> bool:
    """True where the text uses the name as a place: before a resident noun ("Roselle police",
    "Sligo-based"), after "from", as the object of an assault ("shelled Kharkiv"), or in a list
    beside a place already found."""
    text = doc_text(words.doc)
    after = _NEXT_WORD.match(text, words.end_char)
    if after is not None and after.group(1).lower() in lists.residents:
        return True
    if words.start > 0 and words.doc[words.start - 1].lower_ == "from":
        return True
    head = words.root
    if head.dep_ == "dobj" and head.head.lemma_ in lists.assaults:
        return True  # "Russian forces shelled Kharkiv"
    before = _LIST_BEFORE.search(text, 0, words.start_char)
    if before is not None and len(text[:before.start()].rstrip()) - 1 in taken:
        return True
    following = _LIST_AFTER.match(text[words.end_char:])
    return following is not None and following.group() != "" and \
        (words.end_char + following.end()) in taken


def _people_words(doc: Doc) -> frozenset[str]:
    """The words of the document's longer person names ("Bashar al-Assad" -> "assad",
    "bashar"): a single word among them is that person again, not a place."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
                     for t in e if t.is_title)
