"""Relations family: armed and political wings, bodies, part of, affiliation, split from,
predecessor and successor (mergers, absorptions, what it is now), subsidiaries and parents
(acquisitions, joint ventures), partners, league, rivals, banned by, supports, founded by a body,
trained, allied with, fought, ceasefire with.

Rules are data in `pipeline/rules/relations.yaml`, run by the rule engine (engine.py), with
two additions that this module's reader makes (so every value still re-derives from its
evidence alone):

- A party is matched together with what is written around its name ({RELATIONS_PARTY} in
  prose.yaml): "the Karen National Liberation Army (KNLA)", "the Tatmadaw (armed forces)",
  "the Burma state military (Tatmadaw)", "Burma's military-backed civilian government". The
  party's own name is read out of that text, so that an entity is a name and a value's quote
  is exactly the name as written.
- `each: {group, pattern}` reads every item of a list the group holds with the pattern ("a joint
  venture with A (B), a joint venture with C"): the item's groups come before the whole match's
  (its subject), as the people family reads office holders (the engine's `each`).
- A party written with commas inside its name ("American Federation of State, County and
  Municipal Employees (AFSCME)", {RELATIONS_SPELLED}) is read only where the abbreviation after it
  is made of its initials: without that, commas part a list, not a name.
"""

import re
from dataclasses import replace

from pipeline.extract import patterns
from pipeline.extract.clauses import kinds, legal_form, office
from pipeline.extract.engine import Rule, RuleSet
from pipeline.extract.model import Draft, Reading, Skip
from pipeline.normalise.names import clean_name, trim_span

FAMILY = "relations"
PARENTHESIS = re.compile(r"(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)", re.DOTALL)
# "Burma's military-backed civilian government" names the Government of Burma.
STATE_ACTOR = re.compile(r"(?P<state>[A-Z][\w.-]*)['’]s\s+(?:[a-z][\w-]*\s+)*"
                         r"(?P<head>army|military|government|armed forces|junta|regime)")
# A parenthesis that glosses the text before it rather than naming the party: "(Burmese: ...)".
GLOSS = re.compile(r"[^:;]*[:;].*|[a-z].*", re.DOTALL)
ABBREVIATION = re.compile(r"[A-Z][A-Z/-]*[A-Z]")
LINK_WORDS = ("of", "the", "for", "and")
NAMED_ARTICLE = "The "



def stands_for(abbreviation: str, name: str) -> bool:
    """Whether the abbreviation is made of the name's initials ("UWSP": United Wa State Party)."""
    initials = iter(w[0] for w in re.split(r"[\s–—-]+", name) if w and w not in LINK_WORDS)
    return all(letter in initials for letter in abbreviation if letter.isalpha())


def parenthesis_span(match: re.Match) -> tuple[int, int]:
    """Which part of "outer (inner)" names the party.

    A description's parenthesis is the name ("the Burma state military (Tatmadaw)"). A name's
    parenthesis that glosses or abbreviates it goes ("(armed forces)", "(KNLA)"), but an
    abbreviation that is not the name's own tells which party it is and stays ("Shan State Army
    (RCSS)", as the infobox writes it).
    """
    outer, inner = match["outer"], match["inner"]
    if not outer.split()[-1][:1].isupper() and not GLOSS.fullmatch(inner):
        return match.span("inner")
    if ABBREVIATION.fullmatch(inner) and not stands_for(inner, outer):
        return match.span()
    return match.span("outer")


def name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the party's own name inside text[start:end] (no article, no gloss)."""
    start, end = trim_span(text, start, end)
    match = PARENTHESIS.fullmatch(text, start, end)
    return trim_span(text, *parenthesis_span(match)) if match else (start, end)


def party_name(text: str) -> str:
    """The canonical name of a party as written: "Government of Burma" for a state described."""
    state = STATE_ACTOR.fullmatch(text)
    if state:
        return f"{state['head'].capitalize()} of {state['state']}"
    return clean_name(text)


def read_party(draft: Draft, evidence: str) -> Draft:
    """The draft with its value narrowed to the party's name, and its subject named likewise.
    A "The" written with a capital inside the sentence is part of the name ("a unit of The
    Orchard", "The Hague"); at the start of the evidence it may be the sentence's first word.
    A subject "the company" stays as written: the clause says whose it is (clauses.assigned);
    an office written before a subject's name is no part of it ("Chair of FWD's parent")."""
    start, end = name_span(evidence, draft.start, draft.end)
    value = party_name(evidence[start:end])
    article = start - len(NAMED_ARTICLE)
    if article > 0 and evidence.startswith(NAMED_ARTICLE, article):
        start, value = article, NAMED_ARTICLE + value
    subject = draft.subject
    if subject is not None and not kinds().fullmatch(subject):
        held = office().match(subject)
        subject = subject[held.end():] if held else subject
        subject = party_name(subject[slice(*name_span(subject, 0, len(subject)))])
    return replace(draft, value=value, start=start, end=end, subject=subject)


def spelled_problem(text: str) -> str | None:
    """Why a party written with a comma inside is not read as one party, or None (see the
    module docstring)."""
    start, end = trim_span(text, 0, len(text))
    match = PARENTHESIS.fullmatch(text, start, end)
    outer = legal_form().sub("", match["outer"] if match else text[start:end])
    if "," not in outer:  # "Provistas, Incorporated" is one name
        return None
    if match and ABBREVIATION.fullmatch(match["inner"]) and stands_for(match["inner"], outer):
        return None
    return "a name with commas inside whose abbreviation does not spell it: read as a list"


def read_match(rule: Rule, match: re.Match) -> Reading:
    evidence = match.group()
    readings = [patterns.read_claim(item, spec, match.start(), definite=True)
                for spec in rule.claims for item in RULES.items(match, spec)]
    drafts, skips = [], [s for r in readings for s in r.skips]
    for draft in (d for r in readings for d in r.drafts):
        problem = (spelled_problem(evidence[draft.start:draft.end])
                   or spelled_problem(draft.subject or ""))
        if problem:
            skips.append(Skip(draft.start, draft.end, problem))
        else:
            drafts.append(read_party(draft, evidence))
    return Reading(tuple(drafts), tuple(skips))


RULES = RuleSet(FAMILY, read_match)
find, rederive = RULES.find, RULES.rederive
