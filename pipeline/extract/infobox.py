"""Infobox family: every `Key: Value` line becomes claims, or a skip with its reason.

The evidence for a claim is its infobox line, or for a numbered pair (`Leader1 Title` +
`Leader1 Name`) the lines from the first of the pair to the last. `read_evidence` reads such
evidence alone, which is what lets the validator re-derive every published infobox value.
"""

import re
from dataclasses import dataclass
from functools import cache

from pipeline import rulebook
from pipeline.extract.model import Draft, Found, Reading, Skip
from pipeline.normalise.lists import Item, Orphan, join_places, peel_qualifiers, split_items
from pipeline.normalise.names import role_name, split_rank
from pipeline.normalise.values import normalise

RULE_ID = "infobox"
LINE_BULLET = re.compile(r"\n-[ \t]*")
SEPARATOR = ":"


@dataclass(frozen=True)
class Line:
    """One `Key: Value` line of an evidence text; offsets relative to the evidence."""

    key: str  # normalised: lower case, single spaces
    key_start: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class Pair:
    """A numbered pair's lines: the title (role or property) and the value line."""

    base: str
    title: Line | None
    value: Line | None


@cache
def _config() -> dict:
    return rulebook.load("infobox")


@cache
def _numbered() -> re.Pattern:
    return re.compile(_config()["numbered_key"])


def split_lines(evidence: str) -> list[Line]:
    """The evidence's lines (joined by `\\n- ` as in the article), each split at its first ':'."""
    lines = []
    starts = [0] + [m.end() for m in LINE_BULLET.finditer(evidence)]
    ends = [m.start() for m in LINE_BULLET.finditer(evidence)] + [len(evidence)]
    for start, end in zip(starts, ends, strict=True):
        colon = evidence.find(SEPARATOR, start, end)
        if colon < 0:
            continue
        key = " ".join(evidence[start:colon].lower().split())
        value_start = colon + 1
        while value_start < end and evidence[value_start].isspace():
            value_start += 1
        lines.append(Line(key, start, value_start, end))
    return lines


def group_pairs(lines: list[Line]) -> tuple[list[Line], list[Pair]]:
    """Numbered keys joined into pairs; every other line stays single."""
    singles, pairs = [], {}
    for line in lines:
        match = _numbered().fullmatch(line.key)
        if not match or match["base"] not in _config()["pairs"]:
            singles.append(line)
            continue
        slot = (match["base"], match["number"])
        title, value = pairs.get(slot, (None, None))
        if match["part"] == "title":
            title = line
        else:
            value = line
        pairs[slot] = (title, value)
    return singles, [Pair(base, title, value) for (base, _), (title, value) in pairs.items()]


def read_evidence(evidence: str) -> Reading:
    """Everything the infobox rules read from these lines."""
    singles, pairs = group_pairs(split_lines(evidence))
    readings = [read_single(evidence, line) for line in singles]
    readings += [read_pair(evidence, pair) for pair in pairs]
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def read_single(evidence: str, line: Line) -> Reading:
    config = _config()
    if line.key in config["template_keys"]["keys"]:
        return _skip(line.key_start, line.value_end, config["template_keys"]["reason"])
    rule = config["keys"].get(line.key)
    if rule is None:
        return _skip(line.key_start, line.value_end, f"no infobox rule for the key {line.key!r}")
    return read_values(evidence, line, rule["property"], rule["read"], {})


def read_pair(evidence: str, pair: Pair) -> Reading:
    config = _config()["pairs"][pair.base]
    if pair.value is None:
        return _skip(pair.title.key_start, pair.title.value_end,
                     "a numbered title with no value line")
    title = evidence[pair.title.value_start:pair.title.value_end] if pair.title else ""
    if config["title_is"] == "role":
        role = {"role": role_name(title)} if title.strip() else {}
        return read_values(evidence, pair.value, config["property"], "list", role)
    prop = config["properties"].get(role_name(title), config["property"])
    return read_values(evidence, pair.value, prop, "list", {})


def read_values(evidence: str, line: Line, prop: str, how: str, extra: dict) -> Reading:
    """The line's value as items; each becomes a draft or a skip."""
    value = evidence[line.value_start:line.value_end]
    if not value.strip():
        return _skip(line.key_start, line.value_end, "an infobox key with no value")
    if how == "single":
        end, qualifiers = peel_qualifiers(value, 0, len(value))
        items = [Item(0, end, qualifiers)] if value[:end].strip() else [Orphan(0, len(value))]
    else:
        items = split_items(value)
        items = join_places(value, items) if how == "places" else items
    readings = [read_item(value, line.value_start, item, prop, extra) for item in items]
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


