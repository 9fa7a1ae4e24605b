"""Dates as written in English prose and infobox values -> EDTF (ISO 8601-2) values.

Hand-written phrase rules, because general parsers silently drop the words that matter here
("by", "until", "mid-", en-dash ranges). The vocabulary (month names, phrase words, dashes) is
data in `pipeline/rules/dates.yaml`; this module holds the grammar and what each form means.

What is emitted (a subset of EDTF levels 0-2, checked by `is_valid_edtf`):

    5 February 1960, February 5, 1960, 1960-02-05  -> 1960-02-05        day
    June 2011                                      -> 2011-06           month
    1961                                           -> 1961              year
    1960s, the 1960s                               -> 196X              decade
    19th century                                   -> 18XX              century (1800-1899)
    c. 1950, ca. 1950, circa 1950                  -> 1950~             approximate
    by 1960, until 2010, before 1960               -> ../1960           open start
    since 2005, after 2011, 2005 onwards           -> 2005/..           open end
    1976–2000, 1948–50, 1976 to 2000               -> 1976/2000         closed interval
    10 April 2009 (2009-04-10) – present           -> 2009-04-10/..     written twice, read once
    17 years until June 2011                       -> 1994-06/2011-06   counted back from the end

Choices for phrases EDTF cannot say exactly (the value always contains every reading of the
phrase; the quote keeps the words):

- "early", "mid", "late" (`early 1949`, `mid-1960s`, `late 2020`): the whole unit, so
  `mid-1960s through 1994` is `196X/1994`. EDTF has no "mid"; `1965~` would invent a year.
- "after 2011" is `2011/..` and "before 1960" is `../1960`, like "since" and "by": the prose
  often means "after the events of 2011", and `2011/..` holds under both readings.
- "c. 1950" is `1950~`; its bounds are widened by one unit each way (1949-01-01..1951-12-31),
  as python-edtf does.
- "N years until DATE" is the interval from DATE minus N years to DATE, at DATE's precision.
  With a bound word before the count ("over 33 years until 1994") only "until 1994" is read.
- `2000s` is the decade `200X` (and `1800s` the decade `180X`), not the century.
- A short end year belongs to the start's century (`1948–50`); it rolls into the next only from
  the century's last decade (`1998–02` is `1998/2002`).

`precision` is one of PRECISIONS; for an interval it is that of its finest closed end.
`earliest`/`latest` are ISO dates that sort as text (None for an open end).

DATE_PATTERN is a regex string for embedding in prose rules: non-capturing groups only, no
anchors, wrapped in `(?-i:...)` so that it stays case-sensitive inside an IGNORECASE rule
(month names must be capitalised: "may" is a verb; phrase words may capitalise their first
letter: "Until 2010"). Lookarounds at its ends keep it from starting or ending inside a word or
number. It matches the phrase only: "On", "in", "from", "for" stay outside ("the" before a
decade, a century or a duration is inside). parse_date reads exactly the phrases it matches,
except those that ImpossibleDate names (31 April, 2000–1976, a repeat that disagrees).
A bare four-digit number between 1000 and 2999 is a year to it ("2000 troops"): the rule that
embeds it gives the context.

DATE_PATTERN is large (some 20,000 characters), so prose rules are compiled with DATE_SHAPE in
its place: a short regex that matches every span DATE_PATTERN matches (and spans that are no
date), trying its ends longest first as DATE_PATTERN does; `is_date_match` then says whether
DATE_PATTERN matches the span a rule's match went through (pipeline/extract/patterns.py).
SURE_DATE is the reverse, for "no date starts here": where it matches, DATE_PATTERN matches too;
`starts_date` says whether DATE_PATTERN does.
"""

import calendar
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from pipeline.regexes import compiled

RULES = Path(__file__).resolve().parent.parent / "rules" / "dates.yaml"
PRECISIONS = ("day", "month", "year", "decade", "century")
OPEN = ".."  # EDTF for an end of an interval that is not known

