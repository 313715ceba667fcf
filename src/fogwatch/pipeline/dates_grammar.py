"""Recognition for stage 'dates': the word table `data/dates_words.csv` and the patterns built
from it, and the filters that drop sets, durations and words that only look like dates."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

from fogwatch.pipeline.dates_holidays import name_pattern
from fogwatch.pipeline.figures import word_number

__all__ = [
    "Candidate", "Vocabulary", "candidates", "grammar", "keep", "quantity", "spelled_year",
    "vocabulary",
]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of `dates_words.csv`, grouped by kind: word -> value."""

    kinds: dict[str, dict[str, str]]

    def words(self, kind: str) -> dict[str, str]:
        return self.kinds.get(kind, {})


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    kinds: dict[str, dict[str, str]] = {}
    table = resources.files("fogwatch.data").joinpath("dates_words.csv")
    for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))):
        kinds.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return Vocabulary(kinds)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns, most specific first; each names the rule that resolves its match."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]


@functools.lru_cache(maxsize=1)
def grammar() -> Grammar:
    v = vocabulary()
    month = rf"(?P<month>{_alt(list(v.words('month')))}|(?:{_alt(list(v.words('month_abbr')))})\.?)"
    full_month = rf"(?P<month>{_alt(list(v.words('month')))})"
    weekday = rf"(?P<weekday>{_alt(list(v.words('weekday')))})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year4 = r"(?P<year>1[89]\d\d|20\d\d)"
    year = r"(?P<year>1[89]\d\d|20\d\d|'?\d\d)"
    lead_weekday = rf"(?:{weekday},?\s+)?"
    part = rf"(?P<part>{_alt([w for w in v.words('part') if len(w) > 3 or w == 'mid'])})"
    the_part = r"(?:the\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+"
    shift = rf"(?P<shift>{_alt(list(v.words('shift')))})"
    unit = r"(?P<unit>day|week|month|year)s?"
    pod = rf"(?:\s+(?P<pod>{_alt(list(v.words('part_of_day')))}))?"
    number = r"(?P<number>\d{1,3}|a|an|[a-z]+(?:-[a-z]+)?)"
    ordinal = rf"(?P<ordinal>{_alt(list(v.words('quarter')))})"
    season = rf"(?P<season>{_alt(list(v.words('season')))})"
    season_cue = r"(?:(?P<sshift>this\s+past|this|last|next|early|late|mid)[\s-]+|the\s+)?"
    tens = r"[a-z]+(?:[\s-][a-z]+)?"
    spelled = rf"nineteen[\s-]+(?:hundred\s+(?:and\s+)?)?{tens}|two\s+thousand(?:\s+and\s+{tens})?"
    rules = [
        ("quarter", rf"(?:the\s+)?(?:(?:comparable\s+)?(?P<earlier>year-(?:earlier|ago))\s+)?"
                    rf"(?:(?P<qyear>(?:1[89]|20)\d\d)\s+)?(?:fiscal\s+)?{ordinal}"
                    rf"[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?{year4})?"),
        ("year_earlier", r"(?:the\s+)?(?:(?:comparable|corresponding)\s+)?(?:a\s+)?year[\s-]"
                         r"(?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)\s+)?"
                         r"(?:quarter|period))?"),
        ("shift_quarter", rf"(?:the\s+(?:(?P<qshift>{_alt(list(v.words('quarter_shift')))})\s+)?"
                          r"|(?P<qshift2>this|last|next)\s+)quarter"),
        ("season", rf"{season_cue}{season}(?:\s+(?:of\s+)?{year4})?"),
        ("season", rf"{year4}\s+{season}"),
        ("holiday", rf"{name_pattern()}(?:,?\s+{year4})?"),
        ("weekend", r"(?P<wshift>this|last|next|the|the\s+past)\s+weekend"),
        ("anaphor", r"(?:(?:later|earlier)\s+)?(?:that|the\s+(?P<ashift>same|following|"
                    r"previous|prior))\s+(?P<unit>day|week|month|year)"),
        ("anaphor", rf"(?P<number>a|an|one|two|three|four|five|six|\d)\s+{unit}\s+"
                    rf"(?P<direction>earlier|later)(?!\s+(?:than|the|in|on|at)\b)"),
        ("spelled_year", rf"(?:the\s+year\s+|{full_month}\s+)?(?P<spelled>{spelled})"),
        ("part_of_unit", r"(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+(?:the|this)\s+"
                         r"(?P<unit>week|month|year)"),
        ("the_year", r"the\s+(?:(?:current|full)\s+)?(?:fiscal\s+)?year"
                     r"(?!\s+(?:earlier|ago|before|after|or|and|of)\b|'s)"),
        ("iso", r"(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)"),
        ("numeric", r"(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)"),
        ("dmy", rf"{lead_weekday}(?:the\s+)?{day}(?:\s+of)?\s+{month},?\s+{year}"),
        ("mdy", rf"{lead_weekday}{month}\s+{day},?\s+{year}"),
        ("my", rf"(?:(?:{part}[\s-]+)|{the_part})?{month},?\s+(?:of\s+)?{year4}"),
        ("dm", rf"{lead_weekday}(?:the\s+)?{day}(?:\s+of)?\s+{month}"),
        ("md", rf"{lead_weekday}{month}\s+{day}(?!\d|:\d)"),
        ("month_shift_year", rf"{full_month}(?:\s+of)?\s+(?P<shift>last|this|next)\s+year"),
        ("shift_month", rf"(?P<shift>last|this|next|coming)\s+{full_month}"),
        ("part_year", rf"{part}[\s-]+{year4}"),
        ("part_month", rf"(?:{part}[\s-]+|{the_part}){full_month}"),
        ("month", full_month),
        ("ago", rf"{number}\s+{unit}\s+ago"),
        ("past_span", rf"the\s+(?:past|last)\s+{number}\s+{unit}"),
        ("shift_unit", rf"(?:(?:earlier|later)\s+)?{shift}\s+(?P<unit>week|month|year)"),
        ("shift_weekday", rf"{shift}\s+{weekday}"),
        ("weekday", rf"{weekday}{pod}"),
        ("day_word", rf"(?P<dayword>{_alt(list(v.words('day_offset')))}){pod}"),
        ("this_pod", rf"(?P<shift>this|last)\s+(?P<pod>{_alt(list(v.words('part_of_day')))})"),
        ("year", year4),
        ("reference", rf"(?P<reference>{_alt(list(v.words('reference')))})"
                      r"(?!\s+(?:\d|few|several|two|three|decade|century|week|month|year|day|"
                      r"quarter|period|fiscal|of|tense))"),
    ]
    return Grammar(tuple(
        (name, re.compile(rf"(?<![\w-]){pattern}(?![\w-]|\.\d)", re.IGNORECASE))
        for name, pattern in rules
    ))


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    fields: dict[str, str]


