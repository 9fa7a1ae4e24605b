"""The one rule engine of the prose families: YAML rules applied to an article's sentences.

A family is a `RuleSet`: its rules (`pipeline/rules/<family>.yaml`, compiled once with the
shared macros of prose.yaml, the macros of the files named in `macros_from`, the file's own
`macros` and those the family's module makes), and one named hook, `read(rule, match)`, for what
a match means where YAML cannot say it. The engine does the rest, the same way for every family:

- `scope` of a rule: each prose `sentence` (the default), the `lead` (the first prose
  sentence that names the title, see `lead_sentence`), the `title` line, or a whole
  `section` (a claim cites the sentence its value lies in);
- `search` of a rule (`starts`, `ends`): the text between a start and an end match is matched
  whole, for patterns too costly to search for at every position;
- `skip` of a rule: what it matches is reported as skipped, with that reason;
- `overrides` of a rule: the matches of the rules it names are dropped where it read a value;
- `actor` of a rule (or of its file): whose its claims are, by the clause the match stands in
  (pipeline/extract/clauses.py); a subject group that names the document's subject (by an
  abbreviation or a short form of its name) makes a claim about the document's subject;
- `subject_problem` of a family: why a claim's subject, once the clauses have said whose it
  is, cannot be (the document's own subject always can);
- `first_wins` of a family: within a sentence, a value's text read by an earlier rule is not
  read again by a later one;
- `each` of a claim (`{group, pattern}`): the claim is read once per item of a list in the
  group, each item's groups first, then the whole match's (`items`);
- a rule is not tried on a scope that lacks what every match needs: one pass over each scope's
  text picks the rules worth trying there (pipeline/extract/needs.py, Prefilter).

`rederive(rule_id, evidence)` applies the rule to the evidence alone (`fullmatch`), which is how
the validator checks that every published value re-derives from the text it cites.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property

from pipeline import rulebook
from pipeline.extract import clauses, patterns
from pipeline.extract.model import Found, Reading, Skip
from pipeline.extract.needs import Prefilter, folded
from pipeline.normalise.names import starts_alike

SCOPES = ("sentence", "lead", "title", "section")


@dataclass(frozen=True)
class Rule:
    rule_id: str
    regex: patterns.RuleRegex
    spec: dict  # the rule as written in YAML

    @property
    def claims(self) -> tuple[dict, ...]:
        return tuple(self.spec["claims"])

    @property
    def scope(self) -> str:
        return self.spec.get("scope", "sentence")


Reader = Callable[[Rule, re.Match], Reading]


@dataclass(frozen=True)
class ItemMatch:
    """One item of a list inside a match: the item's groups first, then the whole match's.

    It answers what the pattern engine asks of a match (`m[group]`, `m.span(group)`,
    `m.string`), so that a claim is read for each item with the whole statement's subject.
    """

    whole: re.Match
    item: re.Match

    @property
    def string(self) -> str:
        return self.whole.string

    def _source(self, group) -> re.Match:
        return self.item if group in self.item.re.groupindex else self.whole

    def __getitem__(self, group):
        return self._source(group)[group]

    def span(self, group=0) -> tuple[int, int]:
        return self.whole.span() if group == 0 else self._source(group).span(group)




def merged(readings) -> Reading:
    readings = list(readings)
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def read_claims(rule: Rule, match: re.Match) -> Reading:
    """The plain reading: every claim spec of the rule, offsets relative to the match."""
    return merged(patterns.read_claim(match, spec, match.start()) for spec in rule.claims)


class RuleSet:
    """One family's rules and the hook that reads a match of one of them."""

    def __init__(self, family: str, read: Reader = read_claims,
                 macros: Callable[[], dict[str, str]] = dict, first_wins: bool = False,
                 subject_problem: Callable[[str], str | None] | None = None):
        self.family = family
        self.read = read
        self._macros = macros
        self.first_wins = first_wins
        self.subject_problem = subject_problem

    def regex(self, pattern: str) -> patterns.RuleRegex:
        """A pattern with the family's macros and the shared ones expanded, compiled."""
        return _compile(pattern, tuple(sorted(self.macros.items())))

    @cached_property
    def actor(self) -> str | None:
        """The file's `actor` mode, for its rules that name none (see clauses.assigned)."""
        return rulebook.load(self.family).get("actor")

    @cached_property
    def macros(self) -> dict[str, str]:
        data = rulebook.load(self.family)
        macros: dict[str, str] = {}
        for other in data.get("macros_from", []):
            macros |= rulebook.load(other)["macros"]
        return macros | dict(data.get("macros") or {}) | self._macros()

    @cached_property
    def rules(self) -> dict[str, Rule]:
        """The rules, compiled, and the item patterns of their claims' `each` with them (so
        that prepare() compiles those too before workers fork)."""
        specs = rulebook.load(self.family)["rules"]
        for claim in (claim for spec in specs for claim in spec["claims"] if "each" in claim):
            self.regex(claim["each"]["pattern"])
        return {f"{self.family}/{spec['id']}": Rule(f"{self.family}/{spec['id']}",
                                                   self.regex(spec["pattern"]), spec)
                for spec in specs}

    @cached_property
    def prefilter(self) -> Prefilter:
        """What picks the rules worth trying on a text: made when the rules are loaded, from
        what each needs, so that a new rule is picked by its own words."""
        return Prefilter([rule.regex.needs for rule in self.rules.values()])

    def find(self, document, sentences) -> list[Found]:
        """Every rule in every scope it applies to and whose needs the scope's text holds,
        overridden matches left out. Each stretch of text is read once, its rules in their
        order (`first_wins` depends on it)."""
        found = []
        rules = list(self.rules.values())
        kinds = {rule.scope for rule in rules}
        actors = clauses.actors_of(document.title, document.text)
        for (start, end), (members, scoped) in stretches(kinds, sentences).items():
            text = document.text[start:end]
            taken: list[tuple[int, int]] = []  # first_wins: the text read in this stretch
            for rule in (rules[i] for i in self.prefilter.candidates(folded(text))):
                if rule.scope not in scoped:
                    continue
                mode = rule.spec.get("actor", self.actor)
                for offset, match in self.candidates(rule, text, start):
                    reading = self.named_subjects(clauses.assigned(
                        self.reading(rule, match), mode, text, offset - start + match.start(),
                        actors, start))
                    if self.first_wins:
                        reading = unread(reading, offset + match.start(), taken)
                    found += placed(rule.rule_id, members, offset + match.start(),
                                    offset + match.end(), reading)
        return without_overridden(found, self.rules)

    def named_subjects(self, reading: Reading) -> Reading:
        """The reading without the claims whose subject, another than the document's, the
        family's `subject_problem` refuses (a name not known to be an organisation, say)."""
        if self.subject_problem is None:
            return reading
        drafts, skips = [], list(reading.skips)
        for draft in reading.drafts:
            problem = draft.subject is not None and self.subject_problem(draft.subject)
            if problem:
                skips.append(Skip(draft.start, draft.end, problem))
            else:
                drafts.append(draft)
        return Reading(tuple(drafts), tuple(skips))

    def reading(self, rule: Rule, match: re.Match) -> Reading:
        if "skip" in rule.spec:
            return Reading(skips=(Skip(0, match.end() - match.start(), rule.spec["skip"]),))
        return self.read(rule, match)

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

    def items(self, match: re.Match, spec: dict) -> list:
        """The match itself, or each item of the list in a claim's `each` group, read by the
        `each` pattern ("commander in chief A and vice deputy commander B")."""
        each = spec.get("each")
        if not each:
            return [match]
        start, end = match.span(each["group"])
        return [ItemMatch(match, item) for item in
                self.regex(each["pattern"]).finditer(match.string, start, end)]

    def rederive(self, rule_id: str, evidence: str) -> Reading:
        """What the rule reads from the evidence alone; "the company" there is the subject, as
        it was where the claim was published (the text before it named no other company)."""
        rule = self.rules.get(rule_id)
        match = rule.regex.fullmatch(evidence) if rule else None
        if not match:
            return Reading()
        reading = self.reading(rule, match)
        return Reading(tuple(replace(d, subject=None) if d.subject is not None and
                             clauses.kinds().fullmatch(d.subject) else d
                             for d in reading.drafts), reading.skips)


