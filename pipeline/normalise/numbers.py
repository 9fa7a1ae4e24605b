"""Quantities as written -> an integer and a qualifier ("over 200" -> 200, over)."""

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


@cache
def _pattern() -> re.Pattern:
    vocabulary = _vocabulary()
    before = "|".join(re.escape(w) for w in sorted(vocabulary["before"], key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(vocabulary["words"], key=len, reverse=True))
    after = "|".join(re.escape(w) for w in vocabulary["after"])
    suffixes = "|".join(re.escape(w) for w in vocabulary["adjective_suffixes"])
    return re.compile(
        rf"(?:(?P<before>{before})\s+)?"
        rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|{words})"
        rf"(?P<after>{after})?"
        rf"(?:-(?:{suffixes}))?",
        re.IGNORECASE,
    )


def parse_quantity(text: str) -> Quantity:
    """Read a whole phrase as one quantity; anything else in it is an error, not ignored."""
    match = _pattern().fullmatch(text.strip())
    if not match:
        raise QuantityError(f"not a quantity: {text!r}")
    vocabulary = _vocabulary()
    number = match["number"].replace(",", "")
    value = int(number) if number.isdigit() else vocabulary["words"][number.lower()]
    qualifier = None
    if match["before"]:
        qualifier = vocabulary["before"][match["before"].lower()]
    elif match["after"]:
        qualifier = vocabulary["after"][match["after"]]
    return Quantity(value, qualifier)


def quantity_pattern() -> str:
    """The regex of parse_quantity, for embedding in prose rules (no capturing groups)."""
    return re.sub(r"\(\?P<\w+>", "(?:", _pattern().pattern)