def candidates(text: str) -> list[Candidate]:
    taken: list[Candidate] = []
    for rule, pattern in grammar().rules:
        for m in pattern.finditer(text):
            if any(m.start() < c.end and c.start < m.end() for c in taken):
                continue
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            taken.append(Candidate(m.start(), m.end(), rule, fields))
    return taken


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([\w']+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int) -> str:
    return text[end:end + 20].lower()


def keep(c: Candidate, text: str, ner_spans: list[tuple[int, int]]) -> bool:
    """Drop sets, durations and bare words that are probably not dates."""
    v = vocabulary()
    before = _previous_word(text, c.start)
    after = _next_text(text, c.end)
    if before in v.words("set"):
        return False
    if c.rule in ("shift_unit", "shift_weekday") and before in ("the", "a") \
            and c.fields["shift"].lower() not in ("this", "current"):
        return False  # "the last week", "the next month" are durations
    month = c.fields.get("month", "")
    if month.islower():
        return False  # "may have", "march on": English capitalises its months
    if c.rule == "month" and month.lower() in ("may", "march") \
            and before not in v.words("cue") and before not in v.words("part"):
        return False
    if c.rule in ("md", "dm", "dmy", "mdy", "my") and "day" in c.fields \
            and not 1 <= int(c.fields["day"]) <= 31:
        return False
    if c.rule == "season" and not ({"sshift", "year"} & set(c.fields)) \
            and before not in v.words("cue") and not text[c.start:c.end].lower().startswith("the"):
        return False  # "fall" and "spring" are verbs too
    if c.rule == "season" and re.match(r"\s+(?:of|in)\b", after) and "year" not in c.fields:
        return False  # "the fall of the city"
    if c.rule == "spelled_year" and (spelled_year(c.fields["spelled"]) is None or (
            c.fields["spelled"].lower().startswith("two") and "month" not in c.fields
            and not text[c.start:c.end].lower().startswith("the"))):
        return False  # "two thousand people" is a count
    if c.rule == "holiday" and " " not in c.fields["holiday"].strip() and "year" not in c.fields \
            and re.match(r"\s+[a-z]", after) and not re.match(_TIME_OF_DAY, after):
        return False  # "a Christmas party", "Easter eggs": the name as a modifier is no date
    if c.rule == "reference" and _discourse_now(c, text):
        return False
    if c.rule == "ago" and quantity(c.fields["number"]) is None:
        return False
    if c.rule == "year":
        if re.match(r"\s*(?:-|–)?\s*(?:year|old|%|percent|people|troops)", after):
            return False
        if text[max(0, c.start - 1):c.start] in ("$", "#") or re.match(r"[,.]\d", after):
            return False
        covered = any(s <= c.start and c.end <= e for s, e in ner_spans)
        if not covered and before not in v.words("cue") and before not in v.words("part"):
            return False
    return True


# Words after a holiday's one-word name that still make it the day ("Christmas morning").
_TIME_OF_DAY = r"\s+(?:morning|afternoon|evening|night|weekend|eve)\b"


def spelled_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000; None when a word is no number."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        century, rest = 2000, [w for w in parts[2:] if w != "and"]
    elif parts[0] == "nineteen":
        century, rest = 1900, [w for w in parts[1:] if w not in ("hundred", "and")]
    else:
        return None
    values = [word_number(w) for w in rest]
    if any(v is None for v in values):
        return None
    year = century + sum(v or 0 for v in values)
    return year if year < century + 100 else None


def _discourse_now(c: Candidate, text: str) -> bool:
    """'Now, he says, ...' opens a turn of the story rather than naming the present."""
    opening = re.search(r"(?:^|[.!?\"'`]\s*)$", text[:c.start]) is not None
    return opening and text[c.start:c.end].lower() == "now" and text[c.end:c.end + 1] == ","


def quantity(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    return word_number(word)

