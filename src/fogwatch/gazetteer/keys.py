"""Lookup keys for place names: one spelling-tolerant form shared by the index and the queries.

Two keys per name. The exact key folds case, diacritics and punctuation ("Sarāqib" -> "saraqib").
The loose key also drops Arabic-style articles wherever they stand ("al-", "el-", "ash-",
"ad-" ...), squeezes doubled letters and folds common romanisation variants of Arabic, Persian,
Turkish and Pashto names (Kfar/Kafr, ou/u, q/k, dj/j, Ein/Ayn/Ain, a final -eh/-ah/-a), so "Ma'arrat
al-Nu'man", "Maarat an-Numan" and "Ma‘arrat an Nu‘mān" meet ("marat numan"), as do "Hasakeh",
"Al-Hasakah" and "Hasaka".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ARTICLES", "exact_key", "loose_key"]

# Transliterations of the Arabic article and its sun-letter assimilations.
ARTICLES = frozenset({
    "al", "el", "ul", "il", "an", "ar", "as", "ash", "ad", "at", "az", "ath", "adh", "dh",
    "ed", "en", "er", "es", "esh", "et", "ez",
})
_APOSTROPHES = re.compile(r"['’‘ʼʻ`´ʿʾ]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
# Romanisation variants, applied to the squeezed key: (pattern, replacement).
_VARIANTS = (
    (re.compile(r"\bkfar\b"), "kafr"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"q"), "k"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"\b(?:ein|ayn)\b"), "ain"),  # the spring of "Ain Issa", "Ein Issa", "Ayn Isa"
    (re.compile(r"(?<=\w\w)(?:eh|ah)\b"), "a"),
)
# Letters NFKD leaves alone but that have a plain Latin reading.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe",
                       "þ": "th", "ð": "d", "ħ": "h"})


def exact_key(name: str) -> str:
    """Case, diacritics, apostrophes and punctuation folded: "Kafr Nabl" -> "kafr nabl"."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_ALNUM.sub(" ", text).split())


def loose_key(name: str) -> str:
    """The exact key without articles and with doubled letters squeezed: "Deir ez-Zor" ->
    "deir zor"."""
    words = [w for w in exact_key(name).split() if w not in ARTICLES]
    if not words:
        return ""
    key = _DOUBLED.sub(r"\1", " ".join(words))
    for pattern, replacement in _VARIANTS:
        key = pattern.sub(replacement, key)
    return _DOUBLED.sub(r"\1", key)
