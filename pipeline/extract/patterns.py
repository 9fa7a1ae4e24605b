"""The rules' patterns and claims: how a YAML rule's pattern is compiled, and how a match of it
reads the claims its spec names (engine.py applies the rules).

A family's file `pipeline/rules/<family>.yaml` holds `rules:`, each with an `id`, a `pattern`
and the `claims` its named groups make:

    - id: moved-headquarters
      pattern: 'In (?P<date>{DATE}), {SELF} moved its headquarters
                from (?P<old>{NAME}) to (?P<new>{NAME})'   # (one line in the file)
      claims:
        - {property: headquarters, value: new, dates: {start_time: date}}
        - {property: headquarters, value: old, dates: {end_time: date}}

A claim spec: `property`; `value` (the group holding the value as written); optional `subject`
(a group naming the subject, or a list of groups of which the first that matched names it;
without it, or when it names the document's subject by a pronoun, the claim is about the
document's subject), `subject_type`, `type` (overrides the property's
value type), `split: list` (one claim per item of "A, B and C"); qualifiers from groups read as
EDTF dates (`dates:`, a group or a list of groups of which the first that matched is read), as
written (`text:`), as a number word or ordinal (`ordinals:`), or fixed (`set:`). A claim spec
with `skip: reason` publishes no claim: the value group's text is listed as skipped, with the
reason. Macros in braces come from `pipeline/rules/prose.yaml` (`{NAME}`, `{SELF}`, ...) and
from the normalisers: `{QUANTITY}`, `{DATE}` (a date phrase) and `{NOT_DATE}` (no date phrase
starts here), the last two compiled as `RuleRegex` explains.

A match is the claim's evidence; the rule applied to the evidence alone (`fullmatch`) reads the
same claims again, which is how the validator re-derives them.
"""

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline import rulebook
from pipeline.extract.model import Draft, Reading, Skip
from pipeline.extract.needs import rule_needs
from pipeline.normalise.dates import (
    DATE_PATTERN,
    DATE_SHAPE,
    SURE_DATE,
    DateParseError,
    date_regex_sources,
    is_date_match,
    parse_date,
    starts_date,
)
from pipeline.normalise.names import clean_name, role_name, split_rank
from pipeline.normalise.numbers import quantity_pattern
from pipeline.normalise.values import normalise
from pipeline.regexes import compile_ahead, compiled
from pipeline.spans import pieces

MACRO = re.compile(r"\{(?P<name>[A-Z_]+)\}")
DATE_MACRO = re.compile(r"\{(?P<name>DATE|NOT_DATE)\}")
EXACT_DATES = {"DATE": f"(?:{DATE_PATTERN})", "NOT_DATE": f"(?!{DATE_PATTERN})"}
# A comma before a generational suffix ("Hugh McColl, Jr.") parts no list.
LIST_SEPARATOR = re.compile(r"\s*,(?!\s*(?:Jr|Sr|II|III|IV)\b)\s*(?:and\s+)?|\s+and\s+")
DEFINITE_KIND = re.compile(r"[Tt]he\s")  # "the company": which one, the text before it says
PROSE_KINDS = ("prose",)


@dataclass(frozen=True)
class RuleRegex:
    """A rule's regex: compiled with DATE_SHAPE where the rule says {DATE} and SURE_DATE where it
    says {NOT_DATE}, each in a group of its own and checked after a match; and what every match
    needs (pipeline/extract/needs.py), so that a sentence without it is not searched.

    DATE_PATTERN is large: compiled into every rule that names a date, it made compiling the
    rules take seconds. DATE_SHAPE matches every span DATE_PATTERN matches, and more, and both
    try their ends longest first; where SURE_DATE matches, DATE_PATTERN does (tests/test_dates.py
    checks all three). So the shaped regex tries what the exact one tries, in the same order,
    and more: a match whose {DATE} groups hold what DATE_PATTERN matches there, and whose
    {NOT_DATE} groups stand where it matches nothing, is the exact regex's match. For any other
    match the exact regex, compiled then, searches again. This holds while no {DATE} or
    {NOT_DATE} stands in a repetition, a negative lookaround, a lookbehind or an atomic group
    (tests/test_extract_rules.py checks every rule).
    """

    source: str  # the shaped pattern, compiled when first used (see `shaped`)
    exact: str  # the pattern with DATE_PATTERN itself in place of the macros
    dates: tuple[str, ...]  # the groups of the shaped regex at each {DATE}
    not_dates: tuple[str, ...]  # ... and at each {NOT_DATE}
    written: tuple[str, tuple[tuple[str, str], ...]]  # the pattern and macros, for `needs`

    @cached_property
    def shaped(self) -> re.Pattern:
        """Compiled when first used: re-deriving one article's claims needs a few rules, not
        all of them (prepare() compiles them all before workers fork)."""
        return compiled(self.source)

    @cached_property
    def needs(self) -> tuple[tuple[str, ...], ...]:
        """What every match needs (see pipeline/extract/needs.py), read when first used."""
        return _needs_of(*self.written)

    def finditer(self, string: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match]:
        for match in self.shaped.finditer(string, pos, endpos):
            if not self.holds(match, endpos):
                yield from compiled(self.exact).finditer(string, match.start(), endpos)
                return
            yield match

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        match = self.shaped.fullmatch(string, pos, endpos)
        if match is None or self.holds(match, endpos):
            return match
        return compiled(self.exact).fullmatch(string, pos, endpos)

    def holds(self, match: re.Match, endpos: int) -> bool:
        """Whether the exact regex would have read the match's dates just as the shaped one."""
        text = match.string
        return (all(is_date_match(text, *match.span(g), endpos) for g in self.dates
                    if match.start(g) >= 0)
                and not any(starts_date(text, match.start(g), endpos) for g in self.not_dates
                            if match.start(g) >= 0))


