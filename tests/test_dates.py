"""The date normaliser: phrases as written -> EDTF, what it refuses, and DATE_PATTERN's promise
that every phrase it finds in prose is one parse_date reads."""

import calendar
import contextlib
import functools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import regexes
from pipeline.normalise import dates
from pipeline.normalise.dates import (
    DATE_PATTERN,
    DATE_SHAPE,
    SURE_DATE,
    DateParseError,
    ImpossibleDate,
    from_edtf,
    is_date,
    is_date_match,
    is_valid_edtf,
    parse_date,
    starts_date,
)

FINDER = re.compile(DATE_PATTERN)

# phrase as written -> (edtf, precision, earliest, latest)
TABLE = {
    "5 February 1960": ("1960-02-05", "day", "1960-02-05", "1960-02-05"),
    "5 February 1961": ("1961-02-05", "day", "1961-02-05", "1961-02-05"),
    "14 February 2008": ("2008-02-14", "day", "2008-02-14", "2008-02-14"),
    "1 January 2009": ("2009-01-01", "day", "2009-01-01", "2009-01-01"),
    "5th February 1960": ("1960-02-05", "day", "1960-02-05", "1960-02-05"),
    "February 5, 1960": ("1960-02-05", "day", "1960-02-05", "1960-02-05"),
    "Feb. 5, 1960": ("1960-02-05", "day", "1960-02-05", "1960-02-05"),
    "1989-04-17": ("1989-04-17", "day", "1989-04-17", "1989-04-17"),
    "2009-04-10": ("2009-04-10", "day", "2009-04-10", "2009-04-10"),
    "29 February 2012": ("2012-02-29", "day", "2012-02-29", "2012-02-29"),
    "June 2011": ("2011-06", "month", "2011-06-01", "2011-06-30"),
    "January 2012": ("2012-01", "month", "2012-01-01", "2012-01-31"),
    "December 2021": ("2021-12", "month", "2021-12-01", "2021-12-31"),
    "February 2012": ("2012-02", "month", "2012-02-01", "2012-02-29"),
    "Sept 1988": ("1988-09", "month", "1988-09-01", "1988-09-30"),
    "1961": ("1961", "year", "1961-01-01", "1961-12-31"),
    "  2015 ": ("2015", "year", "2015-01-01", "2015-12-31"),
    "1960s": ("196X", "decade", "1960-01-01", "1969-12-31"),
    "the 1960s": ("196X", "decade", "1960-01-01", "1969-12-31"),
    "2000s": ("200X", "decade", "2000-01-01", "2009-12-31"),
    "early 2010s": ("201X", "decade", "2010-01-01", "2019-12-31"),
    "the early 2010s": ("201X", "decade", "2010-01-01", "2019-12-31"),
    "mid-1960s": ("196X", "decade", "1960-01-01", "1969-12-31"),
    "19th century": ("18XX", "century", "1800-01-01", "1899-12-31"),
    "the 21st century": ("20XX", "century", "2000-01-01", "2099-12-31"),
    "19th-century": ("18XX", "century", "1800-01-01", "1899-12-31"),
    "late 2020": ("2020", "year", "2020-01-01", "2020-12-31"),
    "Early 1949": ("1949", "year", "1949-01-01", "1949-12-31"),
    "mid-June 2011": ("2011-06", "month", "2011-06-01", "2011-06-30"),
    "c. 1950": ("1950~", "year", "1949-01-01", "1951-12-31"),
    "ca. 1950": ("1950~", "year", "1949-01-01", "1951-12-31"),
    "circa 1950": ("1950~", "year", "1949-01-01", "1951-12-31"),
    "c.1950": ("1950~", "year", "1949-01-01", "1951-12-31"),
    "c. June 2011": ("2011-06~", "month", "2011-05-01", "2011-07-31"),
    "c. 1 January 2009": ("2009-01-01~", "day", "2008-12-31", "2009-01-02"),
    "by 1960": ("../1960", "year", None, "1960-12-31"),
    "By 1960": ("../1960", "year", None, "1960-12-31"),
    "Until 2010": ("../2010", "year", None, "2010-12-31"),
    "until 2023": ("../2023", "year", None, "2023-12-31"),
    "until June 2011": ("../2011-06", "month", None, "2011-06-30"),
    "before 1960": ("../1960", "year", None, "1960-12-31"),
    "since 2005": ("2005/..", "year", "2005-01-01", None),
    "Since 1976": ("1976/..", "year", "1976-01-01", None),
    "since early 1949": ("1949/..", "year", "1949-01-01", None),
    "after 2011": ("2011/..", "year", "2011-01-01", None),
    "2005 onwards": ("2005/..", "year", "2005-01-01", None),
    "mid-1960s through 1994": ("196X/1994", "year", "1960-01-01", "1994-12-31"),
    "the mid-1960s through 1994": ("196X/1994", "year", "1960-01-01", "1994-12-31"),
    "1948–50": ("1948/1950", "year", "1948-01-01", "1950-12-31"),
    "1948-50": ("1948/1950", "year", "1948-01-01", "1950-12-31"),
    "1998–02": ("1998/2002", "year", "1998-01-01", "2002-12-31"),
    "1976–2000": ("1976/2000", "year", "1976-01-01", "2000-12-31"),
    "1982–2002": ("1982/2002", "year", "1982-01-01", "2002-12-31"),
    "1976 - 2000": ("1976/2000", "year", "1976-01-01", "2000-12-31"),
    "1976—2000": ("1976/2000", "year", "1976-01-01", "2000-12-31"),
    "1976 to 2000": ("1976/2000", "year", "1976-01-01", "2000-12-31"),
    "1976 until 2000": ("1976/2000", "year", "1976-01-01", "2000-12-31"),
    "1994-06-01 – 2011-06-30": ("1994-06-01/2011-06-30", "day", "1994-06-01", "2011-06-30"),
    "June 1994 through 2011": ("1994-06/2011", "month", "1994-06-01", "2011-12-31"),
    "1960s–1970s": ("196X/197X", "decade", "1960-01-01", "1979-12-31"),
    "5–7 February 1960": ("1960-02-05/1960-02-07", "day", "1960-02-05", "1960-02-07"),
    "5 February – 7 March 1960": ("1960-02-05/1960-03-07", "day", "1960-02-05", "1960-03-07"),
    "February 5–7, 1960": ("1960-02-05/1960-02-07", "day", "1960-02-05", "1960-02-07"),
    "February–June 2011": ("2011-02/2011-06", "month", "2011-02-01", "2011-06-30"),
    "10 April 2009 (2009-04-10) – present": ("2009-04-10/..", "day", "2009-04-10", None),
    "10 April 2009 (2009-04-10)": ("2009-04-10", "day", "2009-04-10", "2009-04-10"),
    "1962–present": ("1962/..", "year", "1962-01-01", None),
    "1962 to the present": ("1962/..", "year", "1962-01-01", None),
    "17 years until June 2011": ("1994-06/2011-06", "month", "1994-06-01", "2011-06-30"),
    "the 17 years until June 2011": ("1994-06/2011-06", "month", "1994-06-01", "2011-06-30"),
    "seventeen years until 2011": ("1994/2011", "year", "1994-01-01", "2011-12-31"),
    "4 years until 29 February 2012": ("2008-02-29/2012-02-29", "day", "2008-02-29",
                                       "2012-02-29"),
    "3 years until 29 February 2012": ("2009-02-28/2012-02-29", "day", "2009-02-28",
                                       "2012-02-29"),
}

