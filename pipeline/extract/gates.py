"""Value gates: every value a rule reads passes the gate of its type before it becomes a claim.

A rule says where a value is written; its gate says whether it is a value of that type at all,
from general knowledge of how such values look: the shape of a personal name and the words of
job titles, the shapes of street addresses and postcodes, ISO 4217 currencies and scale words,
the two ends of a range (pipeline/rules/gates.yaml and the vocabularies it names). A gate

- accepts the value;
- normalises it: a qualifier in brackets leaves a label and becomes its qualifier or `note`
  ("Riverside (main campus)", a title's disambiguator "Panda (band)"); a street address read as
  a place moves to `street_address`, a count read as a place is a `quantity` ("40 countries"),
  and a postcode leaves a place ("Lagos 100001" is Lagos);
  two people joined by "and" are two claims where the property holds several;
- or refuses it, with a reason that the `skipped` table (and so the review page) shows: a title
  or a placeholder as a person, a count as a place, an amount that lost its currency, scale or
  date, one end of a range.

`gated` is the one place the gates run: on every family's reading (pipeline/extract/__init__.py,
with the sentence around the evidence as context) and on every re-derivation. The validator and
a reviewer's curation ask `row_refusal` of every published claim: a claim passes when its gate
returns it unchanged.
"""

import re
from dataclasses import replace
from functools import cache

import pycountry

from pipeline import rulebook
from pipeline.extract.model import QUALIFIERS, Draft, Reading, Skip
from pipeline.normalise.codes import states_and_countries
from pipeline.normalise.dates import DateParseError, from_edtf
from pipeline.normalise.lists import read_qualifier
from pipeline.normalise.names import (
    INITIAL,
    initials_match,
    name_word,
    office,
    role_modifiers,
    role_titles,
    role_titles_pattern,
)
from pipeline.normalise.numbers import number_pattern, range_pattern
from pipeline.normalise.values import normalise
from pipeline.spans import trimmed

STREET_ADDRESS = "street_address"
QUANTITY = "quantity"
COUNTED = re.compile(r"(?P<number>\d[\d,]*)\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)")
BOUNDS = ("lower bound", "upper bound")
BRACKET_END = re.compile(r"\s*\((?P<inner>[^()]*)\)$")
ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&./-]*")  # "(RCSS)", "(UK)": which one, not a remark
JOINED = re.compile(r"\s+(?:and|&)\s+")
INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.?$")
HOUSE_NUMBER = re.compile(r"\d+[A-Za-z]?(?:[-–/]\d+[A-Za-z]?)?,?\s+(?=[A-Z]|\d+(?:st|nd|rd|th)\s)")
YEAR_AFTER = re.compile(r"\s*(?:[A-Z]{3}\s*)?\((?:FY\s*)?(?:1[5-9]|20)\d\d\)")
AMOUNT_BEFORE = re.compile(r"\d[.,]$|[$€£¥₹]\s*$")
BORN_AFTER = re.compile(r"(?:\s*\([^()]*\))*\s*\((?:born|b\.)\s")
NAME_GOES_ON = re.compile(r" (?:[A-Z][a-z]|of [A-Z])")
AMPERSAND_BEFORE, AMPERSAND_AFTER = re.compile(r"&\s*$"), re.compile(r"\s*&")
GLUED_SENTENCES = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")  # "England.After"


class Refused(ValueError):
    """A value its type's gate does not let through; the message is the reason."""


@cache
def _vocabulary() -> dict:
    return rulebook.load("gates")


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(word.casefold() for word in _vocabulary()["placeholders"])


@cache
def _organisation_words() -> frozenset[str]:
    heads = rulebook.load("names")["entity_heads"]["organisation"]
    return frozenset([*_firm_endings(), *heads])


@cache
def _firm_endings() -> frozenset[str]:
    """Legal forms, with and without their full stop, and firm words: no person's name ends
    in one (post-nominal letters aside: "Lord Smith KG")."""
    post_nominals = rulebook.load("names")["post_nominals"]
    forms = {f for form in rulebook.words("legal_forms") for f in (form, f"{form}.")}
    return frozenset([*(forms - set(post_nominals)), *_vocabulary()["firm_words"]])


@cache
def given_names() -> frozenset[str]:
    """Common given names: the person gate's, and those a people rule lets stand alone."""
    return frozenset(_vocabulary()["given_names"])



