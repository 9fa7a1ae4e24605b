"""What every match of a rule contains, read from its pattern, so that a sentence without it is
not searched by the rule: there are many rules, and most sentences hold the words of few.

A rule's needs are clauses, each a set of texts one of which every match contains (in the text
as `folded` writes it). They are read from Python's own parse of the pattern (`re._parser`, what
`re.compile` reads it with), each macro once where it is defined: `{DATE}` needs a digit (every
date phrase has one), `{NOT_DATE}` nothing, another macro what its regex needs. The reading is
conservative: what it cannot read (a class of many letters, an optional part, a lookbehind,
which may look before the sentence) needs nothing, so a rule never matches in a sentence that
lacks its needs. Needs change how fast rules run, never what they read.

A `Prefilter` picks, in one pass over a text, the rules of a family worth trying there.
"""

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

Clause = frozenset[str]
DIGITS: Clause = frozenset("0123456789")
MACRO = re.compile(r"\{(?P<name>[A-Z_]+)\}")
# Letters that IGNORECASE matches with an ASCII letter, but that lower() keeps apart ("ı", "ſ")
# or makes two characters ("İ").
FOLD_LETTERS = ("İ", "ı", "ſ")
FOLD = str.maketrans(dict(zip(FOLD_LETTERS, ("i", "i", "s"), strict=True)))
DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit that is not ASCII, as \d matches it
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def folded(text: str) -> str:
    """The text as needs are looked up in: lower case, FOLD's letters made ASCII, and every
    decimal digit an ASCII one (all of which only a text that is not ASCII needs; translating
    a long text costs more than looking for FOLD's three letters in it)."""
    if text.isascii():
        return text.lower()
    if any(letter in text for letter in FOLD_LETTERS):
        text = text.translate(FOLD)
    return DIGIT.sub("0", text.lower())


class Vocabulary:
    """Every text the prefilters of this process need, found in a text in one pass for all of
    them: an Aho-Corasick automaton (pyahocorasick) reports each occurrence of any of them. The
    families read the same sentences one after another, so what a text holds is remembered for
    the texts read last."""

    def __init__(self):
        self.words: set[str] = set()
        self.automaton: ahocorasick.Automaton | None = None
        self.present = lru_cache(maxsize=TEXTS_REMEMBERED)(self._present)

    def add(self, words: set[str]) -> None:
        if not self.words.issuperset(words):
            self.words |= words
            self.automaton = None
            self.present.cache_clear()

    def _present(self, folded_text: str) -> frozenset[str]:
        """The words the text (as `folded` writes it) holds."""
        if not self.words:  # an automaton without words cannot search
            return frozenset()
        if self.automaton is None:
            self.automaton = ahocorasick.Automaton()
            for word in self.words:
                self.automaton.add_word(word, word)
            self.automaton.make_automaton()
        return frozenset(word for _, word in self.automaton.iter(folded_text))


TEXTS_REMEMBERED = 1024  # more than the stretches of text a large article's families read
VOCABULARY = Vocabulary()


class Prefilter:
    """Which of a family's rules a text may match: a rule is worth trying when each of its
    clauses has a text the text holds (VOCABULARY finds them, in one pass for every family).
    Rules are indexed by their first clause (the rarest, see rule_needs), so a text costs the
    rules whose rarest need it holds, not every rule: a new rule adds words to the automaton,
    not work to every sentence."""

    def __init__(self, needs: Sequence[tuple[tuple[str, ...], ...]]):
        self.rest = [[frozenset(clause) for clause in clauses[1:]] for clauses in needs]
        self.always = [index for index, clauses in enumerate(needs) if not clauses]
        self.by_text: dict[str, list[int]] = {}
        for index, clauses in enumerate(needs):
            for text in clauses[0] if clauses else ():
                self.by_text.setdefault(text, []).append(index)
        self.first_texts = frozenset(self.by_text)
        VOCABULARY.add({text for clauses in needs for clause in clauses for text in clause})

    def candidates(self, folded_text: str) -> list[int]:
        """The indexes, in order, of the rules whose needs the text (as `folded` writes it)
        holds. Only the texts both this family's rules and the text hold are looked up (a
        sentence holds some forty of the vocabulary's words, most of them other families')."""
        present = VOCABULARY.present(folded_text)
        chosen = set(self.always)
        for text in present & self.first_texts:
            chosen.update(self.by_text[text])
        return sorted(index for index in chosen
                      if all(not present.isdisjoint(clause) for clause in self.rest[index]))