NOT_DATES = ["8888 Uprising", "200px", "27-member", "30,000", "17 years", "9th Standard", "",
             "   ", "Federalism", "On 5 February 1960", "in 2015", "from 1976–2000",
             "over 33 years until 1994", "may 2011", "5 february 1960", "1994/95", "196",
             "3000", "0 June 2011", "32 June 2011", "13th Standard", "2011-13-01", "1965s",
             "June", "mid-", "until", "since when", "1960 1961"]

IMPOSSIBLE = ["31 April 2011", "29 February 2011", "2011-02-29", "2000–1976", "1985–05",
              "10 April 2009 (2009-04-11)", "7–5 February 1960", "June–February 2011"]


@pytest.mark.parametrize(("phrase", "expected"), TABLE.items())
def test_phrase_reads_as(phrase, expected):
    date = parse_date(phrase)
    assert (date.edtf, date.precision, date.earliest, date.latest) == expected


@pytest.mark.parametrize("phrase", TABLE)
def test_accepted_phrase_is_what_the_pattern_matches(phrase):
    """The other half of the promise: parse_date reads nothing DATE_PATTERN would not find."""
    assert FINDER.fullmatch(phrase.strip())
    assert is_date(phrase)


@pytest.mark.parametrize("value", sorted({edtf for edtf, *_ in TABLE.values()}))
def test_emitted_values_are_valid_edtf_and_rederive(value):
    assert is_valid_edtf(value)
    assert from_edtf(value).edtf == value


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    with pytest.raises(DateParseError, match="not a date phrase"):
        parse_date(text)
    assert not is_date(text)


