"""Infobox values -> items: lists split at top-level commas, qualifiers taken out of the value.

`Laiza (since 2005), Pajau (former)` is two items, each with a qualifier; `Laiza, Kachin State
(currently)` is one place inside a larger one; `, (until 2023), * Tatmadaw` is a stray comma, a
qualifier whose value was lost (reported, not guessed) and a bulleted value. All offsets are
relative to the text given, so that every value keeps its exact span.
"""

import re
from dataclasses import dataclass
from functools import cache

from pipeline import rulebook
from pipeline.normalise.codes import is_country
from pipeline.normalise.dates import DateParseError, date_regex, parse_date
from pipeline.spans import trimmed

BULLETS = "*•·-–— \t"
TRAILING = " \t,;."
SEPARATORS = ",;"
QUOTES = "\"“”"
QUOTED = re.compile(r"\s*[\"“](?P<inner>[^\"“”]+)[\"”]?\s*")
DOTTED_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
DOTTED = re.compile(r"\b[A-Z]\.[A-Z]$")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+\b")
AND = re.compile(r"\s+(?:and|&)\s+")
BOTH_ABBREVIATIONS = re.compile(r"[A-Z][A-Z.-]+\s+(?:and|&)\s+[A-Z][A-Z.-]+")
PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")


@dataclass(frozen=True)
class Qualifier:
    name: str  # start_time, end_time, point_in_time, status, quantity_qualifier, note, alias
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    qualifiers: tuple[Qualifier, ...] = ()
    within: tuple[int, int] | None = None  # a larger place written after it: "Laiza, Kachin State"


@dataclass(frozen=True)
class Orphan:
    """Qualifiers with no value before them: the value was lost from the source."""

    start: int
    end: int


def top_level_commas(text: str) -> list[tuple[int, int]]:
    """Spans between commas and semicolons that are neither inside parentheses nor inside a
    date ("December 4, 1955") or a number ("10,052")."""
    in_dates = {index for pattern in (date_regex(), THOUSANDS) for match in pattern.finditer(text)
                for index in range(*match.span())}
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in SEPARATORS and depth <= 0 and index not in in_dates:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return spans


@cache
def _qualifier_rules() -> list[tuple[re.Pattern, dict]]:
    return [(re.compile(rule["pattern"]), rule) for rule in rulebook.load("qualifiers")]


def read_qualifier(inner: str) -> dict[str, str] | None:
    """The qualifiers a parenthesised text states, or None if it states none we know."""
    for pattern, rule in _qualifier_rules():
        match = pattern.fullmatch(inner.strip())
        if not match:
            continue
        try:
            found = {name: parse_date(match[group]).edtf
                     for name, group in rule.get("dates", {}).items()}
        except DateParseError:
            continue
        found |= {name: match[group] for name, group in rule.get("text", {}).items()}
        found |= rule.get("set", {})
        return found
    return None


def peel_qualifiers(text: str, start: int, end: int) -> tuple[int, tuple[Qualifier, ...]]:
    """Take qualifier parentheses off the end of a value; return the value's new end."""
    qualifiers: list[Qualifier] = []
    while True:
        match = PARENTHESIS.search(text, start, end)
        if not match:
            break
        found = read_qualifier(match["inner"])
        if found is None:
            break
        qualifiers[:0] = [Qualifier(name, value, match.start(), end)
                          for name, value in found.items()]
        end = match.start()
    return end, tuple(qualifiers)


