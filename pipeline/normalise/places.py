"""Country and language names as English writes them -> ISO codes, from pycountry's tables.

No hand-kept list of one region: every ISO 3166 country and ISO 639 language is known, under
its name, common name and official name.
"""

import re
from functools import cache

import pycountry


@cache
def _countries() -> dict[str, str]:
    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names[name] = country.alpha_2
    return names


@cache
def _country_prefix() -> re.Pattern:
    names = sorted(_countries(), key=len, reverse=True)
    return re.compile(r"(?P<country>" + "|".join(re.escape(n) for n in names) + r")\s+(?=[A-Z])")


def is_country(name: str) -> bool:
    return name.strip() in _countries()


def country_prefix(text: str) -> int:
    """Where the value starts after a country's name glued before it, as a copied flag icon's
    label is ("Chad Idriss Déby", "Nigeria Lagos"); 0 if none is."""
    match = _country_prefix().match(text)
    return match.end() if match else 0


@cache
def _languages() -> dict[str, str]:
    """Language names, case-folded, each name of "Spanish; Castilian" or "Malay
    (macrolanguage)" on its own, -> tag."""
    tags = {}
    for language in pycountry.languages:
        tag = getattr(language, "alpha_2", None) or language.alpha_3
        for name in language.name.split(";"):
            tags.setdefault(re.sub(r"\s*\(.*\)", "", name).strip().casefold(), tag)
    return tags


def language_tag(name: str) -> str | None:
    """The BCP 47 tag of a language named in English (ISO 639-1 where it has one)."""
    return _languages().get(" ".join(name.split()).casefold())
