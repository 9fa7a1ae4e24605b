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


RULES = RuleSet(FAMILY, read, family_macros)
find, rederive = RULES.find, RULES.rederive
