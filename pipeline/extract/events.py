"""Dates and events family: every dated statement becomes a claim with an EDTF date.

`inception`, `dissolved` and `active_period` where the text says so; every other dated clause
is a `significant_event` of the document's subject, its value the clause as written ("the KIO's
private army raided a bank"), its date a qualifier. The event belongs to the document's subject
even when another organisation acts in it (the NDA-K splitting from the KIO, the Tatmadaw
resuming operations): it is the subject's history, and the quote names who acted. A founding
names the organisation founded, so `inception` is about that organisation.

The rules are data in `pipeline/rules/events.yaml`, in the pattern engine's format (see
pipeline/extract/patterns.py). SentenceFamily adds what dated clauses need and the engine lacks:

- Each rule is applied to one prose sentence at a time, so `^` is where the sentence starts (and,
  when the validator re-reads a claim, where its evidence starts): "In 1964, ..." is read at the
  start of a clause, never inside one.
- The family file may define its own `macros:` (and take another family's with `macros_from:`),
  next to the shared ones of prose.yaml.
- Claim spec keys for time, read from a date group:
  `when: group` - a single date is `point_in_time` (or the qualifier `point_as` names); an
  interval is `start_time`/`end_time` ("from the mid-1960s through 1994", "for 17 years until
  June 2011", "since 2005", "until 2010"); a phrase that only bounds when something happened
  ("by 1960", "after 2011": `event_bounds` in the file) stays one `point_in_time` interval.
  `after: group` - the time after a dated event: "Following the 1962 coup, ..." is `1962/..`.
- `skip: reason` publishes no claim: the group's text is listed as skipped, with the reason.
- Where two rules read overlapping words of a sentence, the first rule in the file wins, so a
  specific rule placed before a general one decides alone.
"""

from dataclasses import dataclass, replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.model import Found, Reading, Skip
from pipeline.extract.needs import folded
from pipeline.normalise.dates import DateParseError, parse_date

TIME_KEYS = ("when", "point_as", "after", "skip")
OPEN = ".."


@dataclass(frozen=True)
class SentenceFamily:
    """A family of pattern rules applied sentence by sentence, first rule winning."""

    name: str
    computed_macros: tuple[tuple[str, str], ...] = ()  # macros made by code (numbers.py)

    def rules(self) -> dict[str, patterns.PatternRule]:
        return _compiled(self)

    def find(self, document, sentences) -> list[Found]:
        found = []
        for sentence in sentences:
            if sentence.kind in patterns.PROSE_KINDS:
                found += self.find_in(document.text, sentence)
        return found

    def find_in(self, text: str, sentence) -> list[Found]:
        """The sentence's readings, each dropping what an earlier rule already read."""
        chunk = text[sentence.char_start:sentence.char_end]
        folded_chunk = folded(chunk)
        taken: list[tuple[int, int]] = []
        found = []
        for rule in self.rules().values():
            if not rule.regex.may_match(folded_chunk):
                continue
            for match in rule.regex.finditer(chunk):
                reading = _unread(read_match(rule, match), match.start(), taken)
                if reading.drafts or reading.skips:
                    found.append(Found(rule.rule_id, sentence.sentence_id,
                                       sentence.char_start + match.start(),
                                       sentence.char_start + match.end(), reading))
        return found

    def rederive(self, rule_id: str, evidence: str) -> Reading:
        rule = self.rules().get(rule_id)
        match = rule.regex.fullmatch(evidence) if rule else None
        return read_match(rule, match) if match else Reading()


@cache
def _compiled(family: SentenceFamily) -> dict[str, patterns.PatternRule]:
    data = rulebook.load(family.name)
    macros = {}
    for other in data.get("macros_from", []):
        macros |= rulebook.load(other)["macros"]
    macros |= dict(data.get("macros") or {}) | dict(family.computed_macros)
    rules = {}
    for spec in data["rules"]:
        rule_id = f"{family.name}/{spec['id']}"
        regex = patterns.compile_rule(spec["pattern"], macros)
        rules[rule_id] = patterns.PatternRule(rule_id, regex, tuple(spec["claims"]))
    return rules


def _unread(reading: Reading, offset: int, taken: list[tuple[int, int]]) -> Reading:
    """The drafts and skips whose text no earlier rule read; their spans are then taken."""
    def fresh(start: int, end: int) -> bool:
        return all(end + offset <= a or b <= start + offset for a, b in taken)
    drafts = tuple(d for d in reading.drafts if fresh(d.start, d.end))
    skips = tuple(s for s in reading.skips if fresh(s.start, s.end))
    taken.extend((x.start + offset, x.end + offset) for x in (*drafts, *skips))
    return Reading(drafts, skips)


def read_match(rule: patterns.PatternRule, match) -> Reading:
    """Every claim spec of the rule read from one match (offsets relative to the match)."""
    readings = [read_claim(match, spec, match.start()) for spec in rule.claims]
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def read_claim(match, spec: dict, base: int) -> Reading:
    """The engine's reading of a claim spec, with this family's time and skip keys applied."""
    if match[spec["value"]] is None:
        return Reading()
    if "skip" in spec:
        start, end = match.span(spec["value"])
        return Reading(skips=(Skip(start - base, end - base, spec["skip"]),))
    reading = patterns.read_claim(match, {k: v for k, v in spec.items()
                                          if k not in TIME_KEYS}, base)
    try:
        time = time_qualifiers(match, spec)
    except DateParseError as error:
        return Reading(skips=(Skip(match.start() - base, match.end() - base,
                                   f"a date not read: {error}"),))
    drafts = tuple(replace(d, qualifiers=tuple(sorted((dict(d.qualifiers) | time).items())))
                   for d in reading.drafts)
    return Reading(drafts, reading.skips)


def time_qualifiers(match, spec: dict) -> dict[str, str]:
    """The qualifiers of the spec's `when` and `after` groups (none if the group is absent)."""
    found = {}
    if spec.get("when") and match[spec["when"]] is not None:
        found |= event_time(match[spec["when"]], spec.get("point_as", "point_in_time"))
    if spec.get("after") and match[spec["after"]] is not None:
        found["point_in_time"] = time_after(match[spec["after"]])
    return found


def event_time(phrase: str, point_as: str = "point_in_time") -> dict[str, str]:
    """When an event happened or a state held, as qualifiers (see the module docstring)."""
    edtf = parse_date(phrase).edtf
    if "/" not in edtf:
        return {point_as: edtf}
    if phrase.split()[0].lower() in rulebook.load("events")["event_bounds"]:
        return {"point_in_time": edtf}
    start, end = edtf.split("/")
    return {name: value for name, value in (("start_time", start), ("end_time", end))
            if value != OPEN}


def time_after(phrase: str) -> str:
    """The open interval after a date ("1962" -> "1962/..", "1994/2000" -> "2000/..")."""
    start, _, end = parse_date(phrase).edtf.partition("/")
    last = end if end and end != OPEN else start
    return f"{last}/{OPEN}"


FAMILY = SentenceFamily("events")
find, rederive = FAMILY.find, FAMILY.rederive
