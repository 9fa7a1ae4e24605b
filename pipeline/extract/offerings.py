"""Offerings and honours family: the products and services an organisation's prose lists, one
claim per item ("Its products include passenger cars, trucks ... and military vehicles"), and
the awards it received, each with its year ("was awarded the 1977 Nobel Peace Prize ..., and the
United Nations Prize in the Field of Human Rights in 1978").

Rules are data in `pipeline/rules/offerings.yaml`, read by the pattern engine (patterns.py) the
way the relations family reads its own (a date qualifier may name a list of groups: the year
before an award's name or the date after it). A sentence may name two awards with a date each,
and a regex names a group once, so the file writes one award as {OFFERINGS_ONE_AWARD} with
SUFFIX in its group names, and this module makes {OFFERINGS_FIRST_AWARD} (groups year1,
award1, date1) and {OFFERINGS_SECOND_AWARD} (year2, award2, date2) from it.

`find` and `rederive` read the same way, so each value re-derives from its evidence alone.
"""

import re
from functools import cache

from pipeline import rulebook
from pipeline.extract.model import Found, Reading
from pipeline.extract.patterns import PatternRule, compile_rules
from pipeline.extract.relations import find_matches, read_claim, rederive_match

FAMILY = "offerings"


@cache
def family_macros() -> dict[str, str]:
    macros = dict(rulebook.load(FAMILY)["macros"])
    one = macros["OFFERINGS_ONE_AWARD"]
    return macros | {"OFFERINGS_FIRST_AWARD": one.replace("SUFFIX", "1"),
                     "OFFERINGS_SECOND_AWARD": one.replace("SUFFIX", "2")}


@cache
def rules() -> dict[str, PatternRule]:
    return compile_rules(FAMILY, rulebook.load(FAMILY)["rules"], family_macros())


def read_match(rule: PatternRule, match: re.Match) -> Reading:
    """Every claim of the rule from one match; offsets relative to the match (the evidence)."""
    readings = [read_claim(match, spec, match.start()) for spec in rule.claims]
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def find(document, sentences) -> list[Found]:
    return find_matches(FAMILY, rules(), read_match, document, sentences)


def rederive(rule_id: str, evidence: str) -> Reading:
    return rederive_match(rules(), read_match, rule_id, evidence)
