"""Names family: official names, abbreviations, native names with language and script, English
glosses, former names with the years they held.

Rules are data in `pipeline/rules/names.yaml`, run by the rule engine (engine.py: scopes such
as `lead`, `search`, `overrides`, `skip`). What a match means is this module's `read`, which
reads these claim keys:

    read: parenthesis - the group is a name parenthesis, read part by part (`read_parenthesis`);
        `unmarked`: the property of a plain Latin-script part (default: not a name parenthesis
        unless some part is marked by a label, a script or a prefix word)
    read: alternatives - "the UWSA or the UWS Army": one name each
    (where a name in capitals is read for a property of `abbreviations` in names.yaml, it is
    claimed as that key's value: "known as Amnesty or AI" gives the short name AI)
    check: initials | exact_initials | alias - see `checked`
    kind: heads - the subject's type (organisation, place) from its head noun, else
        `subject_type`, else the match is reported as skipped
    article: kept - a "The" the name is written with stays in it (the title's "The View")

`find` then checks the lead's official name against the title (`lead_problem`): a lead that
opens with someone else's name, or with the title's name cut short of its "The", gives the
subject no official name.
"""

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.clauses import plain, units_of
from pipeline.extract.engine import Rule, RuleSet, merged, scopes
from pipeline.extract.gates import title_label
from pipeline.extract.model import Draft, Found, Reading, Skip
from pipeline.normalise.codes import language_tag, script_of, scripts_of
from pipeline.normalise.names import (
    ABBREVIATION_END,
    TRIM,
    abbreviated_name,
    clean_name,
    drop_leading_words,
    initials_match,
    name_kind,
    ranks_and_titles,
    starts_alike,
)
from pipeline.spans import pieces, trimmed, written_whole

FAMILY = "names"
LATIN = "Latn"
TRANSLITERATED = "romanized"  # a label of transliteration_labels (languages.yaml)
ORGANISATION = "organisation"
OFFICIAL_NAME = "official_name"
LEADING_THE = re.compile(r"The ")


# --- the names family's readers ---------------------------------------------------------------


def read(rule: Rule, match: re.Match) -> Reading:
    """What one match of a names rule reads."""
    readers = {"parenthesis": read_parenthesis, "alternatives": read_alternatives,
               "labelled": read_labelled_name}
    return merged(readers.get(spec.get("read"), read_plain)(match, spec) for spec in rule.claims)


def read_plain(match: re.Match, spec: dict) -> Reading:
    """The engine's reading of one claim spec, each draft checked (`checked`) and, where the
    spec says `article: kept`, with the "The" written at its start kept (`with_article`)."""
    reading = patterns.read_claim(match, spec, match.start())
    drafts = [with_article(draft, match) if spec.get("article") == "kept" else draft
              for draft in reading.drafts]
    results = [checked(draft, spec, match) for draft in drafts]
    return Reading(tuple(r for r in results if isinstance(r, Draft)),
                   reading.skips + tuple(r for r in results if isinstance(r, Skip)))


def with_article(draft: Draft, match: re.Match) -> Draft:
    """The name with the "The" it is written with ("The View"), which normalising drops."""
    written = match.string[match.start() + draft.start:match.start() + draft.end]
    article = LEADING_THE.match(written)
    if article is None or draft.value.startswith(article.group()):
        return draft
    return replace(draft, value=article.group() + draft.value)


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
    listing: str | None = None  # the property of a list a prefix opened: "formerly A, B and C"

    @property
    def property(self) -> str | None:
        """The property of its last name, which a following "short for ..." part expands."""
        return self.parts[-1].property if self.parts else None


# A part: text up to `;` or `,` outside quotes; a quoted gloss with more text after it (no
# separator between) is a part of its own: '"Popular Front ..." Arabic: ...'.
SEGMENT = re.compile(r'(?:"[^"]*"|“[^”]*”)(?=\s+[^\s;,])|(?:"[^"]*"|“[^”]*”|[^;,"“])+')
LABEL = re.compile(r"(?P<label>[^:\d\"“]{1,40}?)\s*:\s*(?P<value>.*)", re.DOTALL)
# A pronunciation, perhaps with a respelling after it: "/ˈɑːsiɑːn/ AH-see-ahn", "[ˈnɔkiɑ]".
PRONUNCIATION = re.compile(r"(?:/[^/]+/|\[[^\]]+\])(?:\s+[A-Za-z]+(?:-[A-Za-z]+)+)?")
QUOTED = re.compile(r'"(?P<inner>[^"]+)"|“(?P<curly>[^”]+)”')
# A code of capitals and digits, such as a stock symbol ("OMXNOK1V", "NOA3"): a parenthesis
# with one lists codes, not names.
CODE = re.compile(r"\b(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{3,}\b")