SPACE = r"[^\S\n]"  # white space inside a line: a date never spans an infobox line break
SP = SPACE + "+"
OSP = SPACE + "*"
YEAR = "[12][0-9]{3}"


class DateParseError(ValueError):
    """The text is not a date phrase this module reads; the message says what was not read."""


class ImpossibleDate(DateParseError):
    """Shaped like a date but names none: 31 April 2011, 2000–1976, a repeat that disagrees.

    DATE_PATTERN is syntax only, so these are the phrases it matches that parse_date refuses.
    """


@dataclass(frozen=True)
class EdtfDate:
    """An EDTF value with what a consumer needs to sort and compare it without an EDTF parser."""

    edtf: str
    precision: str
    earliest: str | None
    latest: str | None


# --- the vocabulary and the grammar ------------------------------------------------------


@cache
def _vocabulary() -> dict:
    """The words and dashes, read once: the vocabulary is data, not code."""
    with RULES.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _word(word: str, space: str = SP) -> str:
    """A vocabulary word as a regex; its first letter may be a capital (a sentence's start)."""
    first, *rest = word.split()
    head = re.escape(first)
    if first[0].isalpha():
        head = f"[{first[0].upper()}{first[0].lower()}]{re.escape(first[1:])}"
    return space.join([head, *map(re.escape, rest)])


def _one_of(items, as_regex: Callable[[str], str] = _word) -> str:
    """Alternatives, longest first, so that a word is not cut short by its own prefix."""
    return "(?:" + "|".join(as_regex(i) for i in sorted(items, key=len, reverse=True)) + ")"


