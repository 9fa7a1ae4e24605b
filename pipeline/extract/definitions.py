"""Definitions family: what kind of organisation the article's subject is, and where, from the
lead's first sentence ("... is a public research university in Cape Town, South Africa").

Rules are data in `pipeline/rules/definitions.yaml`, run by the rule engine
(engine.py, for its `scope: lead`), with this family's macros: those in the file's
`macros:` and `word_macros:` ({DEFINITIONS_HEAD}, from vocabulary.yaml), and
{DEFINITIONS_LEANING}, {DEFINITIONS_RANK} and {DEFINITIONS_STOP}, one word of each of its own
word lists, so that the vocabulary stays plain lists.

A place list is one claim per place. Its property depends on the place (claim keys `countries`
and `regions`): a country or territory CLDR knows by that name ("South Africa" -> ZA, see
`normalise.codes`) is the subject's country; a region of several countries ("Southeast Asia"
-> 035) is where it operates; any other place (a city, a province) is where it is located.
"""

import re
from dataclasses import replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet, merged
from pipeline.extract.gates import is_personal_name, title_label
from pipeline.extract.model import Reading
from pipeline.normalise.codes import territory_kind
from pipeline.normalise.names import starts_alike

FAMILY = "definitions"


def _words(key: str) -> str:
    return "|".join(map(re.escape, sorted(rulebook.load(FAMILY)[key], key=len, reverse=True)))


def family_macros() -> dict[str, str]:
    """Macros made from the file's word lists (see the module docstring)."""
    return {
        "DEFINITIONS_LEANING": _words("leanings"),
        "DEFINITIONS_RANK": _words("ranks"),
        "DEFINITIONS_STOP": _words("stop_words"),
    }


def read(rule: Rule, match: re.Match) -> Reading:
    """Every claim of the rule from one match; a place by the kind of place it is."""
    readings = []
    for spec in rule.claims:
        reading = patterns.read_claim(match, spec, match.start())
        drafts = tuple(replace(d, property=spec.get(territory_kind(d.value), d.property))
                       for d in reading.drafts)
        readings.append(Reading(drafts, reading.skips))
    return merged(readings)


@cache
def _kind_lead(kinds: str) -> re.Pattern:
    """The lead's first "is a ..." ending in a word of the vocabulary.yaml list `kinds` that is
    the head of the phrase right after it (no stop word between: "is a company that made a
    film" is a company): only a stop word, a participle or punctuation follows it ("is a song
    written by", "is the second album of"; not "is a book company", whose head is "company")."""
    stop, kind = _words("stop_words"), rulebook.words_pattern(kinds)
    head = rf"(?i:{kind})(?!\s+(?!(?:{stop})\b)[a-z][\w-]*(?<!ed)(?<!en)(?<!ing)\b)(?![\w-])"
    return re.compile(rf"^(?:(?!\b(?:is|was|are|were)\s).)*\b(?:is|was|are|were)\s+"
                      rf"(?:an?|the)\s+(?:(?!(?:{stop})\b)[\w'’-]+\s+){{0,6}}?(?:{head})")


@cache
def _office_lead() -> re.Pattern:
    """The lead's first "is the <office> at/of ..." with an office only a person holds
    (vocabulary.yaml person_offices: "is the managing partner at Acme Equity")."""
    office = rulebook.words_pattern("person_offices")
    return re.compile(r"^(?:(?!\b(?:is|was)\s).)*\b(?:is|was)\s+(?:(?:an?|the)\s+)?"
                      rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{office})\s+(?:at|of|for|with)\s")


LIST_TITLE = re.compile(r"Lists? of\s")
BORN = re.compile(r"^[^()]*\((?:[^()]*[;,]\s*)?(?:born|b\.)\s")  # "A (born 1950) is ..."


def not_an_organisation(title: str, lead: str) -> str | None:
    """What the article is on where that is no organisation, else None: a list ("List of
    awards ..."); a creative work, by its title's disambiguator ("(Hole song)", "(album)") or
    its lead ("is a song by ...", vocabulary.yaml work_kinds); a person, by a birth date in the
    lead's first bracket or a lead that says what the person is ("was an American trial
    lawyer", person_kinds) or what office they hold at another ("is the managing partner at
    Acme", person_offices), where the lead opens with the title's name; or a title written as a
    person's name (gates.is_personal_name: a common given name and a surname) whose lead does
    not call it an organisation ("Jo Roe is an American fashion company" is one)."""
    if LIST_TITLE.match(title):
        return "a list"
    disambiguator = re.search(r"\(([^()]*)\)\s*$", title)
    if disambiguator and disambiguator[1].split()[-1].casefold() in rulebook.words("work_kinds"):
        return "a creative work"
    if _kind_lead("work_kinds").search(lead):
        return "a creative work"
    person = BORN.match(lead) or _kind_lead("person_kinds").search(lead) or \
        _office_lead().search(lead)
    if person and starts_alike(lead, title):  # not "A, the founder of Acme, is an investor"
        return "a person"
    if is_personal_name(title_label(title)) and not _kind_lead("organisation_kinds").search(lead):
        return "a person"
    return None


RULES = RuleSet(FAMILY, read, family_macros)
find, rederive = RULES.find, RULES.rederive