@cache
def _compile(pattern: str, macros: tuple[tuple[str, str], ...]) -> patterns.RuleRegex:
    return patterns.compile_rule(pattern, dict(macros))


DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")  # "Labour Party (UK)" is named "Labour Party"
COPULA = re.compile(r"\s(?:is|was|are|were)\s")
# A capitalised name before a copula opening a sentence: its first word, after "The".
OPENING_NAME = re.compile(r"(?:The\s+)?(?P<word>(?!(?:It|They|This|These|Its)\b)[A-Z][\w'’.&-]*)"
                          r"(?:\s+(?:[A-Z][\w'’.&-]*|of|the|and|for|de))*\s(?:is|was|are|were)\s")


def scopes(scope: str, sentences) -> list[tuple[list, int, int]]:
    """(sentences, start, end) of each stretch of text a rule of this scope is applied to."""
    if scope == "title":
        title = sentences[:1] if sentences and sentences[0].kind == "heading" else []
        return [([s], s.char_start, s.char_end) for s in title]
    prose = [s for s in sentences if s.kind in patterns.PROSE_KINDS]
    if scope == "lead":
        prose = lead_sentence(sentences, prose)
    if scope in ("sentence", "lead"):
        return [([s], s.char_start, s.char_end) for s in prose]
    sections: dict[str, list] = {}
    for sentence in prose:
        sections.setdefault(sentence.section_id, []).append(sentence)
    return [(members, members[0].char_start, members[-1].char_end)
            for members in sections.values()]