def read_parenthesis(match: re.Match, spec: dict) -> Reading:
    """A name parenthesis: abbreviations, native names, romanisations, glosses, other names.

    Parts are separated by `;` or `,` (outside quotes). A part is
    - `abbreviated KIO`, `officially known as ...`: a name of the kind its prefix word says;
      `short for ...`: the name the abbreviation before it stands for (`expansion_prefixes`);
    - `Kachin: Wunpawng ...`: a native name in the labelled language (`language_tag`), its
      script from its letters; `romanized: ...`: the same language in Latin letters;
    - `"Sovereign Kachin nation state"`: an English gloss (the quote marks are not the name);
    - text in a script other than Latin with no label: a native name, in the script's default
      language where languages.yaml gives one (Myanmar script: Burmese);
    - `/my/`, `[...]`: a pronunciation, reported;
    - an abbreviation in capitals, or several joined by "and" or "or": a short name each; other
      Latin text that starts with a capital: the spec's `unmarked` property, else another name
      (also known as); anything else is reported ("born 1950" is not a name).
    Unless the spec gives `unmarked`, a parenthesis with no marked part is not read at all:
    "(Arakan)" is for the other-name rule, "(KIA)" for the abbreviation rule. A parenthesis
    with a code in it (`CODE`) is reported, not read.
    """
    if match[spec["value"]] is None:
        return Reading()
    base, (start, end) = match.start(), match.span(spec["value"])
    if CODE.search(match.string, start, end):
        return Reading(skips=(Skip(start - base, end - base,
                                   "codes (such as stock symbols), not names: not read"),))
    segments, previous = [], Segment()
    for part in SEGMENT.finditer(match.string, start, end):
        span = trimmed(match.string, *part.span())
        previous = read_segment(match.string, *span, previous, spec.get("unmarked"))
        segments.append((span, previous))
    if not spec.get("unmarked") and not any(s.marked for _, s in segments):
        return Reading()
    return segments_reading(match, spec, segments)


def read_labelled_name(match: re.Match, spec: dict) -> Reading:
    """A name in the language another group names: "from the Spanish abbreviation of Frente
    Popular ..." (spec `label`: the group naming the language)."""
    if match[spec["value"]] is None:
        return Reading()
    span = trimmed(match.string, *match.span(spec["value"]))
    return segments_reading(match, spec, [
        (span, read_labelled(match.string, *span, match[spec["label"]], None))])


def segments_reading(match: re.Match, spec: dict,
                     segments: list[tuple[tuple[int, int], Segment]]) -> Reading:
    """The drafts and skips of the parts read, about the spec's subject."""
    base = match.start()
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


def read_segment(text: str, start: int, end: int, previous: Segment,
                 unmarked: str | None) -> Segment:
    """One part of a name parenthesis (see `read_parenthesis`), after the part `previous`."""
    part = text[start:end]
    if not part:
        return Segment()
    label = LABEL.fullmatch(part)
    if PRONUNCIATION.fullmatch(label["value"] if label else part):
        return Segment(marked=True, skip="a pronunciation or a language mark, not a name")
    prefixed = read_prefixed(text, start, end, previous)
    if prefixed:
        return prefixed
    if label:
        return read_labelled(text, start + label.start("value"), end, label["label"],
                             previous.language)
    listed = read_listed(text, start, end, previous)
    if listed:
        return listed
    quoted = QUOTED.fullmatch(part)
    if quoted:
        inner = "inner" if quoted["inner"] is not None else "curly"
        return Segment((Part("name_translation", start + quoted.start(inner),
                             start + quoted.end(inner)),), marked=True)
    return read_unlabelled(text, start, end, unmarked)


