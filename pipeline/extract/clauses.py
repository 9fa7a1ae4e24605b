"""Who acts in each clause: whose fact a rule's match states.

A rule says what it reads ("headquartered in Milan", "founded in 1995"); this module says whose
it is, so that one pattern serves every sentence that states the fact in that form. The reading
is shallow and deterministic, made of what English marks plainly: names (capitalised runs),
determiners, copulas, commas and relative pronouns.

- A clause that opens with its own noun phrase and a verb ("PCM started ...", "The company has
  ...") is that phrase's.
- A phrase that hangs on what stands before it is the actor of what it hangs on: a relative
  clause (", which was founded in 1989") the noun phrase before it; a participle ("a bus maker
  founded in 1925") the noun it follows, which a copula ("X was a bus maker") makes the clause's
  subject and an appositive ("Y, a company based in the UK") makes Y; a verb joined by "and"
  ("was founded in 1925 and moved to Troy") the subject of its clause; a participle opening the
  sentence ("Headquartered in Tampa, the company ...") the subject after it.
- A noun phrase without a name after another verb ("X acquired a company based in Y") is no
  actor: the fact is about something the text does not name, and is not made.

`Actors` then says whether an actor is the document's own subject: its name as the title gives
it, that name without its legal form ("Acme" for "Acme Ltd"), an abbreviation written after it
("Acme Group (AG)"), a pronoun, or a head noun of its kind ("the company"). Any other name is
another entity, which the fact is about instead.
"""

import re
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

from pipeline import rulebook
from pipeline.extract.gates import is_personal_name
from pipeline.extract.model import Reading, Skip
from pipeline.normalise.names import (
    INITIAL,
    clean_name,
    initials_match,
    name_kind,
    name_word,
    role_titles_pattern,
)
from pipeline.spans import written_whole

# A word of a name: a capital or digit first ("Acme", "3M", "A&J", "E.ON", "Co."), never a word
# that opens a sentence ("The", "In", "He").
CAP = (r"(?!(?:The|A|An|In|On|At|By|As|It|Its|He|She|His|Her|They|Their|We|I|This|That|These|"
       r"Those|There|After|Before|Since|Prior|Following|Is|Was|Are|Were|Has|Have|Had)\b(?!&))"
       r"(?:[A-Z][\w&'’.–-]*|[0-9]+[A-Za-z][\w&'’.–-]*|&)")
# A name: capitalised words with small linking words inside, a legal form after a comma, a
# parenthesis after it.
NAME = (rf"(?:\b[Tt]he\s+)?{CAP}(?:(?:[^\S\n]+(?:of|for|and|de|du|la|the|&))*[^\S\n]+{CAP})*"
        r"(?:,?\s+(?:Inc|Ltd|LLC|L\.L\.C|PC|plc|Co)\b\.?)?(?:\s*\([^()]*\))?")
PRONOUN = r"\b(?:[Ii]t|[Ii]ts|[Tt]hey|[Tt]heir|[Hh]e|[Ss]he|[Hh]is|[Hh]er|I|[Ww]e)"
# A noun phrase with a determiner and a small head ("a Texas community bank", "the company").
COMMON_TAIL = re.compile(r"\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his)\s+"
                         r"(?:(?!(?:an?|the|its|their|this)\b)[\w&'’$.()-]+,?\s+){0,6}?"
                         r"[a-z][\w-]*$", re.IGNORECASE)
# The forms of "be" a clause's verb may take before what it says of its subject.
BE = r"is|was|are|were|has been|had been|have been"
COPULA_TAIL = re.compile(rf"\b(?:{BE}|became|becomes|"
                         r"has become|have become|remains|remained|(?:serves|served|operates|"
                         r"operated|functions) as)(?:\s+(?:now|currently|also|still|originally|"
                         r"formerly|initially|today))*$")
RELATIVE_TAIL = re.compile(rf",?\s*\b(?:which|that|who)(?:\s+(?:itself|themselves))?"
                           rf"(?:\s+(?:{BE}))?(?:\s+(?:now|also|"
                           r"originally|currently|later|first|then|initially|subsequently))*$")
COORDINATE_TAIL = re.compile(rf",?\s*\b(?:and|but)(?:\s+(?:{BE}))?(?:\s+(?:now|also|"
                             r"originally|currently|later|then|"
                             r"initially|subsequently|independently))*$")
ADVERB_TAIL = re.compile(r"\s*\b(?i:now|also|originally|currently|later|then|initially|"
                         r"formerly|subsequently|independently|officially|formally|first|"
                         r"proudly|wholly|jointly)$|,?\s*\b(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Ff]rom|"
                         r"[Dd]uring|[Uu]ntil|[Aa]fter|[Bb]efore)\s+(?:[\w,]+\s+){0,3}?[0-9]{3,4}s?,?$")
# A phrase that opens a clause before its subject: "In 1989", "Since its founding,".
OPENING_ADVERBIAL = re.compile(r"(?:[A-Z][a-z]+,\s+)?(?:[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Ss]ince|[Aa]fter|"
                               r"[Bb]efore|[Dd]uring|[Ff]rom|[Uu]ntil|[Ff]ollowing|[Ff]or)\s+"
                               r"[^,;]*?,?")
