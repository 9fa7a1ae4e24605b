"""Quantities as written -> an integer and a qualifier ("over 200" -> 200, over).

The vocabulary (qualifier words, number words, multipliers, range joiners) is data in
`pipeline/rules/numbers.yaml`. Patterns for embedding in prose rules are case-insensitive, as
parse_quantity is, so "Two" at a sentence's start reads like "two".
"""

import re
from dataclasses import dataclass
from decimal import Decimal
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
def _compound() -> str:
    """A number word of tens and units joined by a hyphen ("fifty-six"), tried before the
    single words so that "fifty-six" is not read as "fifty" (or as a range fifty to six)."""
    words = _vocabulary()["words"]
    tens = _one_of(w for w, v in words.items() if 20 <= v <= 90 and v % 10 == 0)
    units = _one_of(w for w, v in words.items() if 1 <= v <= 9)
    return rf"(?:{tens})-(?:{units})"


@cache
def _number() -> str:
    """A bare number: digits (with thousands commas) or a word, times an optional multiplier
    ("two hundred", "30 thousand"); decimals only before a multiplier ("12.5 million")."""
    vocabulary = _vocabulary()
    multipliers = _one_of(vocabulary["multipliers"])
    return (rf"(?P<number>\d+\.\d+(?=\s+(?:{multipliers})\b)|\d{{1,3}}(?:,\d{{3}})+|\d+"
            rf"|{_compound()}|{_one_of(vocabulary['words'])})"
            rf"(?:\s+(?P<multiplier>{multipliers}))?")


@cache
def _pattern() -> re.Pattern:
    vocabulary = _vocabulary()
    after = "|".join(re.escape(w) for w in vocabulary["after"])
    suffixes = "|".join(re.escape(w) for w in vocabulary["adjective_suffixes"])
    return re.compile(  # "more than a dozen": an article may stand before a number word
        rf"(?:(?P<before>{_one_of(vocabulary['before'])})\s+"
        rf"(?:an?\s+(?=(?:{_one_of(vocabulary['words'])})\b))?)?"
        rf"{_number()}"
        rf"(?P<after>{after})?"
        rf"(?:-(?:{suffixes}))?",
        re.IGNORECASE,
    )


def _value(match: re.Match) -> int:
    vocabulary = _vocabulary()
    number = match["number"].replace(",", "")
    value = (Decimal(number) if number[0].isdigit()
             else sum(vocabulary["words"][w] for w in number.lower().split("-")))
    if match["multiplier"]:
        value *= vocabulary["multipliers"][match["multiplier"].lower()]
    if value != int(value):
        raise QuantityError(f"not a whole number: {match.group()!r}")
    return int(value)


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


@dataclass(frozen=True)
class Amount:
    """A number as an infobox states it: "US$43.910 billion", "54 member states", "40.9/km2"."""

    value: str  # an integer, or a decimal where the amount is not a whole number
    value_type: str  # integer or decimal
    qualifier: str | None
    unit: str | None  # an ISO 4217 currency code, or the unit words as written


@cache
def _amount_pattern() -> re.Pattern:
    """A qualifier word, a currency, a number with decimals, a scale word, a unit."""
    vocabulary = _vocabulary()
    return re.compile(
        rf"(?:(?P<before>{_one_of(vocabulary['before'])})\s+)?"
        rf"(?:(?P<currency>{_one_of(vocabulary['currencies'])})\s*)?"
        r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:\s*(?P<scale>{_one_of(vocabulary['scales'])})\b)?"
        rf"(?P<after>{'|'.join(re.escape(w) for w in vocabulary['after'])})?"
        r"(?:\s*(?P<unit>%|/?[^\W\d](?:[\w./ -](?!\s\d))*?))?",
        re.IGNORECASE,
    )


def parse_amount(text: str) -> Amount:
    """A quantity as parse_quantity reads it, or else an amount with decimals, a currency, a
    scale word and a unit; anything else in the text is an error, not ignored."""
    try:
        quantity = parse_quantity(text)
        return Amount(str(quantity.value), "integer", quantity.qualifier, None)
    except QuantityError:
        pass
    match = _amount_pattern().fullmatch(text.strip())
    if not match:
        raise QuantityError(f"not an amount: {text!r}")
    vocabulary = _vocabulary()
    value = Decimal(match["number"].replace(",", ""))
    if match["scale"]:
        value *= vocabulary["scales"][match["scale"].lower()]
    qualifier = (vocabulary["before"][match["before"].lower()] if match["before"]
                 else vocabulary["after"][match["after"]] if match["after"] else None)
    currency = vocabulary["currencies"][match["currency"]] if match["currency"] else None
    unit = currency or (" ".join(match["unit"].split()) if match["unit"] else None)
    if value == value.to_integral_value():
        return Amount(str(int(value)), "integer", qualifier, unit)
    return Amount(format(value.normalize(), "f"), "decimal", qualifier, unit)


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
    in group `low` and the upper in group `high`; each reads alone with parse_quantity. A
    number word such as "fifty-six" is one number, not a range."""
    joiners = _vocabulary()["range_joiners"]
    dashes = "".join(re.escape(j) for j in joiners if len(j) == 1)
    words = _one_of(j for j in joiners if len(j) > 1)
    return (rf"(?i:(?!(?:{_compound()})\b)(?P<low>{_plain(_number())})"
            rf"(?:\s*[{dashes}]\s*|\s+(?:{words})\s+)(?P<high>{_plain(_number())}))")