def read_prefixed(text: str, start: int, end: int, previous: Segment) -> Segment | None:
    """`abbreviated KIO`, `officially known as the Wa Self-Administered Division`, and after
    `formerly TELCO`, `short for Tata Engineering and Locomotive Company` (a former name)."""
    vocabulary = rulebook.load("names")
    expansions = vocabulary["expansions"]
    prefixes = dict(vocabulary["name_prefixes"]) | dict.fromkeys(
        vocabulary["expansion_prefixes"],
        expansions.get(previous.property, expansions["default"]))
    lowered = text[start:end].lower()
    for prefix in sorted(prefixes, key=len, reverse=True):
        if lowered.startswith(prefix + " "):
            return Segment(tuple(Part(name_property(prefixes[prefix], text[a:b]), a, b)
                                 for a, b in alternatives(text, start + len(prefix), end)),
                           marked=True, listing=prefixes[prefix])
    return None


def read_listed(text: str, start: int, end: int, previous: Segment) -> Segment | None:
    """A part that goes on with the list a prefix opened ("formerly Zipline Studios, Acme
    Games and Vela Studios": each a former name, "and" parting the last two), where a comma
    (not a semicolon) comes before it and it is written in Latin letters from a capital."""
    after_comma = text[:start].rstrip().endswith(",")
    start, end = tight(text, start, end)
    if not previous.listing or not after_comma or not text[start:start + 1].isupper() or \
            scripts_of(text[start:end]) != {LATIN}:
        return None
    return Segment(tuple(Part(name_property(previous.listing, text[a:b]), a, b)
                         for a, b in alternatives(text, start, end, joined_by_and=True)),
                   marked=True, listing=previous.listing)


ROMANISED = re.compile(r"(?P<native>[^A-Za-z]+?)\s+(?P<latin>[A-Z].*)", re.DOTALL)


def read_labelled(text: str, start: int, end: int, label: str, previous: str | None) -> Segment:
    """`Kachin: Wunpawng ...`, `romanized: Rakhaing Tattaw`, `lit. ...`; `Arabic: الجبهة
    Al-Jabhat`: the name in its own script, then the same in Latin letters."""
    start, end = tight(text, start, end)
    romanised = ROMANISED.fullmatch(text, start, end)
    if romanised and script_of(romanised["native"]) not in (None, LATIN):
        native = read_labelled(text, start, romanised.end("native"), label, previous)
        latin = read_labelled(text, romanised.start("latin"), end, TRANSLITERATED,
                              native.language)
        return replace(native, parts=native.parts + latin.parts, skip=native.skip or latin.skip)
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
    language = language_tag(label)
    if language is None:
        return Segment(marked=True, skip=f"a name in a language not in "
                                         f"pipeline/rules/languages.yaml nor CLDR: {label!r}")
    return Segment((Part("native_label", start, end,
                         tuple(sorted(({"language": language} | scripted).items()))),),
                   marked=True, language=language)


def read_unlabelled(text: str, start: int, end: int, unmarked: str | None) -> Segment:
    """A part with no label: its letters say whether it is a native name."""
    start, end = tight(text, start, end)
    scripts = scripts_of(text[start:end])
    if not scripts:
        return Segment(skip="no letters here: not a name")
    if scripts - {LATIN}:
        if None in scripts or len(scripts) > 1:
            return Segment(marked=True, skip="a name in more than one script, or in a script "
                                             "not known")
        script = scripts.pop()
        language = rulebook.load("languages")["script_languages"].get(script)
        qualifiers = {"script": script} | ({"language": language} if language else {})
        return Segment((Part("native_label", start, end, tuple(sorted(qualifiers.items()))),),
                       marked=True, language=language)
    abbreviations = alternatives(text, start, end, joined_by_and=True)
    if all(is_abbreviation(text[a:b]) for a, b in abbreviations):
        return Segment(tuple(Part("short_name", a, b) for a, b in abbreviations))
    if not text[start:start + 1].isupper():
        return Segment(skip="not a name (it does not start with a capital letter)")
    if text[start:end] in rulebook.load("names")["not_aliases"]:
        return Segment(skip="a word that tells one branch from another, not a name")
    return Segment((Part(unmarked or "also_known_as", start, end),))


def is_abbreviation(name: str) -> bool:
    return bool(RULES.regex("{ABBR}").fullmatch(name))


def name_property(prop: str, name: str) -> str:
    """The property a name read for `prop` is claimed as: an abbreviation read as another name
    or as the official name is a short name (names.yaml `abbreviations`)."""
    abbreviations = rulebook.load("names")["abbreviations"]
    return abbreviations[prop] if prop in abbreviations and is_abbreviation(name) else prop


