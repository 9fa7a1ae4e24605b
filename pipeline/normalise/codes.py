"""Names of countries, regions, languages and scripts as English writes them -> their codes.

One place for what standards already list, so that no rule keeps a hand-made list of one
region: ISO 3166 countries from pycountry; languages, scripts and regions from CLDR
(language_data, as langcodes reads it, with langcodes's preferred tags); and
pipeline/rules/languages.yaml only for the languages CLDR names otherwise (Karen, Jinghpaw).
"""

import re
import unicodedata
from functools import cache

import langcodes
import language_data.names as names_data
import pycountry

from pipeline import rulebook


@cache
def _countries() -> frozenset[str]:
    return frozenset(getattr(country, attribute) for country in pycountry.countries
                     for attribute in ("name", "common_name", "official_name")
                     if getattr(country, attribute, None))


@cache
def states_and_countries(states_of: tuple[str, ...]) -> frozenset[str]:
    """The names of the larger places written after a town ("Tulsa Oklahoma", "Wimbach
    Germany", "Hepburnia, Pennsylvania"): the states and provinces of the countries
    `states_of` names (ISO 3166 alpha-2), by name or by code as written in capitals or not
    ("TX", "Ca"), and the countries (ISO 3166 names and common names), from pycountry."""
    subdivisions = [s for country in states_of
                    for s in pycountry.subdivisions.get(country_code=country)]
    codes = {s.code.split("-")[1] for s in subdivisions}
    countries = {getattr(c, attribute) for c in pycountry.countries
                 for attribute in ("name", "common_name") if getattr(c, attribute, None)}
    return frozenset({s.name for s in subdivisions} | codes | {c.capitalize() for c in codes}
                     | countries)


@cache
def _country_prefix() -> re.Pattern:
    names = sorted(_countries(), key=len, reverse=True)
    return re.compile(r"(?P<country>" + "|".join(re.escape(n) for n in names) + r")\s+(?=[A-Z])")


@cache
def cldr_code(category: str, name: str) -> str | None:
    """The code of the language, script or territory (`category`) that CLDR calls `name` in
    some language ("Xhosa" -> xh, "Myanmar" -> MM, "Southeast Asia" -> 035), or None.

    The lookup (language_data, as langcodes makes it) also guesses from the start of a name
    ("Finnish pronunciation" -> fi, "Australian Capital Territory" -> AU); only a code that has
    the name itself among its names counts.
    """
    code = names_data.name_to_code(category, name, "en")
    if code is None:
        return None
    known = {names_data.normalize_name(n) for n in names_data.code_to_names(code).values()}
    return code if names_data.normalize_name(name) in known else None


def territory_kind(name: str) -> str | None:
    """"countries" for a country or territory, "regions" for a region of several countries (its
    CLDR code is a UN M49 number), else None."""
    name = name.strip()
    code = cldr_code("territory", name)
    if code is not None and code.isdigit():
        return "regions"
    return "countries" if code is not None or name in _countries() else None


def is_country(name: str) -> bool:
    return territory_kind(name) == "countries"


def country_prefix(text: str) -> int:
    """Where the value starts after a country's name glued before it, as a copied flag icon's
    label is ("Chad Idriss Déby", "Nigeria Lagos"); 0 if none is."""
    match = _country_prefix().match(text)
    return match.end() if match else 0


def language_of(label: str) -> str | None:
    """The tag languages.yaml gives a language CLDR names otherwise ("Jinghpaw" -> kac)."""
    return rulebook.load("languages")["languages"].get(" ".join(label.split()))


def language_tag(label: str) -> str | None:
    """The BCP 47 tag of a language named in English, or None: languages.yaml first, then CLDR
    ("Afrikaans" -> af), in the standard's preferred form (langcodes: a deprecated code becomes
    its replacement)."""
    label = " ".join(label.split())
    if language_of(label):
        return language_of(label)
    code = cldr_code("language", label)
    return langcodes.standardize_tag(code) if code else None


@cache
def char_script(char: str) -> str | None:
    """The ISO 15924 code of a letter's script, from its Unicode name ("ARABIC LETTER ALEF" ->
    Arab), through the script names of CLDR (names.yaml `unicode_script_names` for the
    few that Unicode names otherwise); "" for a mark or modifier of no script of its own (it
    goes with the letters around it), None for a letter of a script not known."""
    words = unicodedata.name(char, "").split()
    aliases = rulebook.load("names")["unicode_script_names"]
    names = [" ".join(words[:size]).title() for size in (2, 1)]
    alias = next((name for name in names if name in aliases), None)
    if alias is not None:
        return cldr_code("script", aliases[alias]) if aliases[alias] else ""
    return next(filter(None, (cldr_code("script", name) for name in names)), None)


def scripts_of(text: str) -> set[str | None]:
    """The scripts of the text's letters and marks (None for a letter of an unknown script)."""
    found = {char_script(char) for char in text
             if char.isalpha() or unicodedata.category(char).startswith("M")}
    return found - {""}


def script_of(text: str) -> str | None:
    """The one script the text is written in, or None when it mixes scripts or has none known."""
    scripts = scripts_of(text)
    return next(iter(scripts)) if len(scripts) == 1 else None