@cache
def _personal_name() -> re.Pattern:
    """A given name, an initial or none, and a surname (normalise.names.name_word each)."""
    return re.compile(rf"(?P<given>{name_word()})(?: {INITIAL})? (?P<surname>{name_word()})")

def is_personal_name(name: str) -> bool:
    """Whether a name is written as a person's: a common given name and a surname that is no
    organisation's word ("Roger Porter"; not "Roger Porter Ltd", "Acme Motors")."""
    match = _personal_name().fullmatch(name)
    return bool(match) and match["surname"] not in _organisation_words() and all(
        part in given_names() for part in match["given"].split("-"))


@cache
def _role_words() -> frozenset[str]:
    """The words a job title is made of: the role vocabulary's, and gates.yaml's."""
    phrases = [*role_titles(), *role_modifiers()]
    return frozenset([*_vocabulary()["title_words"],
                      *(word for phrase in phrases for word in re.split(r"[\s-]+", phrase))])


@cache
def _person_in_role() -> re.Pattern:
    """What follows a person's name in the sentence that defines them: "is founder and
    President of", "was the chief executive of"."""
    role = role_titles_pattern()
    return re.compile(rf"\s+(?:is|was)\s+(?:(?:the|a|an|its|current|former|co-)\s*)*"
                      rf"(?i:{role})(?:\s+and\s+(?i:{role}))?\s+(?:of|at)\b")


@cache
def _postcode() -> re.Pattern:
    shapes = "|".join(_vocabulary()["postcodes"])
    return re.compile(rf"(?<![\w-])(?:{shapes})(?![\w-])")


@cache
def _editorial_marks() -> tuple[re.Pattern, re.Pattern]:
    """An editor's mark with the space after it at the start, and before it at the end."""
    mark = _vocabulary()["editorial_marks"]
    return re.compile(rf"(?:{mark})\s*"), re.compile(rf"\s*(?:{mark})$")


@cache
def _direction() -> re.Pattern:
    return re.compile(_vocabulary()["directions"])


@cache
def _street_end() -> re.Pattern:
    """A street's last word ending the place, a house number after it or not ("Sauer Street",
    "Sauerstraße 5")."""
    types = "|".join(re.escape(t) for t in sorted(_vocabulary()["street_types"], key=len,
                                                  reverse=True))
    return re.compile(rf"(?:(?<=\s)(?:{types})|\w(?:straße|strasse|straat|gatan|vej|weg))"
                      rf"(?:\s+\d+[A-Za-z]?)?$")


@cache
def _count() -> re.Pattern:
    """A number and a lower-case word: "40 countries", "120 countries approx. in 2015"."""
    return re.compile(rf"(?:{number_pattern()})\+?\s+[a-z]")


@cache
def _currencies() -> frozenset[str]:
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


@cache
def _amount_tail() -> re.Pattern:
    """What follows an amount cut short: its decimals, its scale word or its currency code."""
    scales = "|".join(map(re.escape, rulebook.load("numbers")["scales"]))
    return re.compile(rf"[.,]\d|\s*(?i:{scales})\b|\s*[A-Z]{{3}}\b")


@cache
def _ranges() -> tuple[re.Pattern, ...]:
    number = number_pattern()
    return (re.compile(range_pattern()),
            re.compile(rf"(?i:\bbetween\s+(?P<low>{number})\s+and\s+(?P<high>{number}))"))


def gated(reading: Reading, context: str, offset: int = 0) -> Reading:
    """The reading with every draft through its gate; `context` holds the evidence from
    `offset` on (the sentence around it, or the evidence alone)."""
    drafts, skips = [], list(reading.skips)
    for draft in reading.drafts:
        try:
            drafts += gate(draft, context, offset)
        except Refused as refusal:
            skips.append(Skip(draft.start, draft.end, str(refusal)))
    return Reading(tuple(drafts), tuple(skips))


def accepts(draft: Draft, context: str, offset: int = 0) -> str | None:
    """Why a published claim is not one its gate lets through unchanged, or None."""
    try:
        passed = gate(draft, context, offset)
    except Refused as refusal:
        return str(refusal)
    if passed != [draft]:
        return f"its gate would publish {[d.value for d in passed]} instead"
    return None