def _plain(pattern: str) -> str:
    """The pattern with its named groups made non-capturing, for embedding in another."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _months(v: dict) -> str:
    names = sorted([*v["months"], *v["month_abbreviations"]], key=len, reverse=True)
    return "(?:" + "|".join(
        re.escape(n) + ("" if n in v["months"] else r"\.?") for n in names) + ")"


def _days(v: dict) -> str:
    return f"(?:3[01]|[12][0-9]|0?[1-9]){_one_of(v['ordinal_suffixes'], re.escape)}?"


def _lead(words) -> str:
    """A phrase word ending in a full stop may touch the next word ("c.1950"); others not."""
    return _one_of(words, lambda w: _word(w) + (OSP if w.endswith(".") else SP))


def _points(v: dict, g: dict) -> None:
    """Single dates: the fine ones (day, month, year) and the coarse ones (decade, century)."""
    month, day, suffix = _months(v), _days(v), _one_of(v["ordinal_suffixes"], re.escape)
    hyphen = _one_of(v["hyphens"], re.escape)
    g["iso"] = f"(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])"
    again = rf"(?:{OSP}\({OSP}(?P<again>{_plain(g['iso'])}){OSP}\))?"
    g["dmy"] = f"(?P<day>{day}){SP}(?P<month>{month}),?{SP}(?P<year>{YEAR}){again}"
    g["mdy"] = f"(?P<month>{month}){SP}(?P<day>{day}),?{SP}(?P<year>{YEAR}){again}"
    g["my"] = f"(?P<month>{month}),?{SP}(?P<year>{YEAR})"
    g["year"] = f"(?P<year>{YEAR})"
    g["decade"] = "(?P<decade>[12][0-9]{2})0s"
    g["century"] = (f"(?P<ordinal>2[01]|1[0-9]|[1-9]){suffix}(?:{hyphen}|{SP})"
                    f"{_word(v['century'])}")
    fine = "|".join(_plain(g[k]) for k in ("iso", "dmy", "mdy", "my", "year"))
    qualifier = f"{_one_of(v['qualifiers'])}(?:{hyphen}|{SP})"
    g["circa"] = f"(?P<circa>{_lead(v['circa'])})(?P<point>{fine})"
    g["qualified"] = f"{qualifier}(?P<point>{_plain(g['my'])}|{_plain(g['year'])})"
    g["coarse"] = (f"(?:{_word(v['article'])}{SP})?(?:{qualifier})?"
                   f"(?P<point>{_plain(g['decade'])}|{_plain(g['century'])})")
    g["loose"] = f"{_plain(g['circa'])}|{_plain(g['qualified'])}|{fine}"
    g["point"] = f"{_plain(g['coarse'])}|{g['loose']}"


def _duration_form(v: dict, end: str) -> str:
    """"17 years until June 2011", its end one of `end`; not after a word that makes the count
    a bound ("over 33 years until 1994")."""
    blockers = "".join(f"(?<!{_word(w, SPACE)}{SPACE})" for w in v["duration_blockers"])
    count = f"[1-9][0-9]{{0,2}}|{_one_of(v['numbers'])}"
    return (f"{blockers}(?:{_word(v['article'])}{SP})?(?P<count>{count}){SP}"
            f"{_one_of(v['duration_units'])}{SP}{_one_of(v['duration_until'])}{SP}"
            f"(?P<end>{end})")


def _ranges(v: dict, g: dict) -> None:
    """Two ends, open ends, and the compact ranges that share a month or a year."""
    month, day = _months(v), _days(v)
    dash = f"{OSP}{_one_of(v['dashes'], re.escape)}{OSP}"
    join = f"(?:{dash}|{SP}{_one_of(v['range_words'])}{SP})"
    point, year = f"(?:{g['point']})", f",?{SP}(?P<year>{YEAR})"
    g["duration"] = _duration_form(v, g["loose"])
    g["day_month_range"] = (f"(?P<first>{day}{SP}{month}){join}(?P<last>{day}{SP}{month})"
                            f"{year}")
    g["day_range"] = f"(?P<first>{day}){join}(?P<last>{day}){SP}(?P<month>{month}){year}"
    g["us_day_range"] = f"(?P<month>{month}){SP}(?P<first>{day}){join}(?P<last>{day}){year}"
    g["month_range"] = f"(?P<first>{month}){join}(?P<last>{month}){year}"
    g["range"] = (f"(?P<start>{point}){join}"
                  f"(?:(?P<present>{_one_of(v['present'])})|(?P<end>{point}))")
    g["short_range"] = f"(?P<start>{YEAR}){dash}(?P<end>[0-9]{{2}})"
    g["open_start"] = f"{_one_of(v['open_start'])}{SP}(?P<end>{point})"
    g["open_end"] = f"{_one_of(v['open_end'])}{SP}(?P<start>{point})"
    g["onwards"] = f"(?P<start>{point}){SP}{_one_of(v['onwards'])}"


@cache
def _grammar() -> dict[str, str]:
    """Every form as a regex with named groups; DATE_PATTERN is their union without names."""
    grammar: dict[str, str] = {}
    _points(_vocabulary(), grammar)
    _ranges(_vocabulary(), grammar)
    return grammar


@cache
def _regex(name: str) -> re.Pattern:
    return compiled(_grammar()[name])


def _fences() -> tuple[str, str]:
    """Lookarounds before and after a date, so that it never starts or ends inside a word or a
    number ("8888", "200px", "1994/95", "pre-1960" are not matched in part)."""
    dashes = "".join(re.escape(d) for d in _vocabulary()["dashes"])
    return (rf"(?<![\w/{dashes}])(?<![0-9][.,])",
            rf"(?![\w%])(?![.,][0-9])(?![/{dashes}][0-9])")


def _forms() -> str:
    """The union of the phrase forms, longest first."""
    return "|".join(_plain(_grammar()[name]) for name, _ in _FORMS)


def _date_pattern() -> str:
    before, after = _fences()
    return f"(?-i:{before}(?:{_forms()}){after})"


def _shape_words(v: dict) -> list[str]:
    """Every word of the vocabulary in lower case ("c." is "c" and a dot); not the words before
    a duration, which are outside the phrase."""
    entries = [e for key, value in v.items() if key != "duration_blockers"
               for e in ([value] if isinstance(value, str) else value)]
    return sorted({w.rstrip(".").lower() for e in entries for w in str(e).split()
                   if w[0].isalpha()})


def _date_shape() -> str:
    """DATE_SHAPE: numbers and vocabulary words joined by spaces, brackets, dashes and commas
    before a space (the first join empty), ending with a number, a closing bracket or a word
    that can end a phrase ("century", "present", "onwards"), fenced like DATE_PATTERN. Each
    token and join matches one way only and the repetition is greedy, so that, like
    DATE_PATTERN, it tries its ends longest first."""
    v = _vocabulary()
    before, after = _fences()
    number = f"[0-9]+{_one_of([*v['ordinal_suffixes'], 's'], re.escape)}?"
    words = "|".join(map(re.escape, _shape_words(v)))
    token = rf"(?>(?:{number}|(?i:{words}))(?!\w))\.?"
    dashes = "".join(re.escape(d) for d in sorted({*v["dashes"], *v["hyphens"]}))
    gap = rf"(?:{SPACE}|,(?={SPACE})|[(){dashes}])*+"
    final_words = {v["century"], *(p.split()[-1] for p in v["present"]), *v["onwards"]}
    last = "|".join(f"(?<={x})" for x in ["[0-9]", "[0-9]s", r"\)",
                                          *map(_word, sorted(final_words))])
    return rf"(?-i:{before}(?=\w)(?:{gap}{token})+(?:{OSP}\))?(?:{last}){after})"


def _sure_date() -> str:
    """SURE_DATE: a bare year, or a duration to a month or a year, written with digits; where
    it matches, DATE_PATTERN matches too. The leading digit is checked first, as it rules out
    most places cheaply."""
    before, after = _fences()
    end = f"{_plain(_grammar()['my'])}|{YEAR}"
    duration = _plain(_duration_form(_vocabulary(), end))
    return f"(?-i:(?=[0-9]){before}(?:{duration}|{YEAR}){after})"


@cache
def _fence_regexes() -> tuple[re.Pattern, re.Pattern]:
    return tuple(re.compile(fence) for fence in _fences())


def is_date_match(string: str, start: int, end: int, endpos: int = sys.maxsize) -> bool:
    """Whether DATE_PATTERN, searching `string` up to `endpos`, can match string[start:end]
    (what DATE_SHAPE matched is checked with this): its opening fence holds at `start`, a
    phrase form (the regexes parse_date reads with, compiled anyway) spans the text, and its
    closing fence holds at `end`."""
    opening, closing = _fence_regexes()
    return bool(opening.match(string, start) and closing.match(string, end, endpos)
                and any(_regex(name).fullmatch(string, start, end) for name, _ in _FORMS))


@cache
def date_regex() -> re.Pattern:
    return compiled(DATE_PATTERN)


def date_regex_sources() -> list[str]:
    """Every long regex this module compiles as it reads dates (for regexes.compile_ahead)."""
    return [*_grammar().values(), DATE_PATTERN]


def starts_date(string: str, pos: int, endpos: int = sys.maxsize) -> bool:
    """Whether DATE_PATTERN, searching `string` up to `endpos`, matches at `pos`."""
    return date_regex().match(string, pos, endpos) is not None


# --- reading a point ---------------------------------------------------------------------


def _number(text: str) -> int:
    return int(re.match("[0-9]+", text).group())


def _month_number(name: str) -> int:
    """The month's number, by its full name or abbreviation ("Feb." -> 2)."""
    v = _vocabulary()
    name = name.rstrip(".")
    return v["months"].get(name) or v["month_abbreviations"][name]