def layout_reason(text: str) -> str | None:
    for entry in _config()["layout"]:
        if re.fullmatch(entry["pattern"], text.strip()):
            return entry["reason"]
    return None


def read_item(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """One list item -> a draft (plus a located_in draft for `Place, Region`) or a skip."""
    if isinstance(item, Orphan):
        return _skip(offset + item.start, offset + item.end,
                     "a qualifier with no value before it (the value is missing from the source)")
    spec = rulebook.properties()[prop]
    start, end = item.start, item.end
    reason = layout_reason(value[start:end])
    if reason:
        return _skip(offset + start, offset + end, reason)
    qualifiers = dict(extra)
    if spec.get("object_type") == "person":
        rank, name_start = split_rank(value[start:end])
        if rank:
            qualifiers["rank"] = rank
            start += name_start
    try:
        normalised, own = normalise(spec["value_type"], value[start:end], spec.get("object_type"))
    except ValueError as error:
        return _skip(offset + start, offset + end, f"not read as {spec['value_type']}: {error}")
    qualifiers |= own | {q.name: q.value for q in item.qualifiers if q.name != "alias"}
    draft = Draft(prop, normalised, spec["value_type"], offset + start, offset + end,
                  object_type=spec.get("object_type"), qualifiers=tuple(sorted(qualifiers.items())))
    extra_drafts = [alias_draft(value, offset, item, normalised, spec)] if _alias(item) else []
    if item.within:
        extra_drafts.append(within_draft(value, offset, item, normalised, spec))
    return Reading((draft, *extra_drafts))


def _skip(start: int, end: int, reason: str) -> Reading:
    return Reading(skips=(Skip(start, end, reason),))


def _alias(item: Item):
    return next((q for q in item.qualifiers if q.name == "alias"), None)


def alias_draft(value: str, offset: int, item: Item, subject: str, spec: dict) -> Draft:
    """`X (a.k.a. Y)`: Y is another name of the entity X."""
    alias = _alias(item)
    inner_start = value.find(alias.value, alias.start, alias.end)
    return Draft("also_known_as", normalise("name", alias.value)[0], "name",
                 offset + inner_start, offset + inner_start + len(alias.value),
                 subject=subject, subject_type=spec.get("object_type"))


def within_draft(value: str, offset: int, item: Item, subject: str, spec: dict) -> Draft:
    """`Laiza, Kachin State`: the place Laiza lies in Kachin State."""
    start, end = item.within
    region, _ = normalise("entity", value[start:end], "place")
    return Draft("located_in", region, "entity", offset + start, offset + end,
                 subject=subject, subject_type=spec.get("object_type") or "place",
                 object_type="place")


def find(document, sentences) -> list[Found]:
    """Evidence spans in a document: each infobox line, or the lines of a numbered pair."""
    lines = [s for s in sentences if s.kind == "infobox" and SEPARATOR in s.text]
    groups: dict[str, list] = {}
    for sentence in lines:
        key = " ".join(sentence.text.split(SEPARATOR, 1)[0].lower().split())
        match = _numbered().fullmatch(key)
        slot = (f"{match['base']}#{match['number']}"
                if match and match["base"] in _config()["pairs"] else sentence.sentence_id)
        groups.setdefault(slot, []).append(sentence)
    found = []
    for members in groups.values():
        start, end = members[0].char_start, members[-1].char_end
        reading = read_evidence(document.text[start:end])
        for draft_sentence in members:
            found.append(Found(RULE_ID, draft_sentence.sentence_id, start, end,
                               only_in(reading, draft_sentence, start)))
    return found


def only_in(reading: Reading, sentence, offset: int) -> Reading:
    """The part of a reading whose text lies in one sentence (its claims cite that sentence)."""
    def inside(start: int, end: int) -> bool:
        return sentence.char_start <= offset + start and offset + end <= sentence.char_end
    return Reading(tuple(d for d in reading.drafts if inside(d.start, d.end)),
                   tuple(s for s in reading.skips if inside(s.start, s.end)))


def rederive(rule_id: str, evidence: str) -> Reading:
    return read_evidence(evidence)