def read_alternatives(match: re.Match, spec: dict) -> Reading:
    """", abbreviated as the UWSA or the UWS Army": one name each, quotes without "the"."""
    if match[spec["value"]] is None:
        return Reading()
    subject, subject_type, problem = subject_of(match, spec)
    if problem:
        return Reading(skips=(problem,))
    base = match.start()
    return Reading(tuple(
        Draft(name_property(spec["property"], match.string[a:b]),
              clean_name(match.string[a:b]), "name", a - base, b - base,
              subject=subject, subject_type=subject_type)
        for a, b in alternatives(match.string, *match.span(spec["value"]))))


@cache
def _alternatives(joined_by_and: bool) -> re.Pattern:
    """What parts names of a list ("A, or B", "A or B"; "A and B" too where `joined_by_and`):
    never the comma before a legal form, which ends the name before it ("Acme Golf, Inc.")."""
    comma = rf"\s*,(?!\s*(?:{rulebook.words_pattern('legal_forms')})\b)\s*"
    if joined_by_and:
        return re.compile(rf"{comma}(?:or\s+|and\s+)?|\s+(?:or|and)\s+")
    return re.compile(rf"{comma}(?:or\s+)?|\s+or\s+")


BRACKETS = re.compile(r"\s*\([^()]*\)")
# The full stop of an abbreviation that ends a name inside a sentence ("Acme B.C. is a club",
# "Acme Inc. (NYSE: AC)"): the words after it go on in lower case or a bracket or a comma.
NAME_DOT = re.compile(r"\.(?=\s*[a-z(,;:])")


def alternatives(text: str, start: int, end: int,
                 joined_by_and: bool = False) -> list[tuple[int, int]]:
    """Spans of "A or the B, C" between start and end, each without a leading article or a
    parenthesis after it ("CONMEBOL (/ˈkɒnmɪbɒl/)"); with `joined_by_and`, "A and B" too."""
    spans = [tight(text, a, without_brackets(text, a, b))
             for a, b in pieces(text, start, end, _alternatives(joined_by_and))]
    return [(a, b) for a, b in spans if a < b]


def without_brackets(text: str, start: int, end: int) -> int:
    """The end of the span before the first parenthesis in it."""
    brackets = BRACKETS.search(text, start, end)
    return brackets.start() if brackets else end


@cache
def _leading_words() -> re.Pattern:
    """Words before a name that are not part of it: "the", and the fillers of a list of names
    ("or simply POLISARIO")."""
    fillers = "|".join(map(re.escape, rulebook.load("names")["list_fillers"]))
    return re.compile(rf"(?:[Tt]he|{fillers})\s+")