def _written_day(match: re.Match) -> str:
    """A day written out; a repeat in ISO form ("(2009-04-10)") must say the same day."""
    value = f"{int(match['year']):04d}-{_month_number(match['month']):02d}-"
    value = _check_calendar(value + f"{_number(match['day']):02d}")
    if match["again"] and match["again"] != value:
        raise ImpossibleDate(f"written twice, and the two disagree: {match.group()!r}")
    return value


def _check_calendar(value: str) -> str:
    """The YYYY-MM-DD value, if that day is in the calendar (not 31 April, not 29 February 2011)."""
    year, month, day = map(int, value.split("-"))
    if day > _days_in(year, month):
        raise ImpossibleDate(f"{value!r} is not a calendar date")
    return value


_POINT_FORMS: tuple[tuple[str, Callable[[re.Match], str]], ...] = (
    ("decade", lambda m: f"{m['decade']}X"),
    ("century", lambda m: f"{int(m['ordinal']) - 1:02d}XX"),
    ("coarse", lambda m: _point(m["point"])),
    ("circa", lambda m: _point(m["point"]) + "~"),
    ("qualified", lambda m: _point(m["point"])),
    ("iso", lambda m: _check_calendar(m.group())),
    ("dmy", _written_day),
    ("mdy", _written_day),
    ("my", lambda m: f"{m['year']}-{_month_number(m['month']):02d}"),
    ("year", lambda m: m["year"]),
)


