"""People and roles family: founders, leaders and office holders with role, order and dates,
people named as notable in an organisation (players, members); ranks and titles (Sir,
Professor) kept apart from names.

Rules are data in `pipeline/rules/people.yaml`, run by the rule engine (engine.py: scopes,
overrides, `skip`, and `each`: a list of office holders, "commander in chief A and vice deputy
commander B", or of people, "captains A and B as well as C", read item by item), with macros
built here from vocabulary (`{PEOPLE_PERSON}`, `{PEOPLE_ROLE}`, ...: people.yaml lists them).
Claim keys read here besides the engine's:

    property_by_role: true - a role that is a property of its own (chairman, spokesperson,
        representative) gives that property instead of `leader`
    interval: group - a date read as when the role began and ended ("from 1976–2000")
    alone: true - a name of one word is a person's here: the rule's clause makes it one
        ("Iain was chief executive officer of Acme")

A person's name never keeps a rank or title (it becomes the `rank` qualifier), and a name that
is a single word once its rank is taken off is reported, not published: it is a fragment.
"""

import re
from dataclasses import replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet, merged
from pipeline.extract.gates import given_names
from pipeline.extract.model import Reading, Skip
from pipeline.normalise.dates import DateParseError, parse_date, time_of
from pipeline.normalise.names import (
    CAPITAL,
    name_kind,
    name_word,
    ranks_and_titles,
    role_modifiers,
    role_name,
    role_titles,
)

FAMILY = "people"
ORGANISATION = "organisation"
SMALL_WORDS = ("of", "the", "and", "in")