def tight(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space or punctuation, nor a leading "the" or filler;
    the full stop of an abbreviation that ends a name stays ("Acme B.C. is a club")."""
    start, end = trimmed(text, start, end, TRIM)
    if NAME_DOT.match(text, end) and ABBREVIATION_END.search(text, start, end):
        end += 1
    leading = _leading_words().match(text, start, end)
    return (leading.end(), end) if leading else (start, end)


def family_macros() -> dict[str, str]:
    """{NAMES_FILLER} from names.yaml's list_fillers, {NAMES_BRANCH} from its not_aliases and
    {NAMES_RANK} from its ranks and people.yaml's titles, longest first."""
    vocabulary = rulebook.load("names")
    ranks = sorted(ranks_and_titles(), key=len, reverse=True)
    return {"NAMES_FILLER": "|".join(map(re.escape, vocabulary["list_fillers"])),
            "NAMES_BRANCH": "|".join(map(re.escape, vocabulary["not_aliases"])),
            "NAMES_RANK": "|".join(map(re.escape, ranks))}


RULES = RuleSet(FAMILY, read, family_macros)
rederive = RULES.rederive
LEAD_NAMES = f"{FAMILY}/lead-names"
TITLE = f"{FAMILY}/title"


def find(document, sentences) -> list[Found]:
    """The rules' claims, but for a lead that opens with someone else's name (`lead_own`), and
    the title's name with or without its ", Place" as the lead writes it (`title_own`)."""
    lead = [document.text[start:end] for _, start, end in scopes("lead", sentences)][:1]
    units = units_of(title_label(document.title), document.text)
    return [replace(found, reading=lead_own(
                found.reading, document.title,
                document.text[found.evidence_start:found.evidence_end], units))
            if found.rule_id == LEAD_NAMES else
            replace(found, reading=uncut(title_own(found.reading, "".join(lead)),
                                         document.text[found.evidence_end:]))
            if found.rule_id == TITLE else found for found in RULES.find(document, sentences)]


@cache
def _name_word_before() -> re.Pattern:
    """A word of a name right before another name ("1st", "First", "Vela-Lyra"): capitalised or
    a number, each hyphened part so ("Oslo-based" says where), and no word that opens
    sentences ("In", "The": names.yaml not_name_words)."""
    openers = "|".join(map(re.escape, rulebook.load(FAMILY)["not_name_words"]))
    part = r"[A-Z0-9][\w&'’]*"
    return re.compile(rf"(?<![\w&'’.-])(?!(?:{openers}) $){part}(?:-{part})* $")


def uncut(reading: Reading, body: str) -> Reading:
    """The title's name, unless the article writes it only as the end of a longer name ("1st
    Constitution Bank" in the article "Constitution Bank"): then the title cut the name short,
    and it is reported, not published."""
    if not reading.drafts:
        return reading
    name = reading.drafts[0].value
    written = [at for at, _ in written_whole(body, name, "'’-")]
    if not written or not all(_name_word_before().search(body, 0, at) for at in written):
        return reading
    draft = reading.drafts[0]
    why = f"the title {name!r} is written only as the end of a longer name: a name cut short"
    return Reading((), reading.skips + (Skip(draft.start, draft.end, why),))


def title_own(reading: Reading, lead: str) -> Reading:
    """The title's name whole ("St Anne's College, Oxford"), unless the lead writes the name
    before the comma and never the whole title: then the name is that, and the place its note
    (the names.yaml title rule reads both; the other is reported)."""
    if len(reading.drafts) < 2:
        return reading
    whole, short = reading.drafts
    lead = lead.casefold()
    kept = short if short.value.casefold() in lead and whole.value.casefold() not in lead \
        else whole
    other = short if kept is whole else whole
    why = (f"the title's {other.value!r}: the lead names the subject "
           f"{'as' if kept is short else 'by the whole title'} {kept.value!r}")
    return Reading((kept,), reading.skips + (Skip(other.start, other.end, why),))


def lead_own(reading: Reading, title: str, lead: str, units: frozenset[str]) -> Reading:
    """The lead's official names that are the subject's (`lead_problem`); the others reported.
    A lead that opens with a name the text calls a subsidiary of the title (`units`, see
    clauses.units_of: "Acme Express (USA) is the US arm of Acme") names another company: none
    of its names, "(USA)" neither, is the subject's."""
    title = title_label(title)
    unit = next((d.value for d in reading.drafts if d.property == OFFICIAL_NAME
                 and d.subject is None and plain(d.value) in units), None)
    if unit is not None:
        reason = f"the text calls {unit!r} a unit of the title {title!r}: another company"
        return Reading((), (*reading.skips, *(Skip(d.start, d.end, reason)
                                               for d in reading.drafts)))
    drafts, skips = [], list(reading.skips)
    for draft in reading.drafts:
        problem = lead_problem(draft, title, lead) if draft.property == OFFICIAL_NAME and \
            draft.subject is None else None
        if problem:
            skips.append(Skip(draft.start, draft.end, problem))
        else:
            drafts.append(draft)
    return Reading(tuple(drafts), tuple(skips))


def lead_problem(draft: Draft, title: str, lead: str) -> str | None:
    """Why the lead's official name is not the subject's: the title's name without the "The"
    it is written with there ("View" in the article "The View"), which the title claims whole;
    or a name that does not start as the title does in a lead that does not name the title
    ("Design Solutions Studio is ..." in the article "Limelight Design Studio"): someone else,
    or the subject under a name the article does not tie to it. A title in capitals may be
    the name's abbreviation when it is one word (AFL–CIO); in several ("ACME SPORTS GROUP
    PLC") it is the name in capitals."""
    article = LEADING_THE.match(title)
    if article and draft.value.casefold() == title[article.end():].casefold():
        return f"{draft.value!r} is the title {title!r} without its article, cut short"
    abbreviation = title.upper() == title and len(title.split()) == 1
    if abbreviation or title.casefold() in lead.casefold() or starts_alike(draft.value, title):
        return None
    return (f"{draft.value!r} does not start as the title {title!r} does: not read as the "
            "subject's official name")