def split_items(text: str) -> list[Item | Orphan]:
    """Every item of a list value, with its qualifiers; stray commas give nothing. A value in
    quotation marks is one item (a mission statement, a slogan), without the marks."""
    quoted = QUOTED.fullmatch(text)
    if quoted:
        return [Item(*quoted.span("inner"))]
    items: list[Item | Orphan] = []
    for seg_start, seg_end in top_level_commas(text):
        start, end = trimmed(text, seg_start, seg_end, BULLETS, TRAILING)
        if start == end:
            continue
        value_end, qualifiers = peel_qualifiers(text, start, end)
        value_start, value_end = trimmed(text, start, value_end, BULLETS, TRAILING)
        value_start, value_end = trimmed(text, value_start, value_end, QUOTES, QUOTES)
        if DOTTED.search(text, value_start, value_end) and text[value_end:value_end + 1] == ".":
            value_end += 1  # "D.C.", "U.S.": the last dot is the abbreviation's
        if value_start == value_end:
            items.append(Orphan(start, end))
        else:
            items.append(Item(value_start, value_end, qualifiers))
    return coordinated(text, items)


def conjunction_in(text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first "and" (or "&") of the text that is not inside parentheses."""
    for match in AND.finditer(text, start, len(text) if end is None else end):
        if text.count("(", start, match.start()) == text.count(")", start, match.start()):
            return match
    return None


def coordinated(text: str, items: list[Item | Orphan]) -> list[Item | Orphan]:
    """English lists end "B and C": "Black, Green and Gold" is three items, and so is "ADAV
    and SDAP" (two abbreviations). But "Automotive design, engineering and outsourcing
    services, Vehicle leasing" is one item whose own list ("design, engineering and
    outsourcing services") shares its head noun: a lower-case segment with "and" that does
    not end the list continues the item before it."""
    out: list[Item | Orphan] = []
    for index, item in enumerate(items):
        if not isinstance(item, Item):
            out.append(item)
            continue
        words = text[item.start:item.end]
        last = index == len(items) - 1
        if (out and isinstance(out[-1], Item) and not last and words[:1].islower()
                and conjunction_in(words)):
            out[-1] = Item(out[-1].start, item.end, item.qualifiers)
            continue
        conjunction = conjunction_in(words)
        if conjunction and ((last and len(items) > 1) or BOTH_ABBREVIATIONS.fullmatch(words)):
            out.append(Item(item.start, item.start + conjunction.start()))
            out.append(Item(item.start + conjunction.end(), item.end, item.qualifiers))
            continue
        out.append(item)
    return out


def places_and(text: str, item: Item | Orphan) -> list[Item | Orphan]:
    """"England and Wales" is two places; "Trinidad and Tobago" is one country."""
    words = text[item.start:item.end] if isinstance(item, Item) else ""
    conjunction = conjunction_in(words)
    if not conjunction or is_country(words) or not all(
            part[:1].isupper() for part in (words, words[conjunction.end():])):
        return [item]
    return [Item(item.start, item.start + conjunction.start()),
            Item(item.start + conjunction.end(), item.end, item.qualifiers)]


@cache
def _region_pattern() -> re.Pattern:
    suffixes = "|".join(re.escape(s) for s in rulebook.load("places")["region_suffixes"])
    return re.compile(rf".+\s(?:{suffixes})")


def is_region(name: str) -> bool:
    """A country, a name with a region's word (Kachin State), or a dotted abbreviation of
    one (D.C., U.S.)."""
    return (is_country(name) or bool(_region_pattern().fullmatch(name))
            or bool(DOTTED_ABBREVIATION.fullmatch(name)))


def join_places(text: str, items: list[Item | Orphan]) -> list[Item | Orphan]:
    """`Laiza, Kachin State` is one place in a region, not two places: join such pairs (a
    place's name starts with a letter: "1865, Finland" is a date and a country)."""
    joined: list[Item | Orphan] = []
    for item in [part for listed in items for part in places_and(text, listed)]:
        previous = joined[-1] if joined else None
        if (isinstance(item, Item) and isinstance(previous, Item) and previous.within is None
                and not previous.qualifiers and text[previous.start].isalpha()
                and is_region(text[item.start:item.end])
                and not is_region(text[previous.start:previous.end])):
            joined[-1] = Item(previous.start, previous.end, item.qualifiers,
                              within=(item.start, item.end))
        else:
            joined.append(item)
    return joined