def _alternation(words, capital_first: bool = False) -> str:
    """A regex for any of the words, longest first (then in order, so that a set of words gives
    one pattern in every process: the memo of compiled regexes is keyed by the pattern);
    optionally with a capital first letter."""
    def one(word: str) -> str:
        if capital_first and word[:1].isalpha():
            return f"[{word[0]}{word[0].upper()}]" + re.escape(word[1:])
        return re.escape(word)
    return "|".join(one(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def macros() -> dict[str, str]:
    """The family's macros, built from vocabulary so that the word lists stay data."""
    names, data = rulebook.load("names"), rulebook.load(FAMILY)
    person = _person(names, data)
    role = _role()
    # Offices held together ("President and Chief Executive Officer"), each read whole.
    office = rf"(?:(?:majority|former|current) )?(?>{role}|owner)"
    # An item of a list of people: lower-case words or offices before the name ("former
    # captains A", "former CEO B"), an aside in brackets after it ("A (a local Quaker)").
    item = rf"(?:(?:[a-z][\w-]*|{role}) )*{person}(?: \([^()]*\))?"
    # A name as {NAME}, but "and" or "&" before an office ends it ("CEO of Acme and Director
    # at B"), "&" joins its words too ("Bill & Melinda Gates Foundation"), and so does a
    # Spanish "y" ("Genealogía y Heráldica").
    org = (rf"{{WORD}}(?:(?:\s+(?:of|the|for|de|la|y)\s+|\s+(?:and|&)\s+(?!{role})|"
           rf"\s+[–—-]\s+|\s+){{WORD}})*")
    return _founders(person, role, data) | {
        "PEOPLE_ROLES": rf"{office}(?:(?:, | and | & |, and ){office})*",
        "PEOPLE_PERSONS": rf"{person}(?:(?:, (?:and )?| and ){person})*",
        "PEOPLE_HOLDERS": rf"(?:{role} )?{person}(?:(?:, (?:and )?| and )(?:{role} )?{person})*",
        "PEOPLE_PERSON": person,
        # A name of one word, which only a clause that makes it a person reads ("Iain was
        # chief executive officer of Acme"; claims with `alone`).
        "PEOPLE_ONE_NAME": rf"\b{_name_word(names)}(?![ -]?[A-Z])",
        # A phrase that opens a sentence before whom it is about ("In 2008, ", "Prior to
        # Acme, ").
        "PEOPLE_OPENING": (r"(?:In|On|By|When|After|Before|Prior to|Since|From|As of)"
                           r" [^,;]{1,40}?,? "),
        # Words of a clause that name no other person, so that a personal pronoun after them
        # refers back to the person before them: a personal name there ("met Ann Lee, when
        # she") may be whom it refers to, but not an office ("a Senior Vice President") or a
        # name described ("the first African American"); nor "it", "its", "they" or "their",
        # which say that the one before is a thing ("When Bigco formed Acme, its chief said
        # he").
        "PEOPLE_NO_OTHER": (r"(?:(?!\b(?:[Ii]ts?|[Tt]hey|[Tt]heir|[Tt]hem)\b|"
                            r"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bfirst )"
                            rf"(?!{role}){person})[^.;])*?"),
        # The rest of a clause up to a personal pronoun that refers back to a one-word name
        # before it and makes it a person's.
        "PEOPLE_REFERRED_BACK": r"{PEOPLE_NO_OTHER}\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b",
        # A subject as {SUBJECT}, or a name with "of the" inside ("the Assembly of the African
        # Union"), which would otherwise be read from its tail ("African Union"), or with a
        # mark inside or after it ("Yahoo! Inc.", "Acme®"); a kind's noun alone names the
        # subject only after "the" ("of the Company", not "of Bank member Oritani Bank").
        "PEOPLE_SUBJECT": (r"(?:[Tt]he\s+|(?!(?i:{KINDS})\b(?!\s+(?:of\s|for\s|[A-Z]))))"
                           rf"{org}(?:[!®™](?:\s+{org})?)?"
                           rf"(?:\s+(?:of|for)\s+the\s+{org})?|{{SELF}}"),
        # What a name may be described as before it: "the American toy company (Hasbro)", "the
        # BitTorrent site (The Pirate Bay)": a kind's noun, or another noun right before the
        # name, but not a word that makes the name another thing ("the first Acme store").
        "PEOPLE_DESCRIBED": (r"the (?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:{KINDS}|"
                             r"(?!{PEOPLE_ANOTHER})[a-z][\w-]*(?=\s+(?:[Tt]he\s+)?[A-Z]))"),
        # Offices ahead, one of them held only in a firm or a body (people.yaml firm_offices).
        "PEOPLE_FIRM_OFFICE": rf"[^.;,]*?\b(?:{_titled(data['firm_offices'])})\b",
        # A word before a name that makes it another thing of that name (people.yaml).
        "PEOPLE_ANOTHER": (rf"(?:{_alternation(rulebook.load('prose')['ordinals'])}|"
                           rf"{_alternation(data['another_of_name'])})\b"),
        "PEOPLE_LIST": rf"{item}(?:(?:,? and |, | as well as ){item})*",
        # An organisation's name before its office ("Adidas CEO A"), never a sentence word
        # ("Besides Adidas CEO A").
        "PEOPLE_NAME": rf"(?!(?:{_alternation(names['not_name_words'])})\b){{NAME}}",
        "PEOPLE_ROLE": role,
        # An office of an organisation, and when it was held ("CEO of Atari from 1983 to
        # 1984"); the years are read by the rule's item pattern.
        "PEOPLE_OFFICE_OF": (rf"(?:the )?(?:former )?(?:{role}|{_titled(data['other_offices'])})"
                             r" of (?:the )?{NAME}"
                             r"(?: (?:from|between|in|since) (?:[\w,]+ ){0,2}\d{4}"
                             r"(?:(?: to | until | through |[–-])(?:[\w,]+ ){0,2}\d{4})?)?"),
        "PEOPLE_POST_NOMINAL": rf"(?:{_alternation(names['post_nominals'])})\b",
        "PEOPLE_RANK": rf"(?:{_alternation(ranks_and_titles())})(?= [A-Z])",
        "PEOPLE_ORDINAL": _alternation(rulebook.load("prose")["ordinals"]),
        "PEOPLE_ROLE_END": r"(?!\s+(?!(?:of|in|on|at|and|for|from|until|since|after|with)\b)[a-z])",
    }


def _name_word(names: dict) -> str:
    """A word of a person's name (normalise.names.name_word), never a sentence word or an
    organisation's or place's head noun, or an initial, which keeps its full stop ("Peter B.
    Lowry", "Miguel A. Torres", though "A" alone is a sentence word)."""
    not_person = [*names["not_name_words"], *(w for ws in names["entity_heads"].values()
                                              for w in ws)]
    return (rf"(?!(?:{_alternation(not_person)})\b(?!\.))(?:{name_word()}|{CAPITAL})\b"
            rf"(?:(?<=\b[A-Z])\.)?")


def _person(names: dict, data: dict) -> str:
    """A person's name: two or more capitalised words, or a surname after a courtesy title;
    from the start of a word ("former CEO Brad Morrice" holds no "O Brad Morrice")."""
    word = _name_word(names)
    # Small words inside a name ("Lucio de Risi", "Saad Sherida al-Kaabi", "Masnata y de").
    particle = rf"(?:(?:{_alternation(data['name_particles'])})[ -]){{0,2}}"
    # John "Shoes" Moshoeu; "Mr. Leonard Tharpe", and a surname alone after a courtesy title
    # ("Mr. House"); a generational suffix ("Hugh McColl, Jr.") is part of the name.
    more = rf"(?: [\"“][^\"“”]{{1,30}}[\"”])? {particle}{word}"
    courtesy = _alternation(data["surname_titles"])
    suffix = r"(?:,? (?:Jr|Sr)\b\.?|,? (?:II|III|IV)\b)?"
    return rf"\b(?:(?:{courtesy}) {word}(?:{more})*|{word}(?:{more})+){suffix}"


def _founders(person: str, role: str, data: dict) -> dict[str, str]:
    """Founders after "founded by": "A, B and C", a later one as "co-founder" ("A and
    co-founder B"), a given name before "and" and a name that shares its surname ("Bill and
    Melinda Gates"), each maybe with an aside in brackets after it ("A (a former referee) and
    B (...)"); and how they may be described first ("French engineers", "a Pakistani
    businessman,", "ex-Acme Games employees", "Rolling Stone publisher", "Starbucks CEO"),
    where a name particle ("Abdul Kadir bin ...") is no description."""
    small = rf"(?!(?:and|or|of|in|with|for|at|on|to|by|{_alternation(data['name_particles'])})\b)"
    named = r"(?:ex-|former )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}"
    given = rf"\b(?:{_alternation(given_names())})\b(?![ -]?[A-Z])"
    founder = rf"(?:{person}|{given}(?= and {person}))(?: \([^()]*\))?"
    # People a founder founded it with: "with her husband, A", "with her elder brother Jim and
    # younger sisters Caroline and Andrea" (words before a name, none a preposition: "with
    # funding from A" names no founder).
    partner = (r"(?:(?:his|her|their) )?(?:(?!(?:and|or|from|of|by|for|to|in|at|on|the|an?)\b)"
               rf"[a-z]+,? ){{0,2}}(?:{person}|{given})")
    return {
        "PEOPLE_GIVEN": given,
        "PEOPLE_FOUNDER_NAME": rf"{person}|{given}(?= and {person})",
        "PEOPLE_FOUNDER": founder,
        "PEOPLE_PARTNERS": rf"{partner}(?:(?:,? and |, ){partner})*",
        "PEOPLE_FOUNDERS": rf"{founder}(?:(?:, {founder})*,? and (?:co-?founder )?{founder})?",
        "PEOPLE_FOUNDERS_DESCRIBED": (
            rf"(?:(?:the |an? |his |her |its )?(?:{named} (?=[a-z]|{role} ))?"
            rf"(?:(?:{small}[a-z][\w-]*|{role}),? ){{0,2}})?"),
    }


def _role() -> str:
    """A role: modifiers, then a title ("vice deputy commander")."""
    return (rf"(?:(?:{_alternation(role_modifiers(), True)})[ -])*"
            rf"(?:{_titled(role_titles())})\b")


def _titled(words) -> str:
    """Any of the words, with a capital first letter too, and one of several words in title
    case too ("Chief Executive Officer", "Chairman of the Board")."""
    return _alternation([*words, *(_title_case(word) for word in words if " " in word)], True)


def _title_case(words: str) -> str:
    """Each word capitalised but the small ones ("Chairman of the Board")."""
    return " ".join(word if word in SMALL_WORDS else word.capitalize()
                    for word in words.split(" "))


def read(rule: Rule, match: re.Match) -> Reading:
    """What one match of a people rule reads."""
    return merged(read_holder(item, spec, match.start())
                  for spec in rule.claims for item in RULES.items(match, spec))


def read_holder(match, spec: dict, base: int) -> Reading:
    """One claim spec read from one match (or list item), with role property and interval."""
    spec = by_role(match, spec)
    try:
        spec = with_interval(match, spec)
    except DateParseError as error:
        return patterns.date_not_read(match, base, error)
    reading = patterns.read_claim(match, spec, base)
    drafts, skips = [], list(reading.skips)
    for draft in reading.drafts:
        problem = draft.object_type == "person" and person_problem(draft, spec.get("alone", False))
        if problem:
            skips.append(Skip(draft.start, draft.end, problem))
        else:
            drafts.append(replace(draft, subject_type=ORGANISATION if draft.subject else None))
    return Reading(tuple(drafts), tuple(skips))


def person_problem(draft, alone: bool = False) -> str | None:
    """A one-word name is a fragment ("Lady Mary", "General Ne"), unless a courtesy title
    before it says it is a surname ("Mr. House", "Dr. Snyder"), or, with no rank before it, it
    is a common given name, which only a rule that reads a person there lets stand alone
    ("founded by Bill and Melinda Gates": PEOPLE_FOUNDER_NAME), or the rule's clause makes it
    a person (`alone`: "Iain was chief executive officer of Acme")."""
    rank = dict(draft.qualifiers).get("rank")
    if len(draft.value.split()) >= 2 or rank in rulebook.load(FAMILY)["surname_titles"]:
        return None
    if rank is None and (alone or draft.value in given_names()):
        return None
    return "a one-word name once the rank is taken off: a fragment, not read as a person"


def subject_problem(subject: str) -> str | None:
    """Why a named subject cannot be the organisation a person holds a role in, or None.

    It must be an abbreviation (KIO) or end in an organisation's head noun (Army, Union, or the
    generic noun of a kind of organisation, prose.yaml KINDS: University, Club): "the KIO's
    chairman" is a role in an organisation, "Myanmar's president" is not one this family can
    type, and an entity typed by guessing would be wrong in every table that uses it.
    """
    if RULES.regex("{ABBR}").fullmatch(subject):
        return None
    if name_kind(subject) == ORGANISATION or RULES.regex(r".*\b(?i:{KINDS})").fullmatch(subject):
        return None
    return f"{subject!r} is not known to be an organisation (no abbreviation or head noun)"


def by_role(match, spec: dict) -> dict:
    """A role that is its own property (chairman -> chairperson) replaces `leader`."""
    group = spec.get("text", {}).get("role")
    if not spec.get("property_by_role") or not group or match[group] is None:
        return spec
    prop = rulebook.load(FAMILY)["role_properties"].get(role_name(match[group]))
    if prop is None:
        return spec
    text = {name: g for name, g in spec["text"].items() if name != "role"}
    return spec | {"property": prop, "text": text}


def with_interval(match, spec: dict) -> dict:
    """`interval`: a period's ends become start_time and end_time; a single date, point_in_time."""
    group = spec.get("interval")
    if not group or match[group] is None:
        return spec
    return spec | {"set": spec.get("set", {}) | time_of(parse_date(match[group]).edtf)}


RULES = RuleSet(FAMILY, read, macros, subject_problem=subject_problem)
find, rederive = RULES.find, RULES.rederive
