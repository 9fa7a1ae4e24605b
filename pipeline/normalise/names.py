"""Names as written -> canonical names: no leading article, no rank, single spaces.

Also what the names and people families need to judge a name: its words, whether an
abbreviation is made of its initials, what kind of thing it names (head nouns), and the script
and language of a native name (pipeline/rules/languages.yaml).
"""

import re
from functools import cache

from pipeline import rulebook
from pipeline.spans import trimmed

SPACES = re.compile(r"\s+")
TRIM = " \t\n,;:.*•·-–—\"'“”‘’"
# Letters each with its dot ("S.A.S", "U.S"): never written without the last one, so a full stop
# after them is theirs too.
INITIALS = r"\b[A-Z]\.[A-Z]"
INITIALS_END = re.compile(rf"{INITIALS}$")
# A name's last word that is written with a full stop: an initial, or an abbreviated legal form
# (in capitals too: "ACME LTD.") or generational suffix.
ABBREVIATION_END = re.compile(rf"(?:{INITIALS}|\b(?:Inc|Ltd|Co|Corp|INC|LTD|CORP|Jr|Sr|Bros))$")
CAPITAL = "[A-ZÀ-ÖØ-Þ]"  # a capital letter of a name, Latin letters with accents too
INITIAL = r"[A-Z]\."
ROLE_TITLES = ("office_titles", "people/roles/not_titles", "people/other_offices")
ARTICLE = re.compile(r"(?:[Tt]he\s+)?")
NICKNAME = re.compile(r"\s+[\"“][^\"“”]+[\"”](?=\s)")


def clean_name(text: str) -> str:
    """The name without surrounding punctuation, bullets, quotes or a leading article; the
    dot that ends an abbreviation stays ("Marcopolo S.A.", "Washington, D.C.")."""
    spaced = SPACES.sub(" ", text)
    name = spaced.strip(TRIM)
    for article in rulebook.load("names")["leading_articles"]:
        if name.startswith(article + " "):
            name = name[len(article) + 1:]
    name = name.strip(TRIM)
    if ABBREVIATION_END.search(name) and name + "." in spaced:
        name += "."
    return name



def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a name without a leading "the" and surrounding punctuation or space. The dot
    that ends an abbreviation stays, as clean_name keeps it ("Acme Corp. (NYSE: AC)"), except at
    the end of the text, where it may be the sentence's full stop ("a unit of Acme Inc."),
    unless the name ends in letters each with its dot ("a unit of Airbus S.A.S.")."""
    stop = end
    start, end = trimmed(text, ARTICLE.match(text, start, end).end(), end, TRIM)
    if end < stop and text[end] == "." and (
            INITIALS_END.search(text, start, end) if end + 1 == len(text)
            else ABBREVIATION_END.search(text, start, end)):
        end += 1
    return start, end


def ranks_and_titles() -> list[str]:
    """Words written before a person's name that are not part of it: military ranks (names.yaml)
    and civil or religious titles (people.yaml `titles`: Sir, Professor, Canon)."""
    return [*rulebook.load("names")["ranks"], *rulebook.load("people")["titles"]]


@cache
def _rank_pattern() -> re.Pattern:
    ranks = sorted(ranks_and_titles(), key=len, reverse=True)
    return re.compile(r"(?P<rank>" + "|".join(re.escape(r) for r in ranks) + r")\s+(?=[A-Z])")


def split_rank(text: str) -> tuple[str | None, int]:
    """A rank or title written before a person's name, and where the name itself starts."""
    match = _rank_pattern().match(text)
    if not match:
        return None, 0
    return match["rank"], match.end()


def starts_alike(name: str, title: str) -> bool:
    """Whether a name starts with the title's first word, or the title with the name's, spaces
    and a rank or title before a person's name aside ("Grey Wolf Therapeutics" and
    "GreyWolf Therapeutics", "Sir John Maitland" and "John Maitland")."""
    def words(text: str) -> list[str]:
        text = clean_name(text)
        text = text[split_rank(text)[1]:]
        return ["".join(filter(str.isalnum, word)).casefold() for word in text.split()] or [""]
    name_words, title_words = words(name), words(title)
    return "".join(name_words).startswith(title_words[0]) or "".join(title_words).startswith(
        name_words[0])


def person_name(text: str) -> str:
    """A person's canonical name: cleaned, with any rank before it and post-nominal letters
    after it ("Ian Young AO") removed, and a nickname in quotes inside it (John "Shoes" Moshoeu)."""
    name = clean_name(NICKNAME.sub("", text))
    while True:
        rank, start = split_rank(name)
        if rank is None:
            break
        name = name[start:]
    return _post_nominals().sub("", name)


@cache
def _post_nominals() -> re.Pattern:
    letters = "|".join(re.escape(p) for p in rulebook.load("names")["post_nominals"])
    return re.compile(rf"(?:,?\s+(?:{letters}))+$")




@cache
def name_word() -> str:
    """A word of a personal name, one reading for the people family's {PEOPLE_PERSON}, the
    person opening a clause (clauses.person_shape) and the organisation gate's personal name: a
    capital and small letters, Latin letters with accents too ("Déby", "Özoğuz"), after a
    surname prefix written with a capital after it ("McColl", "DeVito", people.yaml
    surname_prefixes), with parts joined by an apostrophe or a hyphen ("O'Grady",
    "Jean-Michel")."""
    prefixes = "|".join(map(re.escape, rulebook.load("people")["surname_prefixes"]))
    return (rf"(?:(?:{prefixes})(?=[A-Z]))?{CAPITAL}(?:[a-zß-öø-ÿĀ-ſ]+|(?=['’-]))"
            r"(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*")

