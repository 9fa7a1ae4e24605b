"""Names family: official names, abbreviations, native names with language and script, English
glosses, former names with the years they held.

Rules are data in `pipeline/rules/names.yaml`, in the pattern engine's format (patterns.py). A
few things names need that the engine does not do are keys this module reads:

rule keys
    scope: sentence (default, each prose sentence) | title (the document's first sentence, its
        title heading) | section (the prose of one section at once, for a statement made over
        two sentences; each claim still cites the sentence its value is in)
    search: {starts, ends} - try every span from a `starts` match to a later `ends` match, not
        only the leftmost one (the engine's left-to-right search would hide a later pair)
    overrides: [rule ids] - matches of those rules that overlap a value this rule read are
        dropped (the longer statement says more about the same words)
    skip: reason - the match is reported as skipped with the reason, nothing is published
claim keys
    read: parenthesis - the group is a name parenthesis, read part by part (`read_parenthesis`);
        `unmarked`: the property of a plain Latin-script part (default: not a name parenthesis
        unless some part is marked by a label, a script or a prefix word)
    read: alternatives - "the UWSA or the UWS Army": one name each
    check: initials | exact_initials | alias - see `checked`
    kind: heads - the subject's type (organisation, place) from its head noun, else
        `subject_type`, else the match is reported as skipped

The rule runner (`RuleSet`) is shared with the people family.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.model import Draft, Found, Reading, Skip
from pipeline.extract.needs import folded
from pipeline.normalise.names import (
    TRIM,
    abbreviated_name,
    clean_name,
    drop_leading_words,
    initials_match,
    language_of,
    name_kind,
    script_of,
    scripts_in,
)
from pipeline.read import trimmed

FAMILY = "names"
LATIN = "Latn"
ORGANISATION = "organisation"


@dataclass(frozen=True)
class Rule:
    rule_id: str
    regex: patterns.RuleRegex
    spec: dict  # the rule as written in YAML


Reader = Callable[[Rule, re.Match], Reading]


class RuleSet:
    """One family's YAML rules, compiled with its own macros, and how they are applied."""

    def __init__(self, family: str, macros: Callable[[], dict[str, str]] = dict):
        self.family = family
        self._macros = macros

    def regex(self, pattern: str) -> patterns.RuleRegex:
        """The pattern with the family's macros and the shared ones expanded, compiled."""
        return _compile(pattern, tuple(sorted(self._macros().items())))

    @cached_property
    def rules(self) -> dict[str, Rule]:
        rules = {}
        for spec in rulebook.load(self.family)["rules"]:
            rule_id = f"{self.family}/{spec['id']}"
            rules[rule_id] = Rule(rule_id, self.regex(spec["pattern"]), spec)
        return rules

    def find(self, document, sentences, read: Reader) -> list[Found]:
        """Every rule in every scope it applies to, overridden matches left out."""
        found = []
        folded_texts: dict[tuple[int, int], str] = {}  # each scope's text, folded once
        for rule in self.rules.values():
            for members, start, end in scopes(rule.spec.get("scope", "sentence"), sentences):
                if (start, end) not in folded_texts:
                    folded_texts[start, end] = folded(document.text[start:end])
                if not rule.regex.may_match(folded_texts[start, end]):
                    continue
                for offset, match in self.candidates(rule, document.text[start:end], start):
                    reading = read(rule, match)
                    found += placed(rule.rule_id, members, offset + match.start(),
                                    offset + match.end(), reading)
        return without_overridden(found, self.rules)

    def candidates(self, rule: Rule, text: str, offset: int) -> Iterator[tuple[int, re.Match]]:
        """Matches in the text, each with the document offset of its string."""
        search = rule.spec.get("search")
        if not search:
            yield from ((offset, match) for match in rule.regex.finditer(text))
            return
        ends = list(self.regex(search["ends"]).finditer(text))
        for first in self.regex(search["starts"]).finditer(text):
            for last in ends:
                if last.start() < first.end():
                    continue
                match = rule.regex.fullmatch(text[first.start():last.end()])
                if match:
                    yield offset + first.start(), match

    def rederive(self, rule_id: str, evidence: str, read: Reader) -> Reading:
        rule = self.rules.get(rule_id)
        match = rule.regex.fullmatch(evidence) if rule else None
        return read(rule, match) if match else Reading()


@cache
def _compile(pattern: str, macros: tuple[tuple[str, str], ...]) -> patterns.RuleRegex:
    return patterns.compile_rule(pattern, dict(macros))