@pytest.mark.parametrize("text", IMPOSSIBLE)
def test_shaped_like_a_date_but_names_none(text):
    assert FINDER.fullmatch(text)
    with pytest.raises(ImpossibleDate, match=re.escape(repr(text))):
        parse_date(text)


@pytest.mark.parametrize(("value", "valid"), [
    ("1961-02-05", True), ("2011-06", True), ("196X", True), ("18XX", True), ("1950~", True),
    ("2011-06?", True), ("../1960", True), ("2005/..", True), ("1994-06/2011-06", True),
    ("196X/1994", True), ("2012-02-29", True),
    ("", False), ("..", False), ("../..", False), ("1961-2-5", False), ("2011-13", False),
    ("2011-02-29", False), ("2000/1976", False), ("1994/2000/2011", False), ("19XXX", False),
    ("196X~", False), ("61", False), ("1960s", False), ("1960 ", False), ("1960/", False),
])
def test_edtf_validator(value, valid):
    assert is_valid_edtf(value) is valid


@pytest.mark.parametrize(("sentence", "found"), [
    ("The ceasefire lasted for 17 years until June 2011, when", ["17 years until June 2011"]),
    ("fought for over 33 years until a ceasefire was brokered in 1994.", ["1994"]),
    ("fought for over 33 years until 1994.", ["until 1994"]),
    ("8888 Uprising of the Burmese people in 1988, the", ["1988"]),
    ("On 5 February 1960, the KIO's private army", ["5 February 1960"]),
    ("the 1948–50 era. Zau Seng", ["1948–50"]),
    ("a 27-member private army, over 200 schools, 30,000+ troops", []),
    ("Size: 30,000+ (self-claimed in December 2021)", ["December 2021"]),
    ("- Dates of operation: 10 April 2009 (2009-04-10) – present",
     ["10 April 2009 (2009-04-10) – present"]),
    ("- Allies: , (until 2023), * Tatmadaw", ["until 2023"]),
    ("isolated from the mid-1960s through 1994, with", ["the mid-1960s through 1994"]),
    ("the 1994/95 season, a pre-1960 law, 200px, 1960px", []),
    ("She may 2011 never; 1960.5 and 1,960", ["2011"]),
    ("- Founded: 1960\n- 1961", ["1960", "1961"]),
])
def test_found_in_prose(sentence, found):
    assert [m.group() for m in FINDER.finditer(sentence)] == found


def test_pattern_embeds_in_other_rules():
    """Non-capturing, case-sensitive even inside an IGNORECASE rule, usable in a named group."""
    assert re.compile(DATE_PATTERN).groups == 0
    rule = re.compile(rf"(?i)in (?P<date>{DATE_PATTERN}), the", )
    assert rule.search("In June 2011, the KIA")["date"] == "June 2011"
    assert rule.search("in june 2011, the KIA") is None