def role_titles() -> tuple[str, ...]:
    """The office titles that prose names a role by (vocabulary.yaml office_titles, less
    people.yaml roles.not_titles and other_offices)."""
    return rulebook.words(*ROLE_TITLES)


def role_titles_pattern() -> str:
    """role_titles() as a regex alternation, longest first."""
    return rulebook.words_pattern(*ROLE_TITLES)


def role_modifiers() -> tuple[str, ...]:
    """The words before a title that make another role of it in prose ("vice", "acting")."""
    return rulebook.words("office_modifiers", "people/roles/not_modifiers")


@cache
def office() -> re.Pattern:
    """An office as an infobox names it, in a key or beside its holder ("Deputy Secretary
    General", "Vice Chairpeople"): modifiers and a title of vocabulary.yaml (less
    infobox.yaml offices.not_titles), in any case, maybe plural; a space or a hyphen inside
    one stands for either."""
    titles = rulebook.words("office_titles", "infobox/offices/not_titles")
    modifiers = rulebook.words("office_modifiers")
    return re.compile(rf"(?:(?:{_spaced(modifiers)})[ -])*(?:{_spaced(titles)})s?",
                      re.IGNORECASE)


def _spaced(words) -> str:
    """Any of the words, longest first, a space or hyphen in one matching either, and the full
    stop that ends an abbreviation ("gen. sec.") left out or not (a list item loses it)."""
    return "|".join(re.sub(r"\\\.$", r"\\.?", "[ -]".join(map(re.escape, re.split(r"[ -]", word))))
                    for word in sorted(words, key=len, reverse=True))

def role_name(text: str) -> str:
    """A role as a lower-case singular phrase ("Deputy chairmen" -> "deputy chairman")."""
    words = clean_name(text).lower().split(" ")
    plurals = rulebook.load("names")["role_plurals"]
    words[-1] = plurals.get(words[-1], words[-1])
    return " ".join(words)


def name_words(name: str) -> list[str]:
    """The words of a name, split at spaces and at dashes or slashes ("Self-Administered")."""
    return [word for word in re.split(r"[\s/\-–—]+", name) if word]


@cache
def _vocabulary(key: str) -> frozenset[str]:
    return frozenset(rulebook.load("names")[key])


def drop_leading_words(name: str) -> str:
    """The name without the sentence words a capitalised run picks up ("In Rakhine State").

    A name as matched may start with a capitalised word that opens the sentence (`In`,
    `However`) or with a small linking word left over from a trimmed tail; neither is part of
    the name.
    """
    words = name.split(" ")
    while words and (words[0] in _vocabulary("not_name_words") or words[0][:1].islower()):
        words = words[1:]
    return " ".join(words)


def _letters(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalpha())


def _initial_words(name: str) -> list[tuple[str, bool]]:
    """Each word's letters, and whether it may give no initial: a small lower-case word (of,
    the) or the part of a hyphenated word after the hyphen ("Pa-O National Organisation", PNO).
    """
    words = []
    for token in re.split(r"[\s/–—]+|\s-\s", name):
        parts = [part for part in token.split("-") if part]
        words += [(_letters(part), index > 0 or part[:1].islower())
                  for index, part in enumerate(parts)]
    return [(letters, optional) for letters, optional in words if letters]


def _spell(words: list[tuple[str, bool]], letters: str) -> bool:
    """Whether the words spell the letters, each giving one or more of its first letters.

    Optional words (see `_initial_words`) may give a letter or none, as in "League of Arakan"
    (ULA) and "Union of Myanmar Economic Holdings" (UMEH).
    """
    if not words:
        return not letters
    (word, optional), rest = words[0], words[1:]
    if optional and _spell(rest, letters):
        return True
    size = 1
    while size <= len(word) and letters[:size] == word[:size]:
        if _spell(rest, letters[size:]):
            return True
        size += 1
    return False


def initials_match(name: str, abbreviation: str, exact: bool = False) -> bool:
    """Whether the abbreviation is made of the name's initials.

    Loose (the default): each capitalised word gives one or more of its first letters, small
    words and parts after a hyphen may give none ("Arakan Rohingya Salvation Army" ARSA,
    "Pa-O National Organisation" PNO). Exact: each capitalised word gives exactly its first
    letter and small words none ("New Democratic Army – Kachin" NDA-K), for abbreviations the
    text never puts beside the name.
    """
    letters = _letters(abbreviation)
    if exact:
        words = name_words(name)
        return len(letters) >= 2 and "".join(
            _letters(word)[:1] for word in words if not word[:1].islower()) == letters
    return bool(letters) and _spell(_initial_words(name), letters)


def abbreviated_name(name: str, abbreviation: str) -> str | None:
    """The longest tail of the name whose initials make the abbreviation, or None.

    A capitalised run before "(KIA)" may start with words that are not part of the name
    ("Arakan Army and Kachin Independence Army (KIA)"); the abbreviation tells where it starts.
    """
    words = name.split(" ")
    for start in range(len(words)):
        tail = drop_leading_words(" ".join(words[start:]))
        if tail and initials_match(tail, abbreviation):
            return tail
    return None


def name_kind(name: str) -> str | None:
    """The kind of thing a name names (organisation, place) from its head noun, or None.

    The last word that is a head noun decides: "Shan State Army" is an organisation, "Wa
    Self-Administered Division" a place. A name with no head noun ("Myanmar") is not guessed.
    """
    heads = rulebook.load("names")["entity_heads"]
    for word in reversed(name_words(name)):
        for kind, words in heads.items():
            if word in words:
                return kind
    return None