def scopes(scope: str, sentences) -> list[tuple[list, int, int]]:
    """(sentences, start, end) of each stretch of text a rule of this scope is applied to."""
    if scope == "title":
        title = sentences[:1] if sentences and sentences[0].kind == "heading" else []
        return [([s], s.char_start, s.char_end) for s in title]
    prose = [s for s in sentences if s.kind in patterns.PROSE_KINDS]
    if scope == "sentence":
        return [([s], s.char_start, s.char_end) for s in prose]
    sections: dict[str, list] = {}
    for sentence in prose:
        sections.setdefault(sentence.section_id, []).append(sentence)
    return [(members, members[0].char_start, members[-1].char_end)
            for members in sections.values()]


def placed(rule_id: str, members: list, start: int, end: int, reading: Reading) -> list[Found]:
    """The reading cited sentence by sentence: each part in the sentence its text lies in."""
    found = []
    for sentence in members:
        def inside(a: int, b: int, s=sentence) -> bool:
            return s.char_start <= start + a and start + b <= s.char_end
        part = Reading(tuple(d for d in reading.drafts if inside(d.start, d.end)),
                       tuple(k for k in reading.skips if inside(k.start, k.end)))
        if part.drafts or part.skips:
            found.append(Found(rule_id, sentence.sentence_id, start, end, part))
    return found


def without_overridden(found: list[Found], rules: dict[str, Rule]) -> list[Found]:
    """Drop the matches of rules another rule overrides where it read a value in them."""
    values = [(f.rule_id, f.evidence_start + d.start, f.evidence_start + d.end)
              for f in found for d in f.reading.drafts]

    def overridden(f: Found) -> bool:
        own_id = rules[f.rule_id].spec["id"]
        return any(own_id in rules[rule_id].spec.get("overrides", ())
                   and start < f.evidence_end and f.evidence_start < end
                   for rule_id, start, end in values)
    return [f for f in found if not overridden(f)]


def merged(readings) -> Reading:
    readings = list(readings)
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def skipped(rule: Rule, match: re.Match) -> Reading | None:
    """A rule that only reports what it matched (with its reason), or None."""
    if "skip" not in rule.spec:
        return None
    return Reading(skips=(Skip(0, match.end() - match.start(), rule.spec["skip"]),))


# --- the names family's readers ---------------------------------------------------------------


def read(rule: Rule, match: re.Match) -> Reading:
    """What one match of a names rule reads."""
    readers = {"parenthesis": read_parenthesis, "alternatives": read_alternatives}
    return skipped(rule, match) or merged(
        readers.get(spec.get("read"), read_plain)(match, spec) for spec in rule.spec["claims"])


def read_plain(match: re.Match, spec: dict) -> Reading:
    """The engine's reading of one claim spec, each draft checked (`checked`)."""
    reading = patterns.read_claim(match, spec, match.start())
    results = [checked(draft, spec, match) for draft in reading.drafts]
    return Reading(tuple(r for r in results if isinstance(r, Draft)),
                   reading.skips + tuple(r for r in results if isinstance(r, Skip)))


def checked(draft: Draft, spec: dict, match: re.Match) -> Draft | Skip | None:
    """The draft with a clean subject of a known kind, or a Skip, or None (nothing to say).

    check: initials - the abbreviation must be made of the initials of the name before it,
        which also says where that name starts; otherwise reported.
    check: exact_initials - one letter per word, exactly; otherwise silently nothing (the
        search tries many pairs of names and abbreviations that are not pairs).
    check: alias - a word that tells one branch from another ("(South)") is not another name,
        and see `is_alias`.
    """
    whole = (0, match.end() - match.start())
    subject = drop_leading_words(draft.subject) if draft.subject else None
    check = spec.get("check")
    if check == "initials" and subject:
        subject = abbreviated_name(subject, draft.value)
        if subject is None:
            return Skip(*whole, f"{draft.value!r} is not made of the initials of the name "
                                "before it: not read as its abbreviation")
    if check == "exact_initials" and not (subject and initials_match(subject, draft.value,
                                                                     exact=True)):
        return None
    if check == "alias" and draft.value in rulebook.load("names")["not_aliases"]:
        return None
    if check == "alias" and subject and not is_alias(subject, draft.value):
        return Skip(*whole, f"{draft.value!r} in brackets may be another name of {subject!r} or "
                            "a place or kind that tells which one is meant: not read")
    subject, subject_type, reason = typed_subject(subject, draft.subject, draft.value, spec)
    if reason:
        return Skip(*whole, reason)
    return replace(draft, subject=subject, subject_type=subject_type)


def is_alias(subject: str, alias: str) -> bool:
    """Whether "Subject (Alias)" gives another name of the subject rather than telling which one.

    Brackets after a name also hold the larger place it lies in ("Laiza (Kachin State)", "Shan
    State (Myanmar)") or a country that tells two namesakes apart ("Northern Alliance (Burma)").
    Reading those as other names would merge two entities, so only an organisation's name in
    brackets after a name that is not a place's is read: "the Tatmadaw (Myanmar Armed Forces)".
    """
    return name_kind(alias) == ORGANISATION and name_kind(subject) in (None, ORGANISATION)


