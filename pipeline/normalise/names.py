"""Names as written -> canonical names: no leading article, no rank, single spaces."""

import re
from functools import cache

from pipeline import rulebook

SPACES = re.compile(r"\s+")
TRIM = " \t\n,;:.*•·-–—\"'“”‘’"


def clean_name(text: str) -> str:
    """The name without surrounding punctuation, bullets, quotes or a leading article."""
    name = SPACES.sub(" ", text).strip(TRIM)
    for article in rulebook.load("names")["leading_articles"]:
        if name.startswith(article + " "):
            name = name[len(article) + 1:]
    return name.strip(TRIM)


@cache
def _rank_pattern() -> re.Pattern:
    ranks = sorted(rulebook.load("names")["ranks"], key=len, reverse=True)
    return re.compile(r"(?P<rank>" + "|".join(re.escape(r) for r in ranks) + r")\s+(?=[A-Z])")


def split_rank(text: str) -> tuple[str | None, int]:
    """A rank or title written before a person's name, and where the name itself starts."""
    match = _rank_pattern().match(text)
    if not match:
        return None, 0
    return match["rank"], match.end()


def person_name(text: str) -> str:
    """A person's canonical name: cleaned, with any rank before it removed."""
    name = clean_name(text)
    while True:
        rank, start = split_rank(name)
        if rank is None:
            return name
        name = name[start:]


def role_name(text: str) -> str:
    """A role as a lower-case singular phrase ("Deputy chairmen" -> "deputy chairman")."""
    words = clean_name(text).lower().split(" ")
    plurals = rulebook.load("names")["role_plurals"]
    words[-1] = plurals.get(words[-1], words[-1])
    return " ".join(words)