def rule_needs(pattern: str, macros: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    """The clauses of a pattern whose macros are `macros` (and DATE, NOT_DATE), rarest first
    (longest shortest text); a clause that a space satisfies is left out."""
    clauses = {c for c in _needs(pattern, tuple(sorted(macros.items())), False)
               if not any(text.isspace() for text in c)}
    return tuple(tuple(sorted(c)) for c in
                 sorted(clauses, key=lambda c: (-_rarity(c), len(c), sorted(c))))


@cache
def _needs(pattern: str, macros: tuple[tuple[str, str], ...], ignore_case: bool) -> list[Clause]:
    """The clauses of a pattern, its macros parsed as empty groups and read on their own."""
    named = dict(macros)
    groups: list[str] = []

    def placeholder(macro: re.Match) -> str:
        if macro["name"] not in named and macro["name"] not in ("DATE", "NOT_DATE"):
            return macro.group()
        groups.append(macro["name"])
        return f"(?P<_macro{len(groups)}>)"

    try:
        parsed = sre_parse.parse(MACRO.sub(placeholder, pattern),
                                 re.IGNORECASE if ignore_case else 0)
    except re.error:  # a part that refers to a group outside it: read as needing nothing
        return []
    by_group = {parsed.state.groupdict[f"_macro{i}"]: name for i, name in enumerate(groups, 1)}
    return _Reader(macros, by_group).sequence(parsed, bool(parsed.state.flags & re.IGNORECASE))


class _Reader:
    """Walks a parsed pattern (see `re._parser`), collecting what each match must contain."""

    def __init__(self, macros: tuple[tuple[str, str], ...], by_group: dict[int, str]):
        self.macros, self.by_group = macros, by_group

    def sequence(self, items, ignore_case: bool) -> list[Clause]:
        """Consecutive letters make one text; each other item adds its own clauses."""
        clauses, run = [], ""
        for op, value in items:
            letter = _letter(op, value, ignore_case)
            if letter:
                run += letter
                continue
            clauses += [frozenset([run])] if run else []
            run = ""
            clauses += self.item(op, value, ignore_case)
        return clauses + ([frozenset([run])] if run else [])

    def item(self, op, value, ignore_case: bool) -> list[Clause]:
        if op is sre.SUBPATTERN:
            group, add, remove, items = value
            ignore_case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            return self.group(group, items, ignore_case)
        if op in REPEATS:
            low, _, items = value
            return self.sequence(items, ignore_case) if low > 0 else []
        if op is sre.ATOMIC_GROUP:
            return self.sequence(value, ignore_case)
        if op is sre.ASSERT and value[0] > 0:  # a lookahead: within the sentence too
            return self.sequence(value[1], ignore_case)
        if op is sre.BRANCH:
            return self.branch(value[1], ignore_case)
        if op is sre.IN and all(_digits(o, v) for o, v in value):
            return [DIGITS]
        return []

    def group(self, group, items, ignore_case: bool) -> list[Clause]:
        name = self.by_group.get(group)
        if name is None:
            return self.sequence(items, ignore_case)
        if name in ("DATE", "NOT_DATE"):
            return [DIGITS] if name == "DATE" else []
        return _needs(dict(self.macros)[name], self.macros, ignore_case)

    def branch(self, alternatives, ignore_case: bool) -> list[Clause]:
        """One clause: the rarest clause of every alternative, together; none if one has none."""
        rarest = []
        for items in alternatives:
            clauses = self.sequence(items, ignore_case)
            if not clauses:
                return []
            rarest.append(max(clauses, key=lambda c: (_rarity(c), -len(c))))
        return [frozenset().union(*rarest)]


def _rarity(clause: Clause) -> int:
    """How rare a clause is in prose, roughly: the length of its shortest text, a letter or
    digit counting one more than punctuation (a sentence without a digit is common, one
    without a comma is not)."""
    return min(len(text) + any(ch.isalnum() for ch in text) for text in clause)


def _digits(op, value) -> bool:
    """Whether a member of a class ([0-9], [12], \\d) is only decimal digits."""
    if op is sre.CATEGORY:
        return value is sre.CATEGORY_DIGIT
    low, high = value if op is sre.RANGE else (value, value)
    return op in (sre.LITERAL, sre.RANGE) and ord("0") <= low <= high <= ord("9")


def _letter(op, value, ignore_case: bool) -> str | None:
    """The ASCII character, in lower case, that a literal or a class like [Tt] stands for."""
    if op is sre.LITERAL:
        members = [value]
    elif op is sre.IN and all(o is sre.LITERAL for o, _ in value):
        members = [v for _, v in value]
    else:
        return None
    letters = {chr(m).lower() for m in members}
    letter = letters.pop() if len(letters) == 1 else None
    return letter if letter is not None and letter.isascii() else None