# An -ing phrase that opens a clause, up to its comma ("Serving 300 towns, ...").
OPENING_ING = re.compile(r"[A-Z][a-z]+ing\s[^,;]*,")
# An adverb of time before a participle that opens a clause ("Originally based in X, Acme").
LEADING_ADVERB = re.compile(r"(?:[Oo]riginally|[Ii]nitially|[Ff]ormerly)\s+(?=[a-z]+(?:ed|en)\b)")
# A participle or a noun phrase that opens a sentence and describes its subject ("Based in X,
# Acme ...", "A unit of X, Acme ...", "As a unit of X, Acme ...").
OPENING_PARTICIPLE = re.compile(r"[A-Za-z]+(?:ed|en)\b|[Ss]et up\b|[Bb]uilt\b|[Ll]ed\b|"
                                r"(?:[Aa]s\s+)?(?:[Aa]n?|[Tt]he)\s")
# An aside between a clause's subject and its verb: "Acme, a unit of X, is", "Acme, doing
# business as Ace, is", "Acme, formerly Ace, Inc., is" (a name after the comma is a place or
# a list: "Lisle, Ill., is").
SHORT_FORM = r"(?:Inc|Ltd|LLC|Co|Corp)"  # a legal form that ends a company's name
ASIDE = rf",\s+(?:[Aa]n?\s|[Tt]he\s|[a-z])[^,;]*(?:,\s+{SHORT_FORM}\.?)?,"
ASIDE_END = re.compile(rf"{ASIDE}$")
# A town and its state after a name's legal form, between commas: where the company is, no
# part of its name ("Acme, LLC of Lisle, Ill., is").
SEAT_ASIDE_END = re.compile(rf"\b{SHORT_FORM}\.?(?P<seat>\s+of\s+[A-Z][\w.'’-]*"
                            r"(?:\s+[A-Z][\w.'’-]*)*,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,)$")
# A word that ties a clause to the one before it ("... was formed in 1955 when A and B merged").
SUBORDINATE_TAIL = re.compile(r"\b(?:when|after|as|because|until|once)\s*$")
# A name, then "is a subsidiary of" or ", a division of" (and the parent's name after it).
UNIT_BEFORE = re.compile(rf"(?P<name>{NAME}),?\s+(?:(?:is|was)\s+)?(?:an?|the)\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:subsidiary|division|unit|arm)\s+of\s+"
                         r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")  # "of delivery giant Acme"
# After a name, "is a subsidiary of" and the parent's name.
PARENT_AFTER = re.compile(rf",?\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?"
                          rf"(?:subsidiary|division|unit|arm)\s+of\s+(?:the\s+)?(?P<name>{NAME})")
# A noun phrase without a determiner joined by "and" to the one before ("..., and systems
# maker").
JOINED_NOUN_TAIL = re.compile(r",\s+and\s+(?:[a-z][\w-]*\s+){0,6}[a-z][\w-]*$")
DETERMINER = re.compile(r"(?:an?|the)\s", re.IGNORECASE)
INDEFINITE_TAIL = re.compile(r"\b[Aa]n?\s+$")  # "an American Limited Liability Company"
PLACE_PREPOSITION_TAIL = re.compile(r"\s+\bin\s+$")  # "a carrier in Ohio"
PREPOSITION_TAIL = re.compile(r"\b(?:of|in|at|on|for|from|with|by|to)\s+$")
COPULA_BEFORE_NOUN = re.compile(r"\b(?:is|was|are|were|has been|had been|remains|became)\s+"
                                r"(?:an?|the)\s")
WORD_OF_ANOTHER = re.compile(r"\b(?:of|in|at|on|for|from|by|with|to|which|that|who|whose|and)\b|"
                             r",\s+(?:an?|the)\s")
# A place named before a name and a comma: the name is the larger place ("in Ridgefield, CT").
PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s*$")
RELATIVE_WORD = re.compile(r"\b(?:which|that|who|whose)\b")
AUXILIARY_TAIL = re.compile(rf"\s*\b(?:{BE}|being)$")
# After a clause's subject: a word that is not a preposition, conjunction or article (its verb).
VERB_AFTER = (r"\s+(?!(?:of|and|or|in|at|on|by|for|to|from|with|as|since|until|the|a|an)\b)"
              r"[a-z][\w-]*\b(?!\s+of\b)")  # "the German subsidiary of" is a noun phrase
# A colon inside brackets ("(NYSE: LUV)") breaks no clause.
CLAUSE_BREAK = re.compile(r"[;:]\s+(?![^()]*\))|(?<=[a-z]{2})\.\s+(?=[A-Z])")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
PARENTHESIS_END = re.compile(r"\s*\([^()]*\)\s*$")
BRACKETS_AFTER = re.compile(r"\s*\((?P<inner>[^()]*)\)")
OFFICIALLY = re.compile(r",\s+(?:officially|formally|in full)\s+(?:the\s+)?")
WORD_BREAK = re.compile(r"[\s–—-]+")
LEADING_THE = re.compile(r"^[Tt]he\s+")
SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s")
SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)|\n", re.MULTILINE)  # roughly
DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")
# What extends the title into a longer name of the same organisation: a place ("of Detroit")
# or a name with a legal form after a comma (", Investment Counsel Inc.").
EXTENSION = re.compile(rf"\s+of\s+(?:{CAP})(?:\s+{CAP})*|,\s+(?:{CAP}\s+)+"
                       r"(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|plc|Limited)\b\.?")