def typed_subject(subject: str | None, written: str | None, value: str,
                  spec: dict) -> tuple[str | None, str | None, str | None]:
    """(subject, its entity type, None) or (None, None, the reason it cannot be published).

    With `kind: heads` the type comes from the head noun of the subject or of the value (the
    other name of the same thing), else from `subject_type`; when neither says, the match is
    reported rather than typed by guessing.
    """
    if written is None:
        return None, spec.get("subject_type"), None
    if not subject:
        return None, None, f"{written!r} is sentence words, not a name"
    if spec.get("kind") != "heads":
        return subject, spec.get("subject_type"), None
    kinds = {name_kind(subject), name_kind(value)} - {None}
    subject_type = kinds.pop() if len(kinds) == 1 else spec.get("subject_type")
    if subject_type is None:
        return None, None, (f"not known whether {subject!r} is an organisation or a place "
                            "(no head noun such as Army or State)")
    return subject, subject_type, None


def subject_of(match: re.Match, spec: dict) -> tuple[str | None, str | None, Skip | None]:
    """The subject a parenthesis is about, its type, or a Skip when it cannot be published."""
    written = patterns.subject_of(match[spec["subject"]]) if spec.get("subject") else None
    subject = drop_leading_words(written) if written else None
    subject, subject_type, reason = typed_subject(subject, written, "", spec)
    problem = Skip(0, match.end() - match.start(), reason) if reason else None
    return subject, subject_type, problem


@dataclass(frozen=True)
class Part:
    """One name read from a part of a parenthesis; offsets into the match's string."""

    property: str
    start: int
    end: int
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Segment:
    """What one part of a parenthesis says: names, whether it marks a name parenthesis, a skip."""

    parts: tuple[Part, ...] = ()
    marked: bool = False
    skip: str | None = None
    language: str | None = None  # the language a following "romanized:" part is in


SEGMENT = re.compile(r'(?:"[^"]*"|“[^”]*”|[^;,"“])+')
LABEL = re.compile(r"(?P<label>[^:\d\"“]{1,40}?)\s*:\s*(?P<value>.*)", re.DOTALL)
PRONUNCIATION = re.compile(r"/[^/]+/|\[[^\]]+\]")
QUOTED = re.compile(r'"(?P<inner>[^"]+)"|“(?P<curly>[^”]+)”')


def read_parenthesis(match: re.Match, spec: dict) -> Reading:
    """A name parenthesis: abbreviations, native names, romanisations, glosses, other names.

    Parts are separated by `;` or `,` (outside quotes). A part is
    - `abbreviated KIO`, `officially known as ...`: a name of the kind its prefix word says;
    - `Kachin: Wunpawng ...`: a native name in the labelled language (languages.yaml), its
      script from its letters; `romanized: ...`: the same language in Latin letters;
    - `"Sovereign Kachin nation state"`: an English gloss (the quote marks are not the name);
    - text in a script other than Latin with no label: a native name, in the script's default
      language where languages.yaml gives one (Myanmar script: Burmese);
    - `/my/`, `[...]`: a pronunciation, reported;
    - an abbreviation in capitals: a short name; other Latin text that starts with a capital:
      the spec's `unmarked` property, else another name (also known as); anything else is
      reported ("born 1950" is not a name).
    Unless the spec gives `unmarked`, a parenthesis with no marked part is not read at all:
    "(Arakan)" is for the other-name rule, "(KIA)" for the abbreviation rule.
    """
    if match[spec["value"]] is None:
        return Reading()
    base, (start, end) = match.start(), match.span(spec["value"])
    segments, language = [], None
    for part in SEGMENT.finditer(match.string, start, end):
        span = trimmed(match.string, *part.span())
        segment = read_segment(match.string, *span, language, spec.get("unmarked"))
        language = segment.language
        segments.append((span, segment))
    if not spec.get("unmarked") and not any(s.marked for _, s in segments):
        return Reading()
    subject, subject_type, problem = subject_of(match, spec)
    if problem:
        return Reading(skips=(problem,))
    common = patterns.qualifiers_of(match, spec)
    drafts = tuple(Draft(p.property, clean_name(match.string[p.start:p.end]), "name",
                         p.start - base, p.end - base, subject=subject, subject_type=subject_type,
                         qualifiers=tuple(sorted((dict(p.qualifiers) | common).items())))
                   for _, s in segments for p in s.parts)
    skips = tuple(Skip(a - base, b - base, s.skip) for (a, b), s in segments if s.skip)
    return Reading(drafts, skips)


