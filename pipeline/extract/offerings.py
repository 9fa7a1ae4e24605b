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

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet, merged
from pipeline.extract.model import Reading

FAMILY = "offerings"


def family_macros() -> dict[str, str]:
    one = rulebook.load(FAMILY)["macros"]["OFFERINGS_ONE_AWARD"]
    return {"OFFERINGS_FIRST_AWARD": one.replace("SUFFIX", "1"),
            "OFFERINGS_SECOND_AWARD": one.replace("SUFFIX", "2")}


def read_match(rule: Rule, match: re.Match) -> Reading:
    """Every claim of the rule from one match; offsets relative to the match (the evidence)."""
    return merged(patterns.read_claim(match, spec, match.start(), definite=True)
                  for spec in rule.claims)


RULES = RuleSet(FAMILY, read_match, family_macros)
find, rederive = RULES.find, RULES.rederive