# --- the property: every match of DATE_PATTERN in any text is a phrase parse_date reads --------

MONTHS = list(calendar.month_name)[1:]


@st.composite
def points(draw):
    """A single date as written, with its EDTF value."""
    year = draw(st.integers(1000, 2999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    name, iso = MONTHS[month - 1], f"{year}-{month:02d}-{day:02d}"
    return draw(st.sampled_from([
        (str(year), str(year)),
        (f"{name} {year}", iso[:7]),
        (f"{day} {name} {year}", iso),
        (f"{name} {day}, {year}", iso),
        (iso, iso),
        (f"{day} {name} {year} ({iso})", iso),
        (f"c. {year}", f"{year}~"),
        (f"early {year}", str(year)),
        (f"{year // 10 * 10}s", f"{year // 10}X"),
        (f"the mid-{year // 10 * 10}s", f"{year // 10}X"),
        (f"{ordinal(year // 100 % 21 + 1)} century", f"{year // 100 % 21:02d}XX"),
    ]))


def ordinal(number: int) -> str:
    suffix = "th" if number in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@st.composite
def phrases(draw):
    """A date phrase as written, with its EDTF value: a point, an open or a closed interval."""
    text, edtf = draw(points())
    kind = draw(st.sampled_from(["point", "by", "Until", "since", "range", "present"]))
    if kind == "point":
        return text, edtf
    if kind in ("by", "Until"):
        return f"{kind} {text}", f"../{edtf}"
    if kind == "since":
        return f"since {text}", f"{edtf}/.."
    join = draw(st.sampled_from(["–", " – ", "-", " to ", " through ", " — "]))
    if kind == "present":
        return f"{text}{join}present", f"{edtf}/.."
    end_text, end_edtf = draw(points())
    low, high = sorted([(text, edtf), (end_text, end_edtf)],
                       key=lambda p: (from_edtf(p[1]).earliest, from_edtf(p[1]).latest))
    return f"{low[0]}{join}{high[0]}", f"{low[1]}/{high[1]}"


@given(phrases(), st.sampled_from(["In ", "On ", "from ", "(", "Founded: ", ""]),
       st.sampled_from([", the KIO", ".", ")", " and later", "", "; 30,000 troops"]))
def test_phrases_in_prose_are_found_whole_and_read(phrase, before, after):
    text, edtf = phrase
    matches = list(FINDER.finditer(before + text + after))
    assert [m.group() for m in matches] == [text]
    assert parse_date(matches[0].group()).edtf == edtf
    assert is_valid_edtf(edtf)


TOKENS = ["5", "7", "29", "31", "02", "50", "1948", "1960", "1961", "2000", "2011", "8888",
          "1960s", "19th", "century", "February", "Feb.", "April", "June", "may", "2009-04-10",
          "2009-02-29", "(", ")", "–", "-", "—", "/", ",", ".", "+", "%", "until", "Until", "by",
          "since", "after", "c.", "circa", "mid", "early", "late", "the", "17", "years", "over",
          "to", "through", "present", "onwards", "px", "member", "Uprising", "s", "th"]


@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", " ", " ", "\n"])),
                max_size=12))
def test_every_match_in_any_text_is_read(pieces):
    """DATE_PATTERN is syntax only: a match either reads, or names an impossible date."""
    text = "".join(token + space for token, space in pieces)
    for match in FINDER.finditer(text):
        with contextlib.suppress(ImpossibleDate):
            assert is_valid_edtf(parse_date(match.group()).edtf)


@given(st.lists(st.sampled_from(TOKENS), max_size=8).map(" ".join))
def test_parse_date_reads_only_what_the_pattern_matches(text):
    if is_date(text):
        assert FINDER.fullmatch(text.strip())


# --- DATE_SHAPE and SURE_DATE: what prose rules are compiled with in DATE_PATTERN's place -------