def _point(text: str) -> str:
    """One date (no interval) as EDTF."""
    for name, read in _POINT_FORMS:
        match = _regex(name).fullmatch(text)
        if match:
            return read(match)
    raise DateParseError(f"not a single date: {text!r}")


# --- reading a phrase --------------------------------------------------------------------


def _duration(match: re.Match) -> str:
    """"17 years until June 2011": the end, and the same moment N years before it."""
    words = _vocabulary()["numbers"]
    count = match["count"]
    years = int(count) if count.isdigit() else words[count.lower()]
    end = _point(match["end"])
    start = f"{int(end[:4]) - years:04d}{end[4:]}"
    if start[4:10] == "-02-29" and not calendar.isleap(int(start[:4])):
        start = start[:4] + "-02-28" + start[10:]
    return f"{start}/{end}"


def _short_range(match: re.Match) -> str:
    """"1948–50": the end year in the start's century; the next one only from its last decade."""
    start = int(match["start"])
    end = start - start % 100 + int(match["end"])
    if end < start and start % 100 >= 90:
        end += 100
    return f"{start}/{end}"


def _shared(head: str, first: str, last: str, tail: str) -> str:
    """A compact range ("5–7 February 1960"): each end completed with the parts they share."""
    return f"{_point(head + first + tail)}/{_point(head + last + tail)}"


def _range(match: re.Match) -> str:
    end = OPEN if match["present"] else _point(match["end"])
    return f"{_point(match['start'])}/{end}"


_FORMS: tuple[tuple[str, Callable[[re.Match], str]], ...] = (
    ("duration", _duration),
    ("day_month_range", lambda m: _shared("", m["first"], m["last"], f" {m['year']}")),
    ("day_range", lambda m: _shared("", m["first"], m["last"], f" {m['month']} {m['year']}")),
    ("us_day_range", lambda m: _shared(m["month"] + " ", m["first"], m["last"], f", {m['year']}")),
    ("month_range", lambda m: _shared("", m["first"], m["last"], f" {m['year']}")),
    ("range", _range),
    ("short_range", _short_range),
    ("open_start", lambda m: f"../{_point(m['end'])}"),
    ("open_end", lambda m: f"{_point(m['start'])}/.."),
    ("onwards", lambda m: f"{_point(m['start'])}/.."),
    ("point", lambda m: _point(m.group())),
)


def parse_date(text: str) -> EdtfDate:
    """The EDTF value of a date phrase as written (white space around it is ignored).

    Raises DateParseError if the text is not a date phrase; ImpossibleDate (a DateParseError)
    if it is shaped like one but names no date.
    """
    phrase = text.strip()
    for name, read in _FORMS:
        match = _regex(name).fullmatch(phrase)
        if match:
            try:
                return from_edtf(read(match))
            except ImpossibleDate as error:
                raise ImpossibleDate(f"{text!r}: {error}") from None
    raise DateParseError(f"not a date phrase: {text!r}")


def is_date(text: str) -> bool:
    """Whether parse_date reads the text."""
    try:
        parse_date(text)
    except DateParseError:
        return False
    return True


# --- EDTF values: validity, precision, bounds --------------------------------------------

