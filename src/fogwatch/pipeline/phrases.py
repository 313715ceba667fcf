"""Matching lexicon phrases against a parsed doc, token by token.

A phrase is a sequence of pattern tokens: a word matches a token whose lower-case form or lemma
equals it, `word*` matches as a prefix, `~` skips up to three tokens, and a word written in
capitals only ("ISIS", "US") must match the token's exact spelling. Hyphens are skipped on both
sides, so "air strike", "air-strike" and "airstrike" can all be listed and matched.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from fogwatch.lexicons import alias_key
from fogwatch.nlp import Doc, load_model
from fogwatch.records import Span

__all__ = ["Match", "PhraseIndex", "pattern_tokens", "token_span"]

T = TypeVar("T")
GAP = "~"
MAX_GAP = 3
_SKIP = frozenset({"-", "–", "—"})


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Tokens `[start, end)` of the doc matched a phrase carrying `value`."""

    start: int
    end: int
    value: T


def token_span(doc: Doc, start: int, end: int) -> Span:
    """The record Span of tokens `[start, end)` of `doc`: character offsets and text."""
    part = doc[start:end]
    return Span(part.start_char, part.end_char, part.text)


@functools.lru_cache(maxsize=4096)
def pattern_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase split the way the parser splits text (case kept for acronyms)."""
    words: list[str] = []
    for part in phrase.split():
        if part in (GAP,) or part.endswith("*"):
            words.append(part if part == GAP else part.lower())
            continue
        for tok in load_model().tokenizer(part):
            if tok.text not in _SKIP:
                words.append(alias_key(tok.text))
    return tuple(words)


def _token_matches(word: str, lower: str, lemma: str, orth: str) -> bool:
    if word.endswith("*"):
        return lower.startswith(word[:-1]) or lemma.startswith(word[:-1])
    if word != word.lower():
        return orth == word
    return word in (lower, lemma)


class PhraseIndex(Generic[T]):
    """Phrases indexed by their first word; `find` returns longest, non-overlapping matches."""

    def __init__(self, phrases: Iterable[tuple[str | Sequence[str], T]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        # phrases whose first word is a prefix ("shell*"), indexed by that prefix, with their
        # place in the table so that ties still go to the phrase listed first
        self._by_prefix: dict[str, list[tuple[int, tuple[str, ...], T]]] = {}
        for order, (phrase, value) in enumerate(phrases):
            words = pattern_tokens(phrase) if isinstance(phrase, str) else tuple(phrase)
            if not words:
                continue
            if words[0].endswith("*"):
                self._by_prefix.setdefault(words[0][:-1], []).append((order, words, value))
            else:
                self._by_first.setdefault(words[0], []).append((words, value))

    def find(self, doc: Doc, start: int = 0, end: int | None = None,
             overlapping: bool = False) -> list[Match[T]]:
        """Matches in tokens `[start, end)` of `doc`, leftmost-longest first."""
        idx = [t.i for t in doc[start:end if end is not None else len(doc)]
               if t.text not in _SKIP]
        lowers = [doc[i].lower_ for i in idx]
        lemmas = [doc[i].lemma_.lower() for i in idx]
        orths = [doc[i].text for i in idx]
        found: list[Match[T]] = []
        pos = 0
        while pos < len(idx):
            best: tuple[int, T] | None = None
            candidates = list(self._by_first.get(lowers[pos], []))
            if orths[pos] != lowers[pos]:
                candidates += self._by_first.get(orths[pos], [])
            if lemmas[pos] != lowers[pos]:
                candidates += self._by_first.get(lemmas[pos], [])
            for words, value in candidates + self._prefixed_candidates(lowers[pos], lemmas[pos]):
                stop = self._match_at(words, pos, lowers, lemmas, orths)
                if stop is not None and (best is None or stop > best[0]):
                    best = (stop, value)
            if best is None:
                pos += 1
                continue
            found.append(Match(idx[pos], idx[best[0] - 1] + 1, best[1]))
            pos = pos + 1 if overlapping else best[0]
        return found

    def _prefixed_candidates(self, lower: str, lemma: str) -> list[tuple[tuple[str, ...], T]]:
        """Prefix phrases whose first word is a prefix of the token's form or lemma: one dict
        look-up per prefix length instead of a trial of every prefix phrase at every token."""
        found: dict[int, tuple[tuple[str, ...], T]] = {}
        for form in (lower, lemma) if lemma != lower else (lower,):
            for length in range(1, len(form) + 1):
                for order, words, value in self._by_prefix.get(form[:length], ()):
                    found[order] = (words, value)
        return [found[order] for order in sorted(found)]

    @staticmethod
    def _match_at(words: tuple[str, ...], pos: int, lowers: list[str], lemmas: list[str],
                  orths: list[str]) -> int | None:
        """The position after a match of `words` starting at `pos`, or None."""
        states = [pos]
        for w_i, word in enumerate(words):
            if word == GAP:
                states = sorted({s + k for s in states for k in range(MAX_GAP + 1)
                                 if s + k <= len(lowers)})
                continue
            states = [s + 1 for s in states if s < len(lowers)
                      and _token_matches(word, lowers[s], lemmas[s], orths[s])]
            if not states:
                return None
            if w_i == 0 and states[0] != pos + 1:
                return None
        return max(states) if states else None
