"""Quantities family: an integer, the thing counted and a qualifier.

`member_count` is the size of the organisation or of its armed force ("a 27-member private
army", "the AA had grown to 30,000 troops", "an army of an estimated 20,000–30,000 Wa soldiers":
a range is two claims, its lower and its upper bound); `quantity` is any other count the article
states about its subject ("running over 200 schools", "two Kachin dissidents"), with `unit` the
thing counted. A date that opens the sentence is the count's `point_in_time`.

A duration is a count only where the sentence names what lasted: a conflict or a period ("The
ceasefire lasted for 17 years until June 2011") or fighting that went on until a dated end
("fought ... for over 33 years until ... in 1994"): a `duration` with its unit, its end and what
lasted as `note` (the events family reads the period itself). Any other duration ("two-month
long", "for 17 years building up its legitimacy") is listed as skipped, with the reason.
Numbers inside dates ("5 February 1960") or names ("8888 Uprising", "9th Standard", "Fortune
500") are not read as counts, nor a rank ("the top ten", "#1").

Whose a count is: the subject's unless its clause opens with a person ("Jane Roe is the
designer of 20 products": the rules' `actor: opener`), or what is counted is the actor of its
own clause ("seven Southern states declared secession"), both reported as skipped.

The rules are data in `pipeline/rules/quantities.yaml`, run by the rule engine's plain reader
(one sentence at a time, the first rule that reads a number wins), with the
bare number and the range of pipeline/normalise/numbers.py as macros.
"""

from pipeline.extract.engine import RuleSet
from pipeline.normalise.numbers import number_pattern, range_pattern


def macros() -> dict[str, str]:
    return {"QUANTITIES_NUMBER": number_pattern(), "QUANTITIES_RANGE": range_pattern()}


RULES = RuleSet("quantities", macros=macros, first_wins=True)
find, rederive = RULES.find, RULES.rederive