def row_refusal(row: dict, text: str, sentence: dict, object_type: str | None) -> str | None:
    """Why a claim row (the `claims` table's columns) is not one its gate lets through
    unchanged, judged in its sentence as when it was read; None when it passes."""
    start = min(sentence["char_start"], row["evidence_start"])
    end = max(sentence["char_end"], row["evidence_end"])
    qualifiers = tuple(sorted((name, str(row[name])) for name in QUALIFIERS
                              if row[name] is not None))
    draft = Draft(row["property_id"], row["value"], row["value_type"], row["char_start"] - start,
                  row["char_end"] - start, object_type=object_type, qualifiers=qualifiers)
    return accepts(draft, text[start:end])


def gate(draft: Draft, context: str, offset: int) -> list[Draft]:
    """The drafts a draft is once its value's gate has judged it; raises Refused."""
    if draft.subject is not None:
        draft = replace(draft, subject=subject_label(draft, context, offset))
    if draft.value_type in ("integer", "decimal"):
        return [amount(draft, context, offset)]
    if draft.value_type == "edtf":
        return [date(draft)]
    if draft.value_type == "string":
        return [text(draft, context, offset)]
    if draft.value_type not in ("entity", "name"):
        return [draft]
    draft = label(draft, context, offset)
    if draft.object_type == "person":
        return person(draft, context, offset)
    if draft.object_type == "place":
        return place(draft, context, offset)
    return [organisation(draft, context, offset)]


def quote(draft: Draft, context: str, offset: int) -> str:
    return context[offset + draft.start:offset + draft.end]


def renamed(draft: Draft, context: str, offset: int, start: int, end: int, **changes) -> Draft:
    """The draft narrowed to quote[start:end] (offsets within its quote), normalised again."""
    text = quote(draft, context, offset)[start:end]
    value_type = changes.get("value_type", draft.value_type)
    value = normalise(value_type, text, changes.get("object_type", draft.object_type))[0]
    return replace(draft, value=value, start=draft.start + start, end=draft.start + end,
                   **changes)


@cache
def _suffix_start() -> re.Pattern:
    suffixes = "|".join(map(re.escape, rulebook.words("generational_suffixes")))
    return re.compile(rf"(?:{suffixes})\b")


@cache
def _dangling() -> re.Pattern:
    words = "|".join(map(re.escape, _vocabulary()["dangling_conjunctions"]))
    return re.compile(rf"\s+(?:{words})$")


def whole_words(draft: Draft, context: str, offset: int) -> None:
    """A text value starts and ends at a word's edge, and not with the suffix of a person's
    name ("Jr.along with ...", where the copy lost the space after "Jr."): else it was cut
    inside a name or a word; raises Refused."""
    start, end = offset + draft.start, offset + draft.end
    if inside_word(context, start) or inside_word(context, end) or \
            _suffix_start().match(context, start):
        raise Refused(f"text gate: {draft.value!r} is cut inside a word or a name")


def inside_word(context: str, at: int) -> bool:
    """Whether `at` lies between two characters of one word; a lower-case letter then a
    capital is two words the copy glued ("PublicOyj" is "Public" and "Oyj")."""
    if not 0 < at < len(context):
        return False
    before, after = context[at - 1], context[at]
    return before.isalnum() and after.isalnum() and not (before.islower() and after.isupper())


def text(draft: Draft, context: str, offset: int) -> Draft:
    """A text value (an event's summary, a motto) cut at words' edges (`whole_words`), without
    an editor's mark at either end ("[citation needed] One story claims ...") or a conjunction
    at its end ("... its operations and"), and only the last of two sentences the copy glued
    together without a space ("... in north east England.After NECS merged ...")."""
    whole_words(draft, context, offset)
    written = quote(draft, context, offset)
    start, end = 0, len(written)
    glued = list(GLUED_SENTENCES.finditer(written))
    if glued:
        start = glued[-1].end()
    marks = _editorial_marks()
    while mark := marks[0].match(written, start, end):
        start = mark.end()
    while mark := marks[1].search(written, start, end):
        end = mark.start()
    if dangling := _dangling().search(written, start, end):
        end = dangling.start()
    if (start, end) == (0, len(written)):
        return draft
    if start >= end:
        raise Refused(f"text gate: {draft.value!r} is an editor's mark, not a value")
    return renamed(draft, context, offset, start, end)