@cache
def _macros() -> dict[str, str]:
    macros = dict(rulebook.load("prose")["macros"])
    macros["QUANTITY"] = quantity_pattern()
    return macros


def expand(pattern: str, local: dict[str, str] | None = None) -> str:
    """Replace `{NAME}` macros (recursively) by their regexes, each in a non-capturing group;
    `local` adds a family's own macros to the shared ones. `{DATE}` and `{NOT_DATE}` are left
    for `compile_rule`."""
    macros = _macros() | (local or {})
    for _ in range(10):
        expanded = MACRO.sub(lambda m: f"(?:{macros[m['name']]})" if m["name"] in macros
                             else m.group(), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"macros nest too deeply in {pattern!r}")


def compile_rule(pattern: str, local: dict[str, str] | None = None) -> RuleRegex:
    """A rule's pattern with its macros (the family's own in `local`) expanded, compiled."""
    source = expand(pattern, local)
    groups: dict[str, list[str]] = {"DATE": [], "NOT_DATE": []}

    def shaped(macro: re.Match) -> str:
        kind = macro["name"]
        group = f"_{kind.lower()}{sum(map(len, groups.values()))}"
        groups[kind].append(group)
        return f"(?P<{group}>{DATE_SHAPE})" if kind == "DATE" else f"(?!{SURE_DATE})(?P<{group}>)"

    regex = RuleRegex(DATE_MACRO.sub(shaped, source),
                      DATE_MACRO.sub(lambda macro: EXACT_DATES[macro["name"]], source),
                      tuple(groups["DATE"]), tuple(groups["NOT_DATE"]),
                      (pattern, tuple(sorted((_macros() | (local or {})).items()))))
    MADE.append(regex)
    return regex


MADE: list[RuleRegex] = []  # every rule regex made, so that compile_all can compile them


def compile_all(compile_many: Callable[[list[str]], list[re.Pattern]] | None = None,
                remember: Callable[[Callable, list[tuple]], list] | None = None) -> None:
    """Compile every rule regex made so far, and read what each needs. `compile_many`, if
    given, compiles the sources in one go (from a store of compiled regexes, say: see
    cache.compiled_regexes), which gives what re.compile would, sooner; `remember`, if given,
    calls a pure function on each of a list of inputs, from what an earlier build kept
    (cache.Memo.map): reading the needs parses every pattern, which took a second."""
    if compile_many is not None:  # with the date forms the rules' dates are checked with
        compile_ahead([regex.source for regex in MADE] + date_regex_sources(), compile_many)
    unread = sorted({regex.written for regex in MADE} - _NEEDS.keys())
    if remember is not None and unread:
        _NEEDS.update(zip(unread, remember(_read_needs, unread), strict=True))
    for regex in MADE:
        regex.shaped, regex.needs  # noqa: B018 (each property compiles once and keeps it)


_NEEDS: dict[tuple, tuple] = {}  # each pattern's needs read once in a process


def _needs_of(pattern: str, macros: tuple[tuple[str, str], ...]) -> tuple:
    if (pattern, macros) not in _NEEDS:
        _NEEDS[pattern, macros] = _read_needs(pattern, macros)
    return _NEEDS[pattern, macros]