def read_segment(text: str, start: int, end: int, previous: str | None,
                 unmarked: str | None) -> Segment:
    """One part of a name parenthesis (see `read_parenthesis`)."""
    part = text[start:end]
    if not part:
        return Segment()
    if PRONUNCIATION.fullmatch(part):
        return Segment(marked=True, skip="a pronunciation or a language mark, not a name")
    prefixed = read_prefixed(text, start, end)
    if prefixed:
        return prefixed
    label = LABEL.fullmatch(part)
    if label:
        return read_labelled(text, start + label.start("value"), end, label["label"], previous)
    quoted = QUOTED.fullmatch(part)
    if quoted:
        inner = "inner" if quoted["inner"] is not None else "curly"
        return Segment((Part("name_translation", start + quoted.start(inner),
                             start + quoted.end(inner)),), marked=True)
    return read_unlabelled(text, start, end, unmarked)


def read_prefixed(text: str, start: int, end: int) -> Segment | None:
    """`abbreviated KIO`, `officially known as the Wa Self-Administered Division`."""
    prefixes = rulebook.load("names")["name_prefixes"]
    lowered = text[start:end].lower()
    for prefix in sorted(prefixes, key=len, reverse=True):
        if lowered.startswith(prefix + " "):
            return Segment(tuple(Part(prefixes[prefix], a, b) for a, b in
                                 alternatives(text, start + len(prefix), end)), marked=True)
    return None


def read_labelled(text: str, start: int, end: int, label: str, previous: str | None) -> Segment:
    """`Kachin: Wunpawng ...`, `romanized: Rakhaing Tattaw`, `lit. ...`."""
    start, end = tight(text, start, end)
    vocabulary = rulebook.load("languages")
    script = script_of(text[start:end])
    scripted = {"script": script} if script else {}
    if label in vocabulary["transliteration_labels"]:
        language = {"language": previous} if previous else {}
        return Segment((Part("native_label", start, end,
                             tuple(sorted((language | scripted).items()))),),
                       marked=True, language=previous)
    if label in vocabulary["translation_labels"]:
        return Segment((Part("name_translation", start, end),), marked=True)
    language = language_of(label)
    if language is None:
        return Segment(marked=True, skip=f"a name in a language not in "
                                         f"pipeline/rules/languages.yaml: {label!r}")
    return Segment((Part("native_label", start, end,
                         tuple(sorted(({"language": language} | scripted).items()))),),
                   marked=True, language=language)


def read_unlabelled(text: str, start: int, end: int, unmarked: str | None) -> Segment:
    """A part with no label: its letters say whether it is a native name."""
    start, end = tight(text, start, end)
    scripts = scripts_in(text[start:end])
    if not scripts:
        return Segment(skip="no letters here: not a name")
    if scripts - {LATIN}:
        if None in scripts or len(scripts) > 1:
            return Segment(marked=True, skip="a name in more than one script, or in a script "
                                             "not in pipeline/rules/languages.yaml")
        script = scripts.pop()
        language = rulebook.load("languages")["script_languages"].get(script)
        qualifiers = {"script": script} | ({"language": language} if language else {})
        return Segment((Part("native_label", start, end, tuple(sorted(qualifiers.items()))),),
                       marked=True, language=language)
    if RULES.regex("{ABBR}").fullmatch(text[start:end]):
        return Segment((Part("short_name", start, end),))
    if not text[start:start + 1].isupper():
        return Segment(skip="not a name (it does not start with a capital letter)")
    return Segment((Part(unmarked or "also_known_as", start, end),))


def read_alternatives(match: re.Match, spec: dict) -> Reading:
    """", abbreviated as the UWSA or the UWS Army": one name each, quotes without "the"."""
    if match[spec["value"]] is None:
        return Reading()
    subject, subject_type, problem = subject_of(match, spec)
    if problem:
        return Reading(skips=(problem,))
    base = match.start()
    return Reading(tuple(
        Draft(spec["property"], clean_name(match.string[a:b]), "name", a - base, b - base,
              subject=subject, subject_type=subject_type)
        for a, b in alternatives(match.string, *match.span(spec["value"]))))


ALTERNATIVE = re.compile(r"\s*,\s*(?:or\s+)?|\s+or\s+")


def alternatives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "A or the B, C" between start and end, each without a leading article."""
    spans, cursor = [], start
    for separator in ALTERNATIVE.finditer(text, start, end):
        spans.append((cursor, separator.start()))
        cursor = separator.end()
    spans.append((cursor, end))
    spans = [tight(text, a, b) for a, b in spans]
    return [(a, b) for a, b in spans if a < b]


def tight(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space or punctuation, nor a leading "the"."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    article = re.match(r"[Tt]he\s+", text[start:end])
    return (start + article.end(), end) if article else (start, end)


RULES = RuleSet(FAMILY)


def find(document, sentences) -> list[Found]:
    return RULES.find(document, sentences, read)


def rederive(rule_id: str, evidence: str) -> Reading:
    return RULES.rederive(rule_id, evidence, read)