def ends_tried(pattern: str, text: str, start: int) -> list[int]:
    """The ends at which `pattern`, matched at `start`, offers the rest of a regex to go on, in
    the order it offers them. After the text comes a list of the ends seen so far (each as the
    rest of its line), and the probe refuses to end at those: each match is the next end."""
    probe = _probe(pattern)
    seen: list[int] = []
    while True:
        listed = "".join(text[end:].split("\n")[0] + "\x1f" for end in seen)
        match = probe.match(f"{text}\x00\x1f{listed}", start)
        if match is None:
            return seen
        seen.append(match.end())


@functools.cache
def _probe(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})(?=(?P<rest>[^\n\x00]*))"
                      rf"(?![\s\S]*\x00[^\x00]*\x1f(?P=rest)\x1f)")


def assert_shape_promises(text: str) -> None:
    """At every start: DATE_PATTERN and DATE_SHAPE try their ends longest first, the shape tries
    every end DATE_PATTERN does, is_date_match and starts_date say what DATE_PATTERN matches,
    and SURE_DATE matches only where a date starts."""
    for start in range(len(text) + 1):
        dates, shapes = ends_tried(DATE_PATTERN, text, start), ends_tried(DATE_SHAPE, text, start)
        assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)
        assert shapes == sorted(shapes, reverse=True) and len(set(shapes)) == len(shapes)
        assert [end for end in shapes if is_date_match(text, start, end)] == dates
        assert starts_date(text, start) is bool(dates)
        assert not re.compile(SURE_DATE).match(text, start) or dates


@pytest.mark.parametrize("text", [
    "from 1976 to 2000 onwards", "On 10 April 2009 (2009-04-10) – the present, 30,000",
    "the mid-1960s through 1994, 1995", "for 17 years until June 2011, when", "c.1950 to c. 1960",
    "Feb. 5, 1960 – 7 March 1961", "in 1990, 1991 and the 19th-century 1948–50", "the 1960s–1970s",
    "seventeen years until 2011 or over 33 years until 1994", "5–7 February 1960 to now",
])
def test_shape_promises_on_phrases(text):
    assert_shape_promises(text)


@given(st.lists(st.tuples(st.sampled_from([*TOKENS, "ca.", "Sept", "the present", "now",
                                           "year", "seventeen", "(2009-04-10)", "21st"]),
                          st.sampled_from(["", " ", " ", ", ", "\n"])), max_size=8))
def test_shape_promises_in_any_text(pieces):
    assert_shape_promises("".join(token + space for token, space in pieces))


def test_the_date_forms_come_from_a_store_of_compiled_regexes(monkeypatch):
    """A process given a store (regexes.compile_ahead: the memo of compiled regexes) compiles
    none of the long date regexes itself as it reads and checks dates."""
    monkeypatch.setattr(regexes, "_COMPILED", {})
    for lazy in (dates._regex, dates.date_regex):
        lazy.cache_clear()
        monkeypatch.setattr(dates, lazy.__name__, functools.cache(lazy.__wrapped__))
    stored = []
    regexes.compile_ahead(dates.date_regex_sources(),
                          lambda sources: stored.extend(sources) or list(map(re.compile, sources)))
    assert DATE_PATTERN in stored
    monkeypatch.setattr(re, "compile", None)  # anything not from the store fails
    assert parse_date("5–7 February 1960").edtf == "1960-02-05/1960-02-07"
    assert starts_date("In 1990 it split.", 3)
    assert is_date_match("from 1948–50 on", 5, 12)


def test_an_edtf_value_is_parsed_once_and_its_qualifiers_are_a_new_dict_each_time():
    """A package states the same dates many times: from_edtf remembers what it read (its
    EdtfDate is immutable); time_of's qualifiers are a dict a caller may change."""
    from pipeline.normalise.dates import from_edtf, time_of
    assert from_edtf("1990-05/2001") is from_edtf("1990-05/2001")
    assert time_of("1990/..") is not time_of("1990/..")
