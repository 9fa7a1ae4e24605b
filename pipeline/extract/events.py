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

import re
from dataclasses import replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet, merged
from pipeline.extract.gates import GLUED_SENTENCES
from pipeline.extract.model import Reading, Skip
from pipeline.normalise.dates import OPEN, DateParseError, parse_date, time_of

BRACKETED = re.compile(r"\s*\([^()]*\)")


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
                   for d in reading.drafts if not no_event(d.value))
    states = tuple(Skip(d.start, d.end, no_event(d.value)) for d in reading.drafts
                   if no_event(d.value))
    return Reading(drafts, reading.skips + states)


@cache
def _present_state() -> tuple[re.Pattern, re.Pattern]:
    """A present copula and a noun phrase opening a clause's predicate, and the verbs of
    events.yaml (EVENTS_VERB) with its clause openers: see `present_state`."""
    vocabulary = rulebook.load("events")
    openers = "|".join(vocabulary["clause_openers"])
    copula = re.compile(rf"^[^,;()]*?{_present_copula()}")
    verb = re.compile(rf"{vocabulary['macros']['EVENTS_VERB']}|\b(?:{openers})\b|[,;(]")
    return copula, verb


def present_state(clause: str) -> bool:
    """Whether the clause says what something is now, not what happened (events.yaml
    clause_openers): "is a hybrid of two labels", "is the founder of Acme, which opened";
    not "is a charity founded", nor "is a society that was registered", where the verb
    after the noun phrase (no "of" in it) says what befell the subject itself."""
    copula, verb = _present_state()
    opening = copula.match(clause)
    if opening is None:
        return False
    after = verb.search(clause, opening.end())
    if after is None:
        return True
    goes_on = not after.group()[0].isalpha() or after.group() in \
        rulebook.load("events")["clause_openers"]
    return goes_on and " of " in clause[opening.end():after.start()]


@cache
def _defined_founding() -> re.Pattern:
    """A present "is a"/"are the" and a noun phrase (no clause opener or punctuation in it)
    going on with a founding participle (events.yaml founding_participles)."""
    vocabulary = rulebook.load("events")
    openers = "|".join(vocabulary["clause_openers"])
    founded = "|".join(map(re.escape, vocabulary["founding_participles"]))
    return re.compile(rf"^[^,;]*?{_present_copula()}\s*"
                      rf"(?:(?!\b(?:{openers})\b)[^,;])*?\b(?:{founded})\b")


def _present_copula() -> str:
    """A present "is a"/"are the", perhaps with adverbs of state between (events.yaml
    state_adverbs: "is also a", "is now the")."""
    adverbs = "|".join(rulebook.load("events")["state_adverbs"])
    return rf"\b(?:is|are)\s+(?:(?:{adverbs})\s+)*(?:an?|the)\s"


def defined_founding(clause: str) -> bool:
    """Whether the clause is a present definition going on with a founding ("Acme (Acme SA)
    is a beer company founded by A"): the inception rules read its date. Brackets aside."""
    return _defined_founding().match(BRACKETED.sub("", clause)) is not None


@cache
def _person_state() -> re.Pattern:
    """A person's pronoun and a verb of state (events.yaml person_states), not a passive ("he
    was elected" is an event)."""
    vocabulary = rulebook.load("events")
    adverbs = "|".join([*vocabulary["state_adverbs"], "previously", "formerly"])
    states = "|".join(vocabulary["person_states"])
    return re.compile(rf"(?:{'|'.join(vocabulary['person_pronouns'])})\s+"
                      rf"(?:(?:{adverbs})\s+)*(?:{states})\b(?!\s+[a-z]+(?:ed|en)\b)")


def no_event(clause: str) -> str | None:
    """Why a dated clause is no event: a present state (`present_state`), a person's role or
    state told by pronoun (events.yaml person_pronouns), or a fragment (fragment_openers);
    None for an event. Of two sentences the copy glued ("England.After B merged ..."), the
    last is the clause, as the text gate keeps only that."""
    clause = GLUED_SENTENCES.split(clause)[-1]
    if clause.split(" ", 1)[0] in rulebook.load("events")["fragment_openers"]:
        return ("a fragment of a clause (the agent of a passive before its date, or a clause "
                "that only times the main clause after it), not an event")
    if present_state(clause):
        return "a present state, not an event: the dates in its sentence are another thing's"
    if defined_founding(clause):
        return "a definition and its founding: the founding is the inception, not an event"
    if _person_state().match(clause):
        return "a person's role or state, not an event of the organisation"
    return None


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