ABBREVIATION = re.compile(r"\b[A-Z][A-Z&.]*[A-Z]\b")
NAME_END = re.compile(rf"{NAME}$")
JOINT_END = re.compile(r"\s(?:and|&)\s+$")
SPELLING = re.compile(r"\s+(?P<words>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})")
POSSESSIVE = re.compile(r"['’]s?$")
SUBJECT_PRONOUNS = ("it", "its", "they", "their")
# A name whose last word may be a kind's ("Georg Fischer Corporation"; a word ending in a full
# stop ends the name: "... Corporation. Founded in"), and a section's heading.
KIND_NAME = re.compile(rf"(?:{CAP}(?<!\.)[^\S\n]+)+(?P<kind>[A-Z][a-z]+)\b(?![\w&'’–-])")
HEADING = re.compile(r"^=+ ", re.MULTILINE)
OWN_DETERMINER = re.compile(r"(?:[Oo]ur|[Ii]ts|[Tt]heir)\s")  # "our company" is the subject
PERSONAL = re.compile(PRONOUN)  # a person's pronoun ("he") names no organisation
PERSONAL_OPENER = re.compile(r"[Ss]he|[Hh]e|[Hh]is|[Hh]er|I")  # never an organisation
NAMED = re.compile(rf"(?:[Tt]he\s+)?{CAP}|{PRONOUN}\b")
MAX_DEPTH = 3


@cache
def kinds() -> re.Pattern:
    """A head noun of an organisation's kind after a determiner: "the company", "the band",
    "The Company"; not a name ending in one ("The Park National Bank")."""
    return re.compile(_kind_phrase(), re.IGNORECASE)


@cache
def related_kind() -> re.Pattern:
    """A word before a kind's noun that makes it another organisation than the subject ("the
    parent company", "the holding company"): prose.yaml's `related_kinds`."""
    words = "|".join(rulebook.load("prose")["related_kinds"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def definition() -> re.Pattern:
    """A sentence that opens by saying what its subject is ("Beta Ltd is a maker of tools",
    "The parent company is one of the largest")."""
    return re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>{_kind_phrase_unnamed()}|{NAME})"
                      r"\s+(?:is|was)\s+(?:an?|the|one)\s", re.MULTILINE)


@cache
def legal_form() -> re.Pattern:
    """A legal form ending a name ("Acme Ltd", "Acme, Inc.", "ACME CO., LTD."): prose.yaml's
    LEGAL_FORMS, in any case."""
    forms = rulebook.load("prose")["macros"]["LEGAL_FORMS"]
    return re.compile(rf",?\s+(?:{forms})\.?$", re.IGNORECASE)


@cache
def kind_word() -> re.Pattern:
    return re.compile(rf"\b(?:{_kind_words()})\b", re.IGNORECASE)


def generic_kinds() -> tuple[str, ...]:
    """Head nouns any organisation may be called by ("the group"), whatever its kind."""
    return tuple(rulebook.load("prose")["generic_kinds"])


def _kind_words() -> str:
    return rulebook.load("prose")["macros"]["KINDS"]


def _kind_phrase() -> str:
    return (r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Oo]ur)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
            rf"(?P<kind>{_kind_words()})\b")


def _kind_phrase_unnamed() -> str:
    """`_kind_phrase` without its group's name, to go into a pattern that names its own."""
    return _kind_phrase().replace("?P<kind>", "")


@cache
def office() -> re.Pattern:
    """An office, or offices joined ("Founder & CEO"), and "of" opening a name-like run ("CEO
    of Acme"): the name is after it (the offices are the titles prose reads as roles:
    normalise.names.role_titles)."""
    head = role_titles_pattern()
    return re.compile(rf"(?:the\s+)?(?:{head})(?:\s*(?:&|and|/)\s*(?:{head}))*\s+of\s+"
                      r"(?:the\s+)?", re.IGNORECASE)


@cache
def modified() -> re.Pattern:
    """Words before a name that make it another thing of that name ("the first overseas
    Oxfam"): a determiner and small words, none a preposition or a head noun ("the club owns
    Kestrel Park" is the club's doing)."""
    return re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:of|the|an?|in|at|on|for|from|by|to|and|"
                      rf"or|with|parent|{_kind_words()})\b)[a-z][\w-]*\s+)+$")


@cache
def _phrases() -> dict[str, re.Pattern]:
    """A clause's subject (a name, a pronoun, "the company") where a clause opens, after a
    participle that opens the sentence (", Acme has"), and at the end of a text."""
    phrase = rf"(?:{_kind_phrase_unnamed()}|{NAME}|{PRONOUN})"
    return {"leading": re.compile(rf"(?P<actor>{phrase})(?:{ASIDE})?{VERB_AFTER}"),
            "after_opening": re.compile(rf",\s+(?P<actor>{phrase}){VERB_AFTER}"),
            "tail": re.compile(rf"{phrase}$")}


def plain(name: str) -> str:
    """A name as compared: no "the", parenthesis, possessive or surrounding punctuation."""
    name = PARENTHESIS.sub("", name).strip(" ,.;:")
    name = LEADING_THE.sub("", name)
    return " ".join(POSSESSIVE.sub("", name).split()).casefold()


