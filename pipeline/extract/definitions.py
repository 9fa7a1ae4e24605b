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
from pipeline.extract.model import Reading
from pipeline.normalise.codes import territory_kind

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
def _work_lead() -> re.Pattern:
    """The lead's first "is a ..." ending in a kind of work (vocabulary.yaml work_kinds) that is
    the head of the phrase right after it (no stop word between: "is a company that made a
    film" is a company): only a stop word, a participle or punctuation follows it ("is a song
    written by", "is the second album of"; not "is a book company", whose head is "company")."""
    stop, work = _words("stop_words"), rulebook.words_pattern("work_kinds")
    head = rf"(?i:{work})(?!\s+(?!(?:{stop})\b)[a-z][\w-]*(?<!ed)(?<!en)(?<!ing)\b)(?![\w-])"
    return re.compile(rf"^(?:(?!\b(?:is|was|are|were)\s).)*\b(?:is|was|are|were)\s+"
                      rf"(?:an?|the)\s+(?:(?!(?:{stop})\b)[\w'’-]+\s+){{0,6}}?(?:{head})")


def is_about_a_work(title: str, lead: str) -> bool:
    """Whether the article is on a creative work rather than an organisation: its title's
    disambiguator ends in a kind of work ("(Hole song)", "(album)"), or its lead's first
    sentence says it is one (`_work_lead`)."""
    disambiguator = re.search(r"\(([^()]*)\)\s*$", title)
    kinds = rulebook.words("work_kinds")
    if disambiguator and disambiguator[1].split()[-1].casefold() in kinds:
        return True
    return bool(_work_lead().search(lead))


RULES = RuleSet(FAMILY, read, family_macros)
find, rederive = RULES.find, RULES.rederive
