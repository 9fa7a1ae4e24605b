"""Dates and events family: every dated statement becomes a claim with an EDTF date.

`inception`, `dissolved` and `active_period` where the text says so; every other dated clause
is a `significant_event` of the document's subject, its value the clause as written ("the KIO's
private army raided a bank"), its date a qualifier. The event belongs to the document's subject
even when another organisation acts in it (the NDA-K splitting from the KIO, the Tatmadaw
resuming operations): it is the subject's history, and the quote names who acted. A founding
names the organisation founded, so `inception` is about that organisation.

The rules are data in `pipeline/rules/events.yaml`, run by the rule engine (engine.py) one
prose sentence at a time, so `^` is where the sentence starts (and, when the validator re-reads
a claim, where its evidence starts): "In 1964, ..." is read at the start of a clause, never
inside one. This module's `read_match` reads what dated clauses need:

- Claim spec keys for time, read from a date group:
  `when: group` - a single date is `point_in_time` (or the qualifier `point_as` names); an
  interval is `start_time`/`end_time` ("from the mid-1960s through 1994", "for 17 years until
  June 2011", "since 2005", "until 2010"); a phrase that only bounds when something happened
  ("by 1960", "after 2011": `event_bounds` in the file) stays one `point_in_time` interval.
  `after: group` - the time after a dated event: "Following the 1962 coup, ..." is `1962/..`.
- Where two rules read overlapping words of a sentence, the first rule in the file wins
  (`first_wins`), so a specific rule placed before a general one decides alone.
"""

from dataclasses import replace

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet, merged
from pipeline.extract.model import Reading
from pipeline.normalise.dates import OPEN, DateParseError, parse_date, time_of


def read_match(rule: Rule, match) -> Reading:
    """Every claim spec of the rule read from one match (offsets relative to the match)."""
    return merged(read_claim(match, spec, match.start()) for spec in rule.claims)


def read_claim(match, spec: dict, base: int) -> Reading:
    """The engine's reading of a claim spec, with this family's time keys applied."""
    reading = patterns.read_claim(match, spec, base)
    if match[spec["value"]] is None or "skip" in spec:
        return reading
    try:
        time = time_qualifiers(match, spec)
    except DateParseError as error:
        return patterns.date_not_read(match, base, error)
    drafts = tuple(replace(d, qualifiers=tuple(sorted((dict(d.qualifiers) | time).items())))
                   for d in reading.drafts)
    return Reading(drafts, reading.skips)


def time_qualifiers(match, spec: dict) -> dict[str, str]:
    """The qualifiers of the spec's `when` and `after` groups (none if the group is absent)."""
    found = {}
    if spec.get("when") and match[spec["when"]] is not None:
        found |= event_time(match[spec["when"]], spec.get("point_as", "point_in_time"))
    if spec.get("after") and match[spec["after"]] is not None:
        found["point_in_time"] = time_after(match[spec["after"]])
    return found


def event_time(phrase: str, point_as: str = "point_in_time") -> dict[str, str]:
    """When an event happened or a state held, as qualifiers (see the module docstring)."""
    edtf = parse_date(phrase).edtf
    if "/" in edtf and phrase.split()[0].lower() in rulebook.load("events")["event_bounds"]:
        return {"point_in_time": edtf}
    return time_of(edtf, point_as)


def time_after(phrase: str) -> str:
    """The open interval after a date ("1962" -> "1962/..", "1994/2000" -> "2000/..")."""
    start, _, end = parse_date(phrase).edtf.partition("/")
    last = end if end and end != OPEN else start
    return f"{last}/{OPEN}"


RULES = RuleSet("events", read_match, first_wins=True)
find, rederive = RULES.find, RULES.rederive