def stretches(kinds: set[str], sentences) -> dict[tuple[int, int], tuple[list, set[str]]]:
    """Each stretch of text that rules of these scopes apply to, with its sentences and the
    scopes it is one of (the lead sentence is a sentence too, and so is a one-sentence
    section)."""
    found: dict[tuple[int, int], tuple[list, set[str]]] = {}
    for kind in sorted(kinds):
        for members, start, end in scopes(kind, sentences):
            found.setdefault((start, end), (members, set()))[1].add(kind)
    return found


def lead_sentence(sentences, prose: list) -> list:
    """The sentence that defines the subject: the first of the first section's prose that names
    the title (an encyclopedia's lead opens with it, and a line put before it, a hatnote say,
    does not), else the first prose sentence. A sentence that names the title only after its
    verb ("Jane Roe is chief executive of <title>", "Acme is the parent company of <title>"),
    or a first sentence that does not name it and opens with another name (`names_another`),
    defines someone else: then there is no lead."""
    if not prose:
        return []
    title = sentences[0].text if sentences[0].kind == "heading" else ""
    name = DISAMBIGUATION.sub("", title).casefold()
    section = [s for s in prose if s.section_id == prose[0].section_id]
    named = [s for s in section if name and name in s.text.casefold()]
    if named and name_after_verb(named[0].text, name):
        return []
    if name and not named and title.upper() != title and names_another(section[0].text, title):
        return []
    return (named or prose)[:1]


def names_another(text: str, title: str) -> bool:
    """Whether a sentence that does not name the title opens with a name that does not start
    as the title does ("Aerosmith is a band" under "List of awards received by Aerosmith"): it
    defines something else. The official-name check of the names family asks the same of a
    lead's name (`starts_alike`)."""
    opening = OPENING_NAME.match(text)
    return opening is not None and not starts_alike(opening["word"], title)


def name_after_verb(text: str, name: str) -> bool:
    """Whether the first copula of a sentence stands before the first mention of `name`."""
    verb = COPULA.search(text)
    return verb is not None and verb.start() < text.casefold().index(name)


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


def unread(reading: Reading, offset: int, taken: list[tuple[int, int]]) -> Reading:
    """The drafts and skips whose text no earlier rule read; their spans are then taken."""
    def fresh(start: int, end: int) -> bool:
        return all(end + offset <= a or b <= start + offset for a, b in taken)
    drafts = tuple(d for d in reading.drafts if fresh(d.start, d.end))
    skips = tuple(s for s in reading.skips if fresh(s.start, s.end))
    taken.extend((x.start + offset, x.end + offset) for x in (*drafts, *skips))
    return Reading(drafts, skips)


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
