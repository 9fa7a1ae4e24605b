"""Quantities as written -> an integer and a qualifier ("over 200" -> 200, over).

The vocabulary (qualifier words, number words, multipliers, range joiners) is data in
`pipeline/rules/numbers.yaml`. Patterns for embedding in prose rules are case-insensitive, as
parse_quantity is, so "Two" at a sentence's start reads like "two".
"""

import re
from dataclasses import dataclass
from functools import cache

from pipeline import rulebook


class QuantityError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    value: int
    qualifier: str | None  # over, about, at least, estimated, peak, ... (rules/numbers.yaml)


@cache
def _vocabulary() -> dict:
    return rulebook.load("numbers")


def _one_of(words) -> str:
    """Alternatives, longest first, so that "more than" is tried before "more"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _number() -> str:
    """A bare number: digits (with thousands commas) or a word, times an optional multiplier
    ("two hundred", "30 thousand")."""
    vocabulary = _vocabulary()
    return (rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|{_one_of(vocabulary['words'])})"
            rf"(?:\s+(?P<multiplier>{_one_of(vocabulary['multipliers'])}))?")


@cache
def _pattern() -> re.Pattern:
    vocabulary = _vocabulary()
    after = "|".join(re.escape(w) for w in vocabulary["after"])
    suffixes = "|".join(re.escape(w) for w in vocabulary["adjective_suffixes"])
    return re.compile(
        rf"(?:(?P<before>{_one_of(vocabulary['before'])})\s+)?"
        rf"{_number()}"
        rf"(?P<after>{after})?"
        rf"(?:-(?:{suffixes}))?",
        re.IGNORECASE,
    )


def _value(match: re.Match) -> int:
    vocabulary = _vocabulary()
    number = match["number"].replace(",", "")
    value = int(number) if number.isdigit() else vocabulary["words"][number.lower()]
    if match["multiplier"]:
        value *= vocabulary["multipliers"][match["multiplier"].lower()]
    return value


def parse_quantity(text: str) -> Quantity:
    """Read a whole phrase as one quantity; anything else in it is an error, not ignored."""
    match = _pattern().fullmatch(text.strip())
    if not match:
        raise QuantityError(f"not a quantity: {text!r}")
    vocabulary = _vocabulary()
    qualifier = None
    if match["before"]:
        qualifier = vocabulary["before"][match["before"].lower()]
    elif match["after"]:
        qualifier = vocabulary["after"][match["after"]]
    return Quantity(_value(match), qualifier)


def _plain(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def quantity_pattern() -> str:
    """The regex of parse_quantity, for embedding in prose rules (no capturing groups)."""
    return f"(?i:{_plain(_pattern().pattern)})"


def number_pattern() -> str:
    """A bare number with no qualifier word or mark, for embedding (no capturing groups)."""
    return f"(?i:{_plain(_number())})"


def range_pattern() -> str:
    """Two bare numbers joined by a dash or a word ("20,000–30,000", "200 to 300"), the lower
    in group `low` and the upper in group `high`; each reads alone with parse_quantity."""
    joiners = _vocabulary()["range_joiners"]
    dashes = "".join(re.escape(j) for j in joiners if len(j) == 1)
    words = _one_of(j for j in joiners if len(j) > 1)
    return (rf"(?i:(?P<low>{_plain(_number())})(?:\s*[{dashes}]\s*|\s+(?:{words})\s+)"
            rf"(?P<high>{_plain(_number())}))")