@dataclass(frozen=True)
class Actors:
    """The names a document gives its own subject (compared by `plain`), and the head nouns
    of its kind ("company" where the title or the opening sentence says it is one)."""

    names: frozenset[str]
    kinds: frozenset[str]
    title: frozenset[str] = frozenset()  # the title's name, with and without its legal form
    # names ending in a kind's word ("Georg Fischer Corporation"): (start, end of its section,
    # the kind, the name, whether it is the subject's), in the order written
    kind_names: tuple[tuple[int, int, str, str, bool], ...] = ()
    # names the text gives a subsidiary of the title ("Acme Inc., a subsidiary of Acme
    # Group"): another company, though a short form of the title starts them
    units: frozenset[str] = frozenset()
    # the title as written, where it is not shaped as one name (`odd_title`)
    odd: str = ""
    # the sentences right after one that defines another organisation ("Beta Ltd is a maker of
    # tools."): (start, end, that organisation), in the order written
    defined: tuple[tuple[int, int, str], ...] = ()

    def one_word(self, text: str) -> tuple[str, dict[str, str]]:
        """The text with each whole writing of an odd title (`odd_title`) put as one word of
        its length ("Xxxx"), so that a clause it opens reads as the subject's, and what gives
        each such word back. Lengths stay, so positions in the text do too."""
        if not self.odd:
            return text, {}
        words = {}
        for at, end in _occurrences(self.odd, text):
            word = "X" + "x" * (end - at - 1)
            words[word] = text[at:end]
            text = text[:at] + word + text[end:]
        return text, words

    def titled(self, phrase: str) -> bool:
        """Whether a phrase is the title's name itself, not a short form or a pronoun."""
        return bool({plain(phrase), plain(legal_form().sub("", phrase.strip(" ,;:")))}
                    & self.title)

    def other_referent(self, phrase: str, at: int) -> str | None:
        """The other organisation "the <kind>" or "it" at `at` (in the document) refers to:
        the name of that kind written last before it in its section, where it is not the
        subject's ("GF is a division of Georg Fischer Corporation. ... the Corporation is
        headquartered in"), else the organisation the sentence before defines ("Beta Ltd is a
        maker of tools. The firm serves 800 clients"): a sentence goes on about what the one
        before was about. "Our company", "its group" are the subject's own; "the parent
        company" is another (itself)."""
        text = phrase.strip()
        kind = kinds().fullmatch(text)
        if kind and related_kind().search(text):
            return text
        if kind and OWN_DETERMINER.match(text):
            return None
        if kind:
            last = [(name, own) for start, reach, named_kind, name, own in self.kind_names
                    if start < at <= reach and named_kind == kind["kind"].casefold()]
            if last:
                return None if last[-1][1] else last[-1][0]
        elif text.casefold() not in SUBJECT_PRONOUNS:
            return None
        return next((name for start, end, name in self.defined if start <= at < end), None)

    def refers(self, phrase: str) -> bool:
        """Whether a phrase names the document's own subject."""
        text = phrase.strip()
        if text.casefold() in SUBJECT_PRONOUNS:
            return True
        kind = kinds().fullmatch(text)
        if kind:
            return kind["kind"].casefold() in {*self.kinds, *generic_kinds()} and not \
                related_kind().search(text)
        if plain(text) in self.units:
            return False
        # the name with its legal form ("Acme Ltd.") is the name the title gives without it
        return plain(text) in self.names or plain(
            legal_form().sub("", PARENTHESIS.sub("", text).strip(" ,;:"))) in self.names

    def goes_by(self, name: str) -> bool:
        """Whether a name is the subject's: one it goes by (`refers`), or made of its title's
        words ("Chiefs" for "Kaizer Chiefs F.C.")."""
        words = {word for title in self.title for word in title.split()}
        return self.refers(name) or set(plain(name).split()) <= words

    @cached_property
    def mention(self) -> re.Pattern:
        words = sorted({*self.names, *(f"the {k}" for k in self.kinds), "its", "their"},
                       key=len, reverse=True)
        return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE)

    def mentioned(self, text: str) -> bool:
        """Whether a text names the subject somewhere, or says "its" or "their"."""
        return bool(self.mention.search(text))


def named(phrase: str) -> bool:
    """Whether an actor is someone in particular: a name, a pronoun, "the council"; not a
    nameless noun phrase ("the two parties", "a ceasefire")."""
    return bool(NAMED.match(phrase)) or bool(
        kinds().fullmatch(phrase))


@lru_cache(maxsize=64)  # each family asks once per document
def actors_of(title: str, text: str) -> Actors:
    """The document's own names: its title (without a disambiguator or a legal form), an
    abbreviation of it the text uses (made of the name's initials: "KIO" for "Kachin
    Independence Organisation") or writes in brackets right after it (among other words:
    "(German: ..., SPD)"), or a short form of it; and the kinds its title and opening sentence
    name."""
    full = DISAMBIGUATION.sub("", title).strip()
    if not full:
        return Actors(frozenset(), frozenset())
    names = {full, legal_form().sub("", full), *short_forms(full)}
    for name in list(names):  # string search: a pattern per title would crowd re's cache
        at = text.find(name)
        while at >= 0:
            inner = BRACKETS_AFTER.match(text, at + len(name))
            if inner:
                names.update(ABBREVIATION.findall(inner["inner"]))
            at = text.find(name, at + 1)
    names |= written_forms(full, text)  # their brackets may name the title ("(formerly ...)")
    for match in OFFICIALLY.finditer(text):
        if text.startswith(full, match.end()):
            before = PARENTHESIS_END.sub("", text[max(0, match.start() - 200):match.start()])
            alias = _phrases()["tail"].search(before.rstrip())
            if alias:
                names.add(alias.group())
    initials = "".join(w[0] for w in WORD_BREAK.split(legal_form().sub("", full))
                       if w[:1].isupper())
    if len(initials) >= 2 and initials in ABBREVIATION.findall(text):
        names.add(initials)
    opening = f"{full} {first_sentence(text)}"
    kinds_named = {m.casefold() for m in kind_word().findall(opening)}
    plain_names = frozenset(plain(n) for n in names if n)
    actors = Actors(plain_names, frozenset(kinds_named),
                    frozenset(plain(n) for n in (full, legal_form().sub("", full)) if n),
                    kind_names(text, plain_names), units_of(full, text),
                    full if odd_title(full) else "")
    return replace(actors, defined=defined_others(text, actors))