def label(draft: Draft, context: str, offset: int) -> Draft:
    """A label without a bracketed qualifier at its end: the bracket's text becomes its
    qualifiers ("(since 2005)") or its note ("(main campus)", "(band)"). An abbreviation in
    brackets says which of two namesakes is meant ("Shan State Army (RCSS)") and stays, but
    where it spells a longer name than the one written, the name was cut short and the
    abbreviation is the label ("the African Football (CAF)": CAF)."""
    written = quote(draft, context, offset)
    bracket = BRACKET_END.search(written)
    if bracket and bracket.start() > 0 and ABBREVIATION.fullmatch(bracket["inner"]) and \
            cut_short(written[:bracket.start()], bracket["inner"]):
        return renamed(draft, context, offset, *bracket.span("inner"))
    if not is_remark(bracket):
        return draft
    said = remark(" ".join(bracket["inner"].split()))
    qualifiers = dict(draft.qualifiers)
    for name, value in said.items():
        qualifiers[name] = f"{qualifiers[name]}; {value}" if name in qualifiers else value
    return renamed(draft, context, offset, 0, bracket.start(),
                   qualifiers=tuple(sorted(qualifiers.items())))


def remark(inner: str) -> dict[str, str]:
    """The qualifiers a bracket's text states ("since 2005"), its note ("main campus"), or
    both where a date follows a remark ("supporters, 1995–2000")."""
    said = read_qualifier(inner)
    if said is not None:
        return said
    words, _, tail = inner.rpartition(", ")
    dated = read_qualifier(tail) if words else None
    return {**dated, "note": words} if dated else {"note": inner}


def cut_short(name: str, abbreviation: str) -> bool:
    """Whether the name's initials spell only the end of the abbreviation ("African Football",
    CAF)."""
    letters = "".join(char for char in abbreviation if char.isalpha())
    return not initials_match(name, letters) and any(
        initials_match(name, letters[k:], exact=True) for k in range(1, len(letters) - 1))


def title_label(title: str) -> str:
    """The label of an article's subject: its title without a disambiguator ("Panda (band)")."""
    bracket = BRACKET_END.search(title)
    return title[:bracket.start()] if is_remark(bracket) else title


def is_remark(bracket: re.Match | None) -> bool:
    """Whether a bracket ending a label is a remark on it, not the label itself or an
    abbreviation that tells namesakes apart."""
    return bracket is not None and bracket.start() > 0 and not ABBREVIATION.fullmatch(
        bracket["inner"])


def subject_label(draft: Draft, context: str, offset: int) -> str:
    """A named subject through the gate of its type; a subject refused refuses the claim."""
    subject = Draft(draft.property, draft.subject, "entity", 0, len(draft.subject),
                    object_type=draft.subject_type or "organisation")
    try:
        passed = gate(subject, draft.subject, 0)
    except Refused as refusal:
        raise Refused(f"its subject: {refusal}") from None
    if len(passed) != 1 or passed[0].property != draft.property:
        raise Refused(f"its subject {draft.subject!r} is not a {subject.object_type}")
    return passed[0].value


def is_placeholder(name: str) -> bool:
    return name.casefold().strip(" .") in _placeholders()


def person(draft: Draft, context: str, offset: int) -> list[Draft]:
    """A personal name: not a placeholder, a job title, an organisation, or two people."""
    name = draft.value
    if is_placeholder(name):
        raise Refused(f"person gate: {name!r} is a placeholder, not a person")
    if office().fullmatch(name) or all(w.casefold() in _role_words() for w in name.split()):
        raise Refused(f"person gate: {name!r} is a job title, not a person's name")
    if name.split()[-1] in _organisation_words():
        raise Refused(f"person gate: {name!r} names an organisation, not a person")
    start, end = offset + draft.start, offset + draft.end
    if AMPERSAND_BEFORE.search(context, 0, start) or AMPERSAND_AFTER.match(context, end):
        raise Refused(f"person gate: {name!r} is part of a name joined by '&' (a firm's)")
    joined = JOINED.search(quote(draft, context, offset))
    if joined:
        return two_people(draft, context, offset, joined)
    if any(char.isdigit() for char in name):
        raise Refused(f"person gate: {name!r} has digits, which no personal name has")
    if INITIAL_END.search(name):
        raise Refused(f"person gate: {name!r} ends in an initial: a name cut short")
    return [draft]