_EDTF_POINT = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12][0-9]|3[01]))?)?"
    r"(?P<qualifier>[?~%])?|(?P<decade>[0-9]{3})X|(?P<century>[0-9]{2})XX")


def _days_in(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]


def _iso(year: int, month: int, day: int) -> str:
    if year < 0:
        return "0000-01-01"
    if year > 9999:
        return "9999-12-31"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _unit_bounds(year: int, month: int | None, day: int | None, pad: int) -> tuple[str, str]:
    """First and last day of a year, month or day, widened by `pad` units each way."""
    if month is None:
        return _iso(year - pad, 1, 1), _iso(year + pad, 12, 31)
    if day is None:
        low, high = _month_shift(year, month, -pad), _month_shift(year, month, pad)
        return _iso(*low, 1), _iso(*high, _days_in(*high))
    return _iso(*_day_shift(year, month, day, -pad)), _iso(*_day_shift(year, month, day, pad))


def _day_shift(year: int, month: int, day: int, by: int) -> tuple[int, int, int]:
    """The day `by` (-1, 0 or 1) days away."""
    day += by
    if day < 1:
        year, month = _month_shift(year, month, -1)
        return year, month, _days_in(year, month)
    if day > _days_in(year, month):
        return (*_month_shift(year, month, 1), 1)
    return year, month, day


def _edtf_point(value: str) -> tuple[str, str, str]:
    """(precision, earliest, latest) of one EDTF date; raises DateParseError if not one."""
    match = _EDTF_POINT.fullmatch(value)
    if not match:
        raise DateParseError(f"not an EDTF date: {value!r}")
    if match["century"]:
        start = int(match["century"]) * 100
        return "century", _iso(start, 1, 1), _iso(start + 99, 12, 31)
    if match["decade"]:
        start = int(match["decade"]) * 10
        return "decade", _iso(start, 1, 1), _iso(start + 9, 12, 31)
    year, month, day = (int(match[k]) if match[k] else None for k in ("year", "month", "day"))
    if day is not None:
        _check_calendar(value.rstrip("?~%"))
    precision = "day" if day else "month" if month else "year"
    return precision, *_unit_bounds(year, month, day, 1 if match["qualifier"] else 0)


def time_of(edtf: str, point_as: str = "point_in_time") -> dict[str, str]:
    """An EDTF date as a claim's time qualifiers: a single date is `point_as`; an interval is
    split into start_time and end_time, and an end that is not known ("..") is left out, as a
    claim without it says (a "since 2005" role has a start and no end)."""
    if "/" not in edtf:
        return {point_as: edtf}
    start, end = edtf.split("/")
    return {name: value for name, value in (("start_time", start), ("end_time", end))
            if value != OPEN}


@lru_cache(maxsize=65536)
def from_edtf(value: str) -> EdtfDate:
    """An EDTF value of the emitted subset with its precision and bounds (remembered: a
    package states the same dates many times, and EdtfDate is immutable).

    Raises DateParseError if it is not one; ImpossibleDate for a day not in the calendar or an
    interval that ends before it starts.
    """
    if "/" not in value:
        return EdtfDate(value, *_edtf_point(value))
    start, _, end = value.partition("/")
    if "/" in end or start == end == OPEN:
        raise DateParseError(f"not an EDTF interval: {value!r}")
    lower = None if start == OPEN else _edtf_point(start)
    upper = None if end == OPEN else _edtf_point(end)
    if lower and upper and lower[1] > upper[2]:
        raise ImpossibleDate(f"{value!r} ends before it starts")
    precision = min((side[0] for side in (lower, upper) if side), key=PRECISIONS.index)
    return EdtfDate(value, precision, lower and lower[1], upper and upper[2])


def is_valid_edtf(value: str) -> bool:
    """Whether the value is EDTF of the subset this module emits (and the package may hold)."""
    try:
        from_edtf(value)
    except DateParseError:
        return False
    return True


DATE_PATTERN: str = _date_pattern()
DATE_SHAPE: str = _date_shape()
SURE_DATE: str = _sure_date()