def odd_title(title: str) -> bool:
    """Whether a title is not shaped as the names a clause's reader takes (`NAME`): lower-case
    words ("BIUCO children products Co.,ltd"), a bracket inside ("Cheung Kong (Holdings)
    Limited"), a legal form glued to a comma ("Co.,ltd.")."""
    return not re.fullmatch(NAME, title)


def defined_others(text: str, actors: Actors) -> tuple[tuple[int, int, str], ...]:
    """The sentence after each that defines another organisation than the subject, with that
    organisation's name. The first definition is the subject's (a lead may name it otherwise
    than its title does), and so is one by a name the subject goes by (`Actors.goes_by`); a
    person defined ("Jane Roe is the chief executive") is no "it"."""
    found = []
    for match in list(definition().finditer(text))[1:]:
        name = match["name"]
        stop = SENTENCE_STOP.search(text, match.end())
        if stop and not actors.goes_by(name) and not is_personal_name(name):
            found.append((stop.end(), going_on(text, stop.end()), PARENTHESIS.sub("", name)))
    return tuple(found)


def going_on(text: str, start: int) -> int:
    """Where the sentences about what the sentence before `start` was about end: the next
    sentence, and each after it that opens with "it" or "the <kind>" again."""
    while True:
        stop = SENTENCE_STOP.search(text, start)
        if stop is None:
            return len(text)
        if not refers_back().match(text, stop.end()):
            return stop.end()
        start = stop.end()


@cache
def refers_back() -> re.Pattern:
    """A sentence's opening "it" or "the <kind>": it goes on about what the one before was."""
    return re.compile(rf"\s*(?:It\b|{_kind_phrase_unnamed()})")


def units_of(full: str, text: str) -> frozenset[str]:
    """The names of other companies of the title's group: the text calls one a subsidiary or
    division of the title, written just before it ("Acme Inc., a subsidiary of Acme Group",
    "Acme Ltd is a unit of Acme Group"), or the title's parent, written just after it ("Acme
    Power is a subsidiary of Acme (NYSE: A)": "Acme" there is the parent, not a short form)."""
    units = set()
    for at, end in _occurrences(full, text):
        unit = UNIT_BEFORE.search(text[max(0, at - 200):at])
        parent = PARENT_AFTER.match(text, end)
        units |= {plain(found["name"]) for found in (unit, parent) if found}
    return frozenset(units - {plain(full)})