def two_people(draft: Draft, context: str, offset: int, joined: re.Match) -> list[Draft]:
    """"A. Smith and B. Jones": two claims, each a person of its own, where the property holds
    several values and no qualifier is one person's (a rank, "the first" chairman); else
    refused."""
    qualifiers = dict(draft.qualifiers)
    if rulebook.properties().get(draft.property, {}).get("single_valued") or (
            "rank" in qualifiers or "series_ordinal" in qualifiers):
        raise Refused(f"person gate: {draft.value!r} joins two people in a value that holds one")
    written = quote(draft, context, offset)
    parts = [renamed(draft, context, offset, start, end) for start, end in
             ((0, joined.start()), (joined.end(), len(written)))]
    return [passed for part in parts for passed in person(part, context, offset)]


def place(draft: Draft, context: str, offset: int) -> list[Draft]:
    """A place: not a count, a placeholder, a direction from a place or a postcode; a street
    address moves to its own property; a postcode leaves the place it is written with."""
    name, written = draft.value, quote(draft, context, offset)
    if _direction().match(name):
        raise Refused(f"place gate: {name!r} is a direction from a place, not a place")
    if _count().match(name):
        return [count(draft, context, offset)]
    if is_placeholder(name):
        raise Refused(f"place gate: {name!r} is a placeholder, not a place")
    postcode = _postcode().search(written)
    if postcode:
        return without_postcode(draft, context, offset, postcode)
    if HOUSE_NUMBER.match(written) or _street_end().search(written):
        return [address(draft, context, offset, 0, len(written))]
    return [draft]


def count(draft: Draft, context: str, offset: int) -> Draft:
    """A count read as a place is a `quantity` of what it counts ("40 countries"), where it
    says no more than that; else refused ("120 countries approx. in 2015")."""
    match = COUNTED.fullmatch(quote(draft, context, offset))
    if match is None:
        raise Refused(f"place gate: {draft.value!r} is a count, not a place")
    number, unit = match.span("number"), " ".join(match["unit"].split())
    qualifiers = dict(draft.qualifiers, unit=unit)
    return renamed(draft, context, offset, *number, property=QUANTITY, value_type="integer",
                   object_type=None, qualifiers=tuple(sorted(qualifiers.items())))


def without_postcode(draft: Draft, context: str, offset: int,
                     postcode: re.Match) -> list[Draft]:
    """"Lagos 100001" is Lagos, "D-10911 Berlin" Berlin; what is written before a postcode
    that has a town after it is a street or a building ("Willy-Brandt-Haus D-10911 Berlin")."""
    written = quote(draft, context, offset)
    before = trimmed(written, 0, postcode.start(), " ,")
    after = trimmed(written, postcode.end(), len(written), " ,")
    town = after if after[0] < after[1] else before
    if town[0] >= town[1]:
        raise Refused(f"place gate: {draft.value!r} is a postcode, not a place")
    drafts = place(renamed(draft, context, offset, *town), context, offset)
    if town is after and before[0] < before[1]:
        drafts.insert(0, address(draft, context, offset, *before))
    return drafts


def address(draft: Draft, context: str, offset: int, start: int, end: int) -> Draft:
    """The street address written where a place was read, as a `street_address` claim."""
    return renamed(draft, context, offset, start, end, property=STREET_ADDRESS,
                   value_type="string", object_type=None)


def organisation(draft: Draft, context: str, offset: int) -> Draft:
    """An organisation's (or another named thing's) name: not a placeholder, a word that opens
    sentences ("Today"), a count, a letter, a legal form or a degree alone, nor a person's
    name, which the sentence shows by what follows it ("John Morris (born 1948)", "Rebecca
    Kraus is founder of ..."); an organisation's name is not cut short before more of it ("the
    UK Department of ..."); a parent or a subsidiary is not written as a person's name
    ("Roger Porter")."""
    name, before = draft.value, context[:offset + draft.start]
    after = context[offset + draft.end:]
    if len(name) < 2 or name in _firm_endings() or (
            name in rulebook.load("names")["post_nominals"] and before.endswith(", ")):
        raise Refused(f"name gate: {name!r} is a fragment, not a name")
    if is_placeholder(name):
        raise Refused(f"name gate: {name!r} is a placeholder, not a name")
    if name in rulebook.load("names")["not_name_words"]:
        raise Refused(f"name gate: {name!r} is a word that opens sentences, not a name")
    if _count().match(name):
        raise Refused(f"name gate: {name!r} is a count, not a name")
    if BORN_AFTER.match(after) or _person_in_role().match(after):
        raise Refused(f"name gate: {name!r} is a person's name, as what follows it says")
    if draft.property in _vocabulary()["organisations_only"] and is_personal_name(name):
        raise Refused(f"organisation gate: {name!r} is a person's name; a {draft.property} "
                      "is an organisation")
    if draft.object_type == "organisation" and NAME_GOES_ON.match(after) and \
            not place_tail(context, offset + draft.end):
        raise Refused(f"organisation gate: {name!r} is cut short: the name goes on after it")
    return without_place(draft, context, offset) if draft.object_type == "organisation" \
        else draft