def _read_needs(pattern: str, macros: tuple[tuple[str, str], ...]) -> tuple:
    return rule_needs(pattern, dict(macros))


@cache
def _self_words() -> re.Pattern:
    prose = rulebook.load("prose")
    words = "|".join(re.escape(w) for w in prose["self_references"])
    return re.compile(rf"{words}|(?:the\s+|its\s+)?(?:{prose['macros']['KINDS']})",
                      re.IGNORECASE)


def subject_of(text: str | None, definite: bool = False) -> str | None:
    """The subject named by a group, or None when it is the document's own subject. With
    `definite`, "the company" stays as written: it is the subject's only where no other company
    was named last before it, which the clause's reading says (clauses.assigned)."""
    if text is None:
        return None
    if definite and DEFINITE_KIND.match(text.strip()) and _self_words().fullmatch(text.strip()):
        return " ".join(text.split())
    if _self_words().fullmatch(text.strip()):
        return None
    return clean_name(text)


def value_spans(match: re.Match, group: str, split: str | None) -> list[tuple[int, int]]:
    start, end = match.span(group)
    if split != "list":
        return [(start, end)]
    return [(a, b) for a, b in pieces(match.string, start, end, LIST_SEPARATOR) if a < b]



def first_matched(match: re.Match, groups: str | list[str]) -> str:
    """The group of a list that matched first (a regex names a group once, and English puts a
    date before, "In 1989, X split from Y", or after, "X split from Y in 1989", what it dates)."""
    groups = [groups] if isinstance(groups, str) else groups
    return next((group for group in groups if match[group] is not None), groups[0])

def qualifiers_of(match: re.Match, spec: dict) -> dict[str, str]:
    """Qualifiers from the spec's groups, and fixed ones (`set`, or `set_if` a group matched:
    a seat followed by "then in B" is a former one); raises DateParseError for a date that is
    not one."""
    found = {}
    for name, groups in spec.get("dates", {}).items():
        group = first_matched(match, groups)
        if match[group] is not None:
            found[name] = parse_date(match[group]).edtf
    for name, group in spec.get("text", {}).items():
        if match[group] is not None:
            found[name] = role_name(match[group]) if name == "role" else clean_name(match[group])
    ordinals = rulebook.load("prose")["ordinals"]
    for name, group in spec.get("ordinals", {}).items():
        if match[group] is not None:
            found[name] = str(ordinals[match[group].lower()])
    for group, fixed in spec.get("set_if", {}).items():
        if match[group] is not None:
            found |= fixed
    return found | spec.get("set", {})



def date_not_read(match: re.Match, base: int, error: DateParseError) -> Reading:
    """A match whose date is no date: the whole match is reported with the reason, not read
    without its time (a claim that lost its date would state something else)."""
    start, end = match.span()
    return Reading(skips=(Skip(start - base, end - base, f"a date not read: {error}"),))

def read_claim(match: re.Match, spec: dict, base: int, definite: bool = False) -> Reading:
    """The drafts (offsets relative to `base`) one claim spec makes from a match; `definite`:
    a subject "the company" stays as written (see `subject_of`)."""
    if match[spec["value"]] is None:
        return Reading()
    if "skip" in spec:
        start, end = match.span(spec["value"])
        return Reading(skips=(Skip(start - base, end - base, spec["skip"]),))
    catalogue = rulebook.properties()[spec["property"]]
    value_type = spec.get("type", catalogue["value_type"])
    object_type = spec.get("object_type", catalogue.get("object_type"))
    try:
        qualifiers = qualifiers_of(match, spec)
    except DateParseError as error:
        return date_not_read(match, base, error)
    subject = (subject_of(match[first_matched(match, spec["subject"])], definite)
               if spec.get("subject") else None)
    drafts = []
    for start, end in value_spans(match, spec["value"], spec.get("split")):
        own = dict(qualifiers)
        if object_type == "person" and value_type == "entity":
            rank, offset = split_rank(match.string[start:end])
            if rank:
                own["rank"] = rank
                start += offset
        try:
            value, extra = normalise(value_type, match.string[start:end], object_type)
        except ValueError as error:
            return Reading(skips=(Skip(start - base, end - base, f"not read: {error}"),))
        drafts.append(Draft(spec["property"], value, value_type, start - base, end - base,
                            subject=subject, subject_type=spec.get("subject_type"),
                            object_type=object_type if value_type == "entity" else None,
                            qualifiers=tuple(sorted((own | extra).items()))))
    return Reading(tuple(drafts))