def written_forms(full: str, text: str) -> set[str]:
    """The other names the text writes for the subject where it names it: the title extended
    by a place or a name with a legal form ("Acme Foods of Detroit", "Acme & Co, Investment
    Counsel Inc."), where the text never writes the title alone (else the longer name is
    another company: "Acme Ltd of Canada is a subsidiary of Acme Ltd"); the name a clause's
    reader takes there (`reader_forms`); a name written with the title in brackets after it
    ("Acme Your Way, LLC (ACME)"); and a name it is renamed to or from ("the Acme Company, now
    known as Acme Industries", "Beta Ltd, formerly Acme")."""
    found = spelled_out(full, text)
    spans = _occurrences(full, text)
    extended = [(at, end, EXTENSION.match(text, end)) for at, end in spans]
    if extended and all(ext for _, _, ext in extended):
        found |= {text[at:ext.end()] for at, _, ext in extended}
        spans = [(at, ext.end()) for at, _, ext in extended]
    for at, end in spans:
        found |= reader_forms(text, at, end)
        renamed = renaming().match(text, end)
        found |= {renamed["name"] if renamed else None, named_before(text, at, end)} - {None}
    return found | {legal_form().sub("", name) for name in found}


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Where the prose writes a name as a whole (not inside a longer word; the heading line
    that gives the title is not the prose), its final full stop maybe left out ("Acme B.C)")."""
    body = text.find("\n") + 1 if HEADING.match(text) else 0
    return [(at, end) for at, end in written_whole(text, name, "&", dot_optional=True)
            if at >= body]


def spelled_out(full: str, text: str) -> set[str]:
    """The title with its final abbreviation written out in words whose initials spell it
    ("Acme Rovers Football Club" for "Acme Rovers F.C.")."""
    *stem, last = full.split()
    if not stem or sum(map(str.isalpha, last)) < 2 or not last.replace(".", "").isupper():
        return set()
    found = set()
    for at, end in _occurrences(" ".join(stem), text):
        spelling = SPELLING.match(text, end)
        words = spelling["words"].split() if spelling else []
        found |= {f"{text[at:end]} {' '.join(words[:size])}" for size in range(1, len(words) + 1)
                  if initials_match(" ".join(words[:size]), last, exact=True)}
    return found


def named_before(text: str, start: int, end: int) -> str | None:
    """The name that the subject's name at text[start:end] names again: written before it
    with the name in brackets ("Acme Your Way, LLC (ACME)") or a renaming word between ("Beta
    Ltd, formerly Acme")."""
    renamed = renaming(after=False).search(text, 0, start)
    bracketed = text[:start].endswith("(") and text.startswith(")", end)
    if not (renamed or bracketed):
        return None
    name = NAME_END.search(text[:renamed.start() if renamed else start - 1].rstrip(" ,"))
    return PARENTHESIS.sub("", name.group()).strip(" ,") if name else None


def reader_forms(text: str, start: int, end: int) -> set[str]:
    """The name a clause's reader takes where the text writes the subject's name at
    text[start:end], where it is not that name: a name cut at a small word or a comma
    ("Factory Company" of "Saudi marble & granite Factory Company"), or glued to the name
    before it by "and" ("Beta and Acme": both are meant; not "Bank of Acme", another). A cut
    stands for the subject only where it is a company's name (two words or more, the last a
    legal form or a kind's word), not a place ("St. Louis")."""
    read = _phrases()["tail"].search(text[:end])
    if read is None or read.start() == start or read.end() != end:
        return set()
    name = read.group()
    words = PARENTHESIS.sub("", name).split()
    glued = read.start() < start and JOINT_END.search(text, read.start(), start)
    if glued or (start < read.start() and len(words) >= 2 and (
            legal_form().search(name) or kind_word().fullmatch(words[-1]))):
        return {name}
    return set()


@cache
def renaming(after: bool = True) -> re.Pattern:
    """The words that give a name another of the same organisation (names.yaml
    `name_prefixes` and `renamings`): after the subject's name, with the other name (`after`),
    or at the end of a text, before the subject's name."""
    data = rulebook.load("names")
    words = sorted({*data["name_prefixes"], *data["renamings"]}, key=len, reverse=True)
    prefix = rf",?\s+\(?(?:{'|'.join(re.escape(w) for w in words)})\s+(?:the\s+)?"
    return re.compile(rf"{prefix}(?P<name>{NAME})" if after else rf"{prefix}$")


def kind_names(text: str, names: frozenset[str]) -> tuple[tuple[int, int, str, str, bool], ...]:
    """Each name that ends in a kind's word written with a capital ("Georg Fischer
    Corporation"): where it starts, where its section ends, the kind, the name, and whether it
    is the subject's (`is_own`)."""
    found = []
    for match in KIND_NAME.finditer(text):
        if not kind_word().fullmatch(match["kind"]):
            continue
        heading = HEADING.search(text, match.end())
        found.append((match.start(), heading.start() if heading else len(text),
                      match["kind"].casefold(), match.group(),
                      is_own(plain(match.group()), names)))
    return tuple(found)


def is_own(name: str, names: frozenset[str]) -> bool:
    """Whether a plain name is one of the subject's, or the end of one ("the Gates Foundation"
    for the Bill & Melinda Gates Foundation)."""
    return name in names or any(own.endswith(f" {name}") for own in names)


def short_forms(name: str) -> list[str]:
    """The name's leading words, as a text shortens a name once given ("Seagrave" for
    "Seagrave Fire Apparatus"): each run of its first words that ends in a capitalised word of
    four letters or more."""
    words = LEADING_THE.sub("", name).split()
    return [" ".join(words[:n]) for n in range(1, len(words))
            if len(words[n - 1]) >= 4 and words[n - 1][:1].isupper()]


def first_sentence(text: str) -> str:
    """The article's first prose sentence, roughly: what follows the title and infobox."""
    prose = [line for line in text.splitlines()[1:] if line.strip()
             and not line.startswith(("-", "="))]
    body = prose[1] if len(prose) > 1 and ":" not in prose[0] and len(prose[0]) < 60 else (
        prose[0] if prose else "")
    return SENTENCE_END.split(body, maxsplit=1)[0]


def actor(text: str, position: int, depth: int = 0) -> str | None:
    """The actor of the clause whose words start at `position` (see the module docstring),
    as written; None where the text names none. An adverb of time they start with is no
    actor (`LEADING_ADVERB`)."""
    adverb = LEADING_ADVERB.match(text, position)
    position = adverb.end() if adverb else position
    own = _phrases()["leading"].match(text, position)
    if own:
        return own["actor"]
    return hung_on(text, position, depth)


def hung_on(text: str, position: int, depth: int) -> str | None:
    """The actor of a phrase that hangs on what stands before `position`."""
    left = ADVERB_TAIL.sub("", text[:position].rstrip())
    start = clause_start(text, position)
    opening = OPENING_ADVERBIAL.fullmatch(text, start, len(left))
    if left.rstrip(" ,") == text[:start].rstrip(" ,;:.") or opening:
        at_start = OPENING_PARTICIPLE.match(text, position)
        return opening_subject(text, position) if at_start else None
    if depth >= MAX_DEPTH:
        return None
    relative = RELATIVE_TAIL.search(left)
    if relative:  # restrictive ("X of Y which"): which one is meant is not plain
        if relative.group().startswith(","):  # ", which": about the name before the comma
            return noun_before(text, relative.start() + 1, depth)
        return noun_before(text, relative.start(), depth, relative=True)
    coordinate = COORDINATE_TAIL.search(left)
    if coordinate and DETERMINER.match(text, position):  # "is a maker ... and a subsidiary"
        return predicate_subject(text, start, coordinate.start(), depth)
    if coordinate:
        return actor(text, start, depth + 1)
    auxiliary = AUXILIARY_TAIL.search(left) or COPULA_TAIL.search(left)
    if auxiliary:  # "X was founded", "X became a subsidiary": the clause's own subject
        end = len(left[:auxiliary.start()].rstrip())
        aside = ASIDE_END.search(left, 0, end)
        seat = SEAT_ASIDE_END.search(left, 0, end)
        cut = aside.start() if aside else seat.start("seat") if seat else end
        subject = _phrases()["tail"].search(left, 0, cut)
        return subject.group() if subject and not modified().search(left, 0, subject.start()) \
            and not PLACE_BEFORE.search(left, 0, subject.start()) else None
    return noun_before(text, len(left), depth)


def noun_before(text: str, end: int, depth: int, relative: bool = False) -> str | None:
    """The actor a phrase after text[:end] hangs on: a name there, or what a nameless noun
    phrase there describes (the copula's subject, the name it is in apposition to). A
    restrictive relative clause after "X of Y" may be about either, so it is about neither."""
    left = text[:end].rstrip()
    appositive = left.endswith(",")
    left = left.rstrip(" ,")
    named = _phrases()["tail"].search(left)
    if named and (modified().search(left, 0, named.start())
                  or PLACE_BEFORE.search(left, 0, named.start())):
        return None  # "the first overseas Oxfam"; "based in Ridgefield, CT, established in"
    place = PLACE_PREPOSITION_TAIL.search(left, 0, named.start()) if named else None
    if place and appositive:  # "a carrier in Ohio, headquartered in": the carrier's, if
        # a noun phrase without a name ("Manager in Ohio, based in": nobody's)
        named_before = _phrases()["tail"].search(left, 0, place.start())
        return None if named_before else noun_before(text, place.start(), depth + 1)
    if named and office().match(named.group()):  # "CEO of Acme, a maker based in": Acme's
        return named.group()[office().match(named.group()).end():]
    if named and not INDEFINITE_TAIL.search(left, 0, named.start()) and not (
            appositive and named.group().lower() in SUBJECT_PRONOUNS):
        if (relative or not appositive) and PREPOSITION_TAIL.search(left, 0, named.start()):
            return None  # "owned by X based in Y", "a unit of X which": X's, or the unit's?
        predicate = predicate_of(text, named.start())
        if predicate is not None:  # "X is a privately held Internet Service Provider based in"
            return actor(text, clause_start(text, predicate), depth + 1)
        return named.group()
    common = COMMON_TAIL.search(left)
    if common is None:  # "a music company, and electronics maker, based in": the maker is
        # the company, joined to it by "and" without a determiner of its own
        joined = JOINED_NOUN_TAIL.search(left)
        return noun_before(text, joined.start() + 1, depth + 1) if joined else None
    before = left[:common.start()].rstrip()
    copula = COPULA_TAIL.search(before)
    if copula:
        pronoun = RELATIVE_TAIL.search(before, 0, copula.start())
        if pronoun:  # "Y, which is an organisation of priests founded in 1970": Y's
            return noun_before(text, pronoun.start(), depth + 1, relative=True)
        return actor(text, clause_start(text, common.start()), depth + 1)
    if before.endswith(","):
        return noun_before(text, len(before), depth + 1)
    return None


def predicate_of(text: str, position: int) -> int | None:
    """Where the copula stands whose noun phrase, after it, holds the name at `position` as a
    word of its own ("X is an industry-leading, privately held Internet Service Provider"),
    or None: a preposition, a relative pronoun or an appositive between makes the name another
    thing ("X is a subsidiary of Y", "X is a maker, a unit of Y")."""
    start = clause_start(text, position)
    copulas = list(COPULA_BEFORE_NOUN.finditer(text, start, position))
    if not copulas or WORD_OF_ANOTHER.search(text, copulas[-1].end(), position):
        return None
    return copulas[-1].start()


def predicate_subject(text: str, start: int, end: int, depth: int) -> str | None:
    """The subject of a clause whose copula has a noun phrase after it, for a noun phrase
    joined to that one by "and" ("X is a maker based in Y, and a subsidiary of Z"); none where
    a relative pronoun stands between (the noun phrase may be another's)."""
    copula = COPULA_BEFORE_NOUN.search(text, start, end)
    if copula is None or RELATIVE_WORD.search(text, copula.end(), end):
        return None
    return actor(text, start, depth + 1)


def opening_subject(text: str, position: int) -> str | None:
    """The subject after a phrase that opens its clause ("Based in X, Acme has ...")."""
    after = _phrases()["after_opening"].search(text, position)
    return after["actor"] if after else None


def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts (after a semicolon, colon or full stop)."""
    starts = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def assigned(reading: Reading, mode: str | None, text: str, position: int,
             actors: Actors, base: int = 0) -> Reading:
    """A rule's reading with each claim given to whom its clause says (see the module
    docstring): a subject group that names the document's subject is the document's (a short
    form of its name not where the match names the title itself); a claim
    without one is, by the rule's `actor` mode, the actor's of the clause at `position`
    (`clause`), the subject's only where it is that actor (`own`: "was born in 2009" founds
    a business, not a person), or made only where the value, a clause, is not another's: its
    actor is the subject, or it names none, or the subject is in it (its patient, `value`); or
    made unless the clause the value stands in opens with a person (`opener`: "Jane Roe is the
    designer of 20 products", "She studied at one of the top ten ...").
    "The company" is the subject's only where no other company was named last before it
    (`text` starts at `base` in the document)."""
    drafts, skips = [], list(reading.skips)
    titled = any(actors.titled(d.subject or "") or actors.titled(str(d.value))
                 for d in reading.drafts)
    read_as, words = actors.one_word(text)
    for draft in reading.drafts:
        said = draft.subject if draft.subject is not None else (
            given_back(actor(read_as, position), words) if mode is not None else None)
        other = said and actors.other_referent(said, base + position)
        if other:
            whom = "another organisation" if other == said.strip() else other
            skips.append(Skip(0, draft.end, f"{said!r} is {whom}, not the subject"))
            continue
        if draft.subject is not None and kinds().fullmatch(draft.subject):
            drafts.append(replace(draft, subject=None))
            continue
        if draft.subject is not None:  # a place named as a subject is no organisation; where
            # the match names the title itself, a short form of it is another's ("Acme Ltd is
            # the parent of Acme Tools Ltd" in the article on Acme Tools Ltd)
            own = draft.subject_type in (None, "organisation") and actors.refers(
                draft.subject) and (actors.titled(draft.subject) or not titled)
            drafts.append(replace(draft, subject=None) if own else draft)
            continue
        if mode is None or (mode in ("value", "opener") and not actors.names):  # no title
            drafts.append(draft)
            continue
        if mode == "opener":
            opener = opening_person(text, position + draft.start, actors) or opening_other(
                text, position + draft.start, actors, base)
            if opener is None:
                drafts.append(draft)
            else:
                skips.append(Skip(draft.start, draft.end,
                                  f"the clause's actor is {opener!r}, not the subject"))
            continue
        who = given_back(actor(read_as, position + (draft.start if mode == "value" else 0)),
                         words)
        value_start = position + draft.start
        if (who is not None and actors.refers(who)) or (
                mode == "value" and (who is None or not named(who) or actors.mentioned(
                    text[value_start:position + draft.end]) or subordinate_to_subject(
                    text, value_start, actors))):
            drafts.append(draft)
        elif who is not None and mode == "clause" and not PERSONAL.fullmatch(who):
            drafts.append(replace(draft, subject=clean_name(PARENTHESIS.sub("", who))))
        else:  # a clause's skip covers the match up to the value, so that no later rule
            # reads its words as an event of their own ("established" alone)
            skips.append(Skip(0 if mode == "clause" else draft.start, draft.end,
                              f"the clause's actor is {repr(who) if who else 'not named'}, "
                              "not the subject"))
    return Reading(tuple(drafts), tuple(skips))


def given_back(phrase: str | None, words: dict[str, str]) -> str | None:
    """The phrase with each word that stood for the title (Actors.one_word) written back."""
    for word in sorted(words, key=len, reverse=True):
        phrase = phrase and phrase.replace(word, words[word])
    return phrase


def opening_person(text: str, position: int, actors: Actors) -> str | None:
    """The person the clause holding `position` opens with ("Jane Roe is the designer of 20
    products", "She studied at one of ten ..."): a personal pronoun, or a personal name (two
    to four capitalised words that name no organisation or place, none a word of the
    subject's name, none a word that opens sentences); None for anyone else."""
    who = actor(text, clause_start(text, position))
    if who is None or PERSONAL_OPENER.fullmatch(who):
        return who
    words = who.split()
    subject_words = {word for name in actors.names for word in name.split()}
    person = person_shape().fullmatch(who) and name_kind(who) is None and not (
        {word.casefold() for word in words} & subject_words) and words[0] not in opening_words()
    return who if person else None



def opening_other(text: str, position: int, actors: Actors, base: int) -> str | None:
    """The other organisation that "the <kind>" or "it" opening the clause holding `position`
    refers to (`Actors.other_referent`: "Founded in 1802, the Corporation is present in 34
    countries" after "Georg Fischer Corporation"), a company of the subject's group the text
    names (`units_of`), or who does what an -ing phrase opening it says where `position` is in
    that phrase (`opening_actor`); None where it is the subject."""
    start = clause_start(text, position)
    participle = OPENING_ING.match(text, start)
    if participle and position < participle.end():
        return opening_actor(text, participle.end(), actors)
    who = actor(text, start)
    if who is not None and plain(who) in actors.units:
        return who
    return who and actors.other_referent(who, base + start)


def opening_actor(text: str, end: int, actors: Actors) -> str | None:
    """Who does what an -ing phrase opening a clause says (up to `end`): the clause's subject
    after it, the subject only where that names it ("Serving 300 towns, the bank is ...");
    None where it does ("Knowing only two people in town, a busy catering firm was ..." names
    nobody who knew them)."""
    who = opening_subject(text, end - 1)
    if who is not None and actors.refers(who):
        return None
    return who or "nobody the text names"


@cache
def person_shape() -> re.Pattern:
    """Two to four words of a personal name (normalise.names.name_word) or initials."""
    word = name_word()
    return re.compile(rf"{word}(?: (?:{INITIAL}|{word})){{1,3}}")

@cache
def opening_words() -> frozenset[str]:
    """Capitalised words that open sentences, never a name's first word (names.yaml)."""
    return frozenset(rulebook.load("names")["not_name_words"])


def subordinate_to_subject(text: str, position: int, actors: Actors) -> bool:
    """Whether the clause at `position` is tied by "when", "after" ... to a clause whose actor
    is the subject ("Acme was formed in 1955 when A and B merged")."""
    if not SUBORDINATE_TAIL.search(text, 0, position):
        return False
    governing = actor(text, clause_start(text, position))
    return governing is not None and actors.refers(governing)