@cache
def _place_tail() -> tuple[re.Pattern, re.Pattern]:
    """A legal form ending a name, and what may follow it: "of" a place and, after a comma, a
    state or country (" of Hepburnia, Pennsylvania"), in group `region`."""
    forms = "|".join(map(re.escape, rulebook.words("legal_forms")))
    word = r"[A-Z][\w'’-]*"
    return (re.compile(rf"(?<![\w-])(?:{forms})\.?$"),
            re.compile(rf" of {word}(?: {word}){{0,3}}"
                       rf"(?=,\s+(?P<region>{word}(?: {word}){{0,2}}))"))


def place_tail(context: str, at: int) -> int | None:
    """Where the place "of" which a firm's name ending at `at` is written ends, if the name
    ends in a legal form and a state or country follows the place after a comma."""
    form, tail = _place_tail()
    match = tail.match(context, at) if form.search(context, 0, at) else None
    if match and any(" ".join(match["region"].split()[:n]) in _states_and_countries()
                     for n in (1, 2, 3)):
        return match.end()
    return None


@cache
def _states_and_countries() -> frozenset[str]:
    return states_and_countries(tuple(rulebook.load("places")["states_of"]))


def without_place(draft: Draft, context: str, offset: int) -> Draft:
    """A firm's name that ran on into the place written after it ("Shale Hill Coal Company of
    Hepburnia, Pennsylvania"): the name ends at its legal form, where "of" starts a place with
    its state or country after a comma. "Bank of America" (no legal form before "of") and
    "Acme Company of Ohio" (no region after a comma) stay whole."""
    of = quote(draft, context, offset).rfind(" of ")
    if of > 0 and place_tail(context, offset + draft.start + of) == offset + draft.end:
        return renamed(draft, context, offset, 0, of)
    return draft


def date(draft: Draft) -> Draft:
    try:
        from_edtf(draft.value)
    except DateParseError as error:
        raise Refused(f"date gate: {error}") from None
    return draft


@cache
def _vague_before() -> re.Pattern:
    """A word that makes the number after it vague (numbers.yaml vague), right before it."""
    words = "|".join(map(re.escape, rulebook.load("numbers")["vague"]))
    return re.compile(rf"(?<![\w-])(?i:{words})\s+$")


def amount(draft: Draft, context: str, offset: int) -> Draft:
    """A number is whole: both ends of a range or neither; an amount of money keeps its
    currency, its scale and its date; a scale word is not the thing counted."""
    qualifiers = dict(draft.qualifiers)
    start, end = offset + draft.start, offset + draft.end
    if _vague_before().search(context, 0, start):
        raise Refused(f"quantity gate: {quote(draft, context, offset)!r} is made vague by the "
                      "word before it ('several hundred' is no count)")
    if qualifiers.get("quantity_qualifier") not in BOUNDS:
        for pattern in _ranges():
            for match in pattern.finditer(context):
                if match.start() < end and start < match.end() and not (
                        start <= match.start() and match.end() <= end):
                    raise Refused(f"range gate: {draft.value} is one end of the range "
                                  f"{match.group()!r}; both ends are published, or neither")
    unit = qualifiers.get("unit") or ""
    scales = rulebook.load("numbers")["scales"]
    if unit.split(" ")[0].lower() in scales:
        raise Refused(f"quantity gate: the scale word of {unit!r} was read as the thing "
                      "counted")
    if unit in _currencies():
        if _amount_tail().match(context, end) or AMOUNT_BEFORE.search(context, 0, start):
            raise Refused(f"money gate: {draft.value} {unit} is part of an amount cut in two; "
                          "its currency, scale and decimals are read whole, or not at all")
        if YEAR_AFTER.match(context, end) and "point_in_time" not in qualifiers:
            raise Refused(f"money gate: {draft.value} {unit} without the year written after it")
    return draft
