"""Infobox family: every `Key: Value` line becomes claims, or a skip with its reason.

The evidence for a claim is its infobox line, or for a numbered pair (`Leader1 Title` +
`Leader1 Name`) the lines from the first of the pair to the last. `read_evidence` reads such
evidence alone, which is what lets the validator re-derive every published infobox value.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pipeline import rulebook
from pipeline.extract.model import Draft, Found, Reading, Skip
from pipeline.normalise.codes import country_prefix, language_tag
from pipeline.normalise.dates import is_date
from pipeline.normalise.lists import (
    QUOTES,
    Item,
    Orphan,
    conjunction_in,
    join_places,
    peel_qualifiers,
    split_items,
)
from pipeline.normalise.names import office, role_name, split_rank
from pipeline.normalise.numbers import range_pattern
from pipeline.normalise.values import normalise
from pipeline.spans import pieces, trimmed

RULE_ID = "infobox"
ARTICLE = re.compile(r"^the\s+")
LINE_BULLET = re.compile(r"\n-[ \t]*")
SEPARATOR = ":"
KEY_YEAR = re.compile(r"\(?\b(?P<year>1[5-9]\d\d|20\d\d)\b\)?")
DATE_AT_PLACE = re.compile(r"(?P<date>.+?)\s+(?:at|in)\s+(?P<place>[A-Z].*)", re.DOTALL)
DATED_PLACE = "founding_location"  # where a dated key's place says the organisation began
SHAPES = (("url", re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")),
          ("file", re.compile(r"[^()]+\.(?:svg|png|jpe?g|gif)", re.IGNORECASE)))
SHARE = re.compile(r"(?P<part>\d[\d,]*)\s*/\s*(?P<whole>\d[\d,]*)")
TITLES = re.compile(r"\s*(?:&|\band\b|,|/)\s*")  # "President & CEO", "President and CEO"
TITLE_AFTER = re.compile(r"(?P<name>[^()]+?)\s*\((?P<title>[^()]+)\)")
MOTTO = re.compile(r"(?:(?P<before>[A-Z][a-z]+):\s*)?[\"“]?(?P<motto>[^\"“”()]+?)[\"”]?"
                   r"(?:\s*\((?P<after>[A-Z][a-z]+)\)(?:,\s*(?P<translation>.+?))?)?\s*",
                   re.DOTALL)
GLUE = re.compile(r"(?P<first>[A-Z][a-z]+)(?P<second>[A-Z][a-z]+)")
COLOUR_NAME = "colour_name"
RANGE_BOUNDS = (("low", "lower bound"), ("high", "upper bound"))
UNMAPPED = "unmapped"
# Rules that are a section of infobox.yaml rather than one key: (rule name, section, what it does).
SECTION_RULES = (
    ("offices", "offices", "A key that names an office: its holders as leaders, the office as "
                           "their role."),
    ("languages", "keys", "A key that names a language: the value is a native label in it."),
    (UNMAPPED, "keys", "A key no rule maps: published as a property named after the key, each "
                       "value typed by its shape."),
    ("template_keys", "template_keys", "Template parameters that steer layout: skipped."),
    ("name_lines", "name_lines", "A name line of the infobox that is not the title: another "
                                 "name of the organisation."),
)
NAME_LINES = f"{RULE_ID}/name_lines"
SENTENCE_END = re.compile(r"[a-z]\.\s+[A-Z]")
TRAILING_NAME = re.compile(r"(?<=\s)(?P<name>[A-Z][^\s.]*(?:\s+[A-Z][^\s.]*)*)\.?$")
PROSE_REASON = "words of a sentence written in the infobox, not a name"
NUMBERS = ("integer", "decimal")
# A remark in parentheses after a date, a number, a text or a name is its note ("1964–present
# (FARC dissidents still active)", "Los Blancos (The Whites)"), but for an abbreviation; after
# an entity's name it may be part of the name ("Shan State Army (RCSS)").
REMARKED = ("edtf", "string", "name", *NUMBERS)
REMARK = re.compile(r"\s+\((?P<remark>(?![A-Z]+\))[^()\"“”]+)\)$")
FLAG_REASON = "a flag's label copied before the value"
TITLE_REASON = "a title of the person named before it (the claim's role)"


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
    for start, end in pieces(evidence, 0, len(evidence), LINE_BULLET):
        colon = evidence.find(SEPARATOR, start, end)
        if colon < 0:
            continue
        key = " ".join(evidence[start:colon].lower().split())
        lines.append(Line(key, start, trimmed(evidence, colon + 1, end)[0], end))
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
    key, extra = key_and_time(line.key)
    rule = rule_for(key)
    if rule is None:
        return _skip(line.key_start, line.value_end,
                     f"an infobox key that names no property: {line.key!r}")
    extra |= {name: rule[name] for name in ("role", "language") if name in rule}
    return read_values(evidence, line, rule["property"], rule["read"], extra)


def key_and_time(key: str) -> tuple[str, dict]:
    """A year written in the key ("Membership (2015)", "Population 2013 estimate") is the
    claims' point in time, not part of the property's name."""
    match = KEY_YEAR.search(key)
    if not match:
        return key, {}
    rest = " ".join((key[:match.start()] + " " + key[match.end():]).split())
    return rest, {"point_in_time": match["year"]}


def rule_for(key: str) -> dict | None:
    """The key's rule: its own, an office's, a language's, or else the key as a property."""
    config = _config()
    if key in config["keys"]:
        return config["keys"][key]
    if office().fullmatch(key):
        return {"property": "leader", "read": "people", "role": role_name(key)}
    tag = language_tag(key)
    if tag:
        return {"property": "native_label", "read": "single", "language": tag}
    property_id = "_".join(re.findall(r"[a-z]+", key))
    if not property_id:
        return None
    read = "list" if property_id in rulebook.properties() else "shape"
    return {"property": property_id, "read": read}


@cache
def _pattern(name: str) -> re.Pattern:
    return re.compile(_config()[name]["pattern"])


@cache
def _range() -> re.Pattern:
    return re.compile(range_pattern())


@cache
def _trailing() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(f"(?:{entry['pattern']})$"), entry["reason"])
            for entry in _config()["trailing"]]


@cache
def _noise() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(entry["pattern"]), entry["reason"]) for entry in _config()["noise"]]


def read_pair(evidence: str, pair: Pair) -> Reading:
    config = _config()["pairs"][pair.base]
    if pair.value is None:
        return _skip(pair.title.key_start, pair.title.value_end,
                     "a numbered title with no value line")
    title = evidence[pair.title.value_start:pair.title.value_end] if pair.title else ""
    if config["title_is"] == "role":
        role = {"role": role_name(title)} if title.strip() else {}
        holders = read_values(evidence, pair.value, config["property"], "list", role)
        return _merge(holders, read_office(evidence, pair.title, config["title_property"]))
    prop = config["properties"].get(role_name(title), config["property"])
    return read_values(evidence, pair.value, prop, "list", {})


def read_office(evidence: str, title: Line | None, prop: str) -> Reading:
    """The office a title line names ("Vice chairmen": vice chairman), claimed from that line,
    so that the line its holders' role is read from is cited by a claim of its own."""
    if title is None or not evidence[title.value_start:title.value_end].strip():
        return Reading()
    end = trimmed(evidence, title.value_start, title.value_end)[1]
    office = role_name(evidence[title.value_start:end])
    return Reading((Draft(prop, office, property_spec(prop)["value_type"], title.value_start,
                          end),))


def read_values(evidence: str, line: Line, prop: str, how: str, extra: dict) -> Reading:
    """The line's value as items; each becomes a draft or a skip."""
    value = evidence[line.value_start:line.value_end]
    if not value.strip():
        return _skip(line.key_start, line.value_end, "an infobox key with no value")
    if how in ("single", "motto"):
        end, qualifiers = peel_qualifiers(value, 0, len(value))
        start, end = trimmed(value, 0, end, "" if how == "motto" else QUOTES, QUOTES)
        items = [Item(start, end, qualifiers)] if value[:end].strip() else [Orphan(0, len(value))]
    else:
        items = split_items(value)
        if SENTENCE_END.search(value):
            items = [part for item in items for part in names_in_prose(value, item)]
        items = join_places(value, items) if how in ("places", "dated") else items
        items = unglued(value, items) if how == "glued" else items
        if how == "colours":
            items = [part for item in items for part in both(value, item)]
    reader = ITEM_READERS.get(how, read_item)
    readings = [_skip(line.value_start + item.start, line.value_start + item.end, PROSE_REASON)
                if isinstance(item, Prose) else reader(value, line.value_start, item, prop, extra)
                for item in items]
    if how == "people":
        readings = attach_titles(value, line.value_start, items, readings)
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


@dataclass(frozen=True)
class Prose:
    """Words of a sentence in an infobox value, which name nothing by themselves."""

    start: int
    end: int


def names_in_prose(value: str, item: Item | Orphan) -> list[Item | Orphan | Prose]:
    """An item of a value written as sentences ("eastern Colombia. Incursions to Peru"): the
    names that end each sentence's piece of it (Colombia, Peru), the rest as prose."""
    if not isinstance(item, Item) or is_name(value[item.start:item.end]):
        return [item]
    parts: list[Item | Orphan | Prose] = []
    cursor = item.start
    for piece_end in [m.start() + 1 for m in SENTENCE_END.finditer(value, item.start, item.end)
                      ] + [item.end]:
        name = TRAILING_NAME.search(value, cursor, piece_end)
        if name and is_name(name["name"]) and name.start("name") > cursor:
            parts += [Prose(cursor, name.start("name")), Item(*name.span("name"))]
        else:
            parts.append(Prose(cursor, piece_end))
        cursor = piece_end
    return parts


def both(value: str, item: Item | Orphan) -> list[Item | Orphan]:
    """"Cardinal red and steel gray" names two colours."""
    conjunction = conjunction_in(value, item.start, item.end) if isinstance(item, Item) else None
    if not conjunction:
        return [item]
    return [Item(item.start, conjunction.start()),
            Item(conjunction.end(), item.end, item.qualifiers)]


def is_name(text: str) -> bool:
    """Whether every word starts with a capital letter, but for the words that link names."""
    linking = _config()["linking_words"]
    return all(word[:1].isupper() or word in linking for word in text.split())


def unglued(value: str, items: list[Item | Orphan]) -> list[Item | Orphan]:
    """"PublicOyj" -> "Public", "Oyj": a lower-case letter followed by a capital inside one
    word marks where the copy lost the separator between two values."""
    out: list[Item | Orphan] = []
    for item in items:
        glue = GLUE.fullmatch(value, item.start, item.end) if isinstance(item, Item) else None
        if glue:
            out += [Item(item.start, glue.end("first")),
                    Item(glue.start("second"), item.end, item.qualifiers)]
        else:
            out.append(item)
    return out


def layout_reason(text: str) -> str | None:
    for entry in _config()["layout"]:
        if re.fullmatch(entry["pattern"], text.strip()):
            return entry["reason"]
    return next((reason for pattern, reason in _noise() if pattern.fullmatch(text.strip())),
                None)


def read_item(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict,
              value_type: str | None = None) -> Reading:
    """One list item -> a draft (plus a located_in draft for `Place, Region`) or a skip."""
    if isinstance(item, Orphan):
        return _skip(offset + item.start, offset + item.end,
                     "a qualifier with no value before it (the value is missing from the source)")
    spec = property_spec(prop)
    value_type = value_type or spec["value_type"]
    kept = trim(value, item.start, item.end, spec)
    if isinstance(kept, Skip):
        return _skip(offset + kept.start, offset + kept.end, kept.reason)
    start, end, cut = kept
    skips = tuple(Skip(offset + s.start, offset + s.end, s.reason) for s in cut)
    bounds = _range().fullmatch(value, start, end) if value_type in NUMBERS else None
    if bounds:
        return _merge(*(read_item(value, offset, Item(*bounds.span(end_name), item.qualifiers),
                                  prop, extra | {"quantity_qualifier": bound}, value_type)
                        for end_name, bound in RANGE_BOUNDS))
    qualifiers = dict(extra)
    if spec.get("object_type") == "person":
        rank, name_start = split_rank(value[start:end])
        if rank:
            qualifiers["rank"] = rank
            start += name_start
    remark = REMARK.search(value, start, end) if value_type in REMARKED else None
    if remark and remark.start() > start:
        qualifiers["note"], end = remark["remark"], remark.start()
    try:
        normalised, own = normalise(value_type, value[start:end], spec.get("object_type"))
    except ValueError as error:
        return _skip(offset + start, offset + end, f"not read as {value_type}: {error}")
    qualifiers |= own | {q.name: q.value for q in item.qualifiers if q.name != "alias"}
    draft = Draft(prop, normalised, value_type, offset + start, offset + end,
                  object_type=spec.get("object_type") if value_type == "entity" else None,
                  qualifiers=tuple(sorted(qualifiers.items())))
    extra_drafts = [alias_draft(value, offset, item, normalised, spec)] if _alias(item) else []
    if item.within:
        extra_drafts.append(within_draft(value, offset, item, normalised, spec))
    return Reading((draft, *extra_drafts), skips)


def trim(value: str, start: int, end: int, spec: dict) -> tuple[int, int, list[Skip]] | Skip:
    """The item without what the copy left around it (a footnote letter, coordinates, a
    flag's label), with what was cut; or a Skip when nothing of it is a value."""
    reason = layout_reason(value[start:end])
    if reason:
        return Skip(start, end, reason)
    cut = []
    for pattern, reason in _trailing():
        tail = pattern.search(value, start, end)
        if tail and tail.start() == start:
            return Skip(start, end, reason)
        if tail:
            cut.append(Skip(tail.start(), end, reason))
            end = tail.start()
    if spec.get("object_type") == "organisation" and _pattern("not_a_name").fullmatch(
            value, start, end):
        return Skip(start, end, _config()["not_a_name"]["reason"])
    if spec.get("object_type") in ("person", "place"):
        flag = country_prefix(value[start:end])
        if flag:
            cut.append(Skip(start, start + flag, FLAG_REASON))
            start += flag
    return start, end, cut


def property_spec(prop: str) -> dict:
    """The catalogue's entry, or for a key published as written, a property with no type of
    its own (each value is typed by its shape)."""
    return rulebook.properties().get(prop, {"value_type": "string"})


def read_dated(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """A date of the property; "1868 at Mechanics' Institute" a date and a place; a place
    alone where the organisation was founded."""
    if isinstance(item, Orphan) or layout_reason(value[item.start:item.end]):
        return read_item(value, offset, item, prop, extra)
    text = value[item.start:item.end]
    if is_date(text):
        return read_item(value, offset, item, prop, extra)
    at = DATE_AT_PLACE.fullmatch(text)
    if at and (is_date(at["date"]) or layout_reason(at["date"])):  # "46 years ago in X": noise
        date = Item(item.start, item.start + at.end("date"))
        place = Item(item.start + at.start("place"), item.end, item.qualifiers, item.within)
        return _merge(read_item(value, offset, date, prop, extra),
                      read_item(value, offset, place, DATED_PLACE, extra))
    if text[:1].isupper():
        return read_item(value, offset, item, DATED_PLACE, extra)
    return _skip(offset + item.start, offset + item.end, "a statement, not a date or a place")


def read_shaped(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """An item of a key published as written, typed by its shape: the first type whose
    normaliser reads it (a web address, a file, a date, a number, "230 / 400" seats), else
    text."""
    if isinstance(item, Orphan) or layout_reason(value[item.start:item.end]):
        return read_item(value, offset, item, prop, extra)
    text = value[item.start:item.end]
    for value_type, pattern in SHAPES:
        if pattern.fullmatch(text.strip()):
            return read_item(value, offset, item, prop, extra, value_type)
    if is_date(text):
        return read_item(value, offset, item, prop, extra, "edtf")
    share = SHARE.fullmatch(text)
    if share:
        part = Item(item.start, item.start + share.end("part"), item.qualifiers)
        return read_item(value, offset, part, prop, extra | {"note": f"of {share['whole']}"},
                         "integer")
    for value_type in ("integer", "decimal"):
        reading = read_item(value, offset, item, prop, extra, value_type)
        if reading.drafts:
            return reading
    return read_item(value, offset, item, prop, extra, "string")


def read_motto(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """A motto with its language before ("Latin: Spes Bona") or after it ("... (Latin)"),
    and an English translation after that; quotation marks are not part of it."""
    if isinstance(item, Orphan):
        return read_item(value, offset, item, prop, extra)
    match = MOTTO.fullmatch(value, item.start, len(value))
    named = match and (match["before"] or match["after"])
    tag = language_tag(named) if named else None
    if match is None or named and tag is None:
        return read_item(value, offset, item, prop, extra)
    language = {"language": tag} if tag else {}
    reading = read_item(value, offset, Item(*match.span("motto")), prop, extra | language)
    if match["translation"]:
        translation = Item(*match.span("translation"))
        reading = _merge(reading, read_item(value, offset, translation, "motto_translation",
                                            extra))
    return reading


def read_colour(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """A hex triplet is the colour itself; a colour's name ("Light blue") is its name."""
    reading = read_item(value, offset, item, prop, extra)
    if reading.drafts or isinstance(item, Orphan):
        return reading
    return read_item(value, offset, item, COLOUR_NAME, extra)


def attach_titles(value: str, offset: int, items: list, readings: list[Reading]) -> list[Reading]:
    """Key people: "Jorma Ollila (Chairman)" and "Richard Trumka, president" give the person
    the title as a role; a title is never a person of its own."""

    def is_title(text: str) -> bool:  # an office, or words in lower case (no one's name)
        return bool(office().fullmatch(text)) or text[:1].islower()

    out: list[Reading] = []
    for item, reading in zip(items, readings, strict=True):
        text = value[item.start:item.end] if isinstance(item, Item) else ""
        if out and out[-1].drafts and is_title(text):
            out[-1] = with_role(out[-1], role_name(text))
            out.append(_skip(offset + item.start, offset + item.end, TITLE_REASON))
        else:
            out.append(reading)
    return out


def with_role(reading: Reading, role: str) -> Reading:
    drafts = tuple(Draft(d.property, d.value, d.value_type, d.start, d.end, d.subject,
                         d.subject_type, d.object_type,
                         tuple(sorted(dict(d.qualifiers, role=role).items())))
                   for d in reading.drafts)
    return Reading(drafts, reading.skips)


def read_person(value: str, offset: int, item: Item | Orphan, prop: str, extra: dict) -> Reading:
    """A person, with a title in parentheses after the name as the role."""
    if isinstance(item, Item):
        title = TITLE_AFTER.fullmatch(value, item.start, item.end)
        if title and all(office().fullmatch(part) for part in TITLES.split(title["title"])):
            name = Item(item.start, title.end("name"), item.qualifiers)
            return read_item(value, offset, name, prop, extra | {"role": role_name(
                title["title"])})
    return read_item(value, offset, item, prop, extra)


def _merge(*readings: Reading) -> Reading:
    return Reading(tuple(d for r in readings for d in r.drafts),
                   tuple(s for r in readings for s in r.skips))


ITEM_READERS = {"dated": read_dated, "shape": read_shaped, "motto": read_motto,
                "people": read_person, "colours": read_colour}


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


def read_name_line(evidence: str) -> Reading:
    """An infobox name line: the organisation's name as written there; a line in several
    scripts holds several names run together, which are not told apart here."""
    if len(scripts(evidence)) > 1:
        return _skip(0, len(evidence), _config()["name_lines"]["reason"])
    try:
        value = normalise("name", evidence)[0]
    except ValueError:
        return Reading()
    return Reading((Draft(_config()["name_lines"]["property"], value, "name", 0,
                          len(evidence)),))


def name_lines(document, sentences) -> list[Found]:
    """The infobox's name lines other than the title (a native or former name, say)."""
    starts = {block.char_start for block in document.sections[0].blocks
              if block.kind == "infobox-name"}
    return [Found(NAME_LINES, s.sentence_id, s.char_start, s.char_end, read_name_line(s.text))
            for s in sentences if s.kind == "infobox" and s.char_start in starts
            and SEPARATOR not in s.text and bare_name(s.text) != bare_name(document.title)]


def bare_name(name: str) -> str:
    """A name compared as a reader would: case, spacing and a leading article aside."""
    return ARTICLE.sub("", " ".join(name.casefold().split()))


def scripts(text: str) -> set[str]:
    """The scripts of a text's letters, by the first word of their Unicode names."""
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


def find(document, sentences) -> list[Found]:
    """Evidence spans in a document: each infobox line, or the lines of a numbered pair, and
    the name lines that are not the title."""
    lines = [s for s in sentences if s.kind == "infobox" and SEPARATOR in s.text]
    groups: dict[str, list] = {}
    rule_ids: dict[str, str] = {}
    for sentence in lines:
        key = " ".join(sentence.text.split(SEPARATOR, 1)[0].lower().split())
        match = _numbered().fullmatch(key)
        pair = match and match["base"] in _config()["pairs"]
        slot = f"{match['base']}#{match['number']}" if pair else sentence.sentence_id
        groups.setdefault(slot, []).append(sentence)
        rule_ids[slot] = f"{RULE_ID}/pairs/{match['base']}" if pair else rule_id_of(key)
    found = []
    for slot, members in groups.items():
        start, end = members[0].char_start, members[-1].char_end
        reading = read_evidence(document.text[start:end])
        for draft_sentence in members:
            found.append(Found(rule_ids[slot], draft_sentence.sentence_id, start, end,
                               only_in(reading, draft_sentence, start)))
    return found + name_lines(document, sentences)


def rule_id_of(key: str) -> str:
    """The rule that reads a key: its own entry, or the section that reads keys like it."""
    if key in _config()["template_keys"]["keys"]:
        return f"{RULE_ID}/template_keys"
    key = key_and_time(key)[0]
    if key in _config()["keys"]:
        return f"{RULE_ID}/{key}"
    rule = rule_for(key)
    if rule and rule["read"] == "people" and rule["property"] == "leader":
        return f"{RULE_ID}/offices"
    if rule and "language" in rule:
        return f"{RULE_ID}/languages"
    return f"{RULE_ID}/{UNMAPPED}"


def rule_rows() -> list[dict]:
    """The infobox's rules: one per key it maps, and one per section that reads other keys."""
    rows = [{"rule_id": f"{RULE_ID}/{entry.name}", "file": entry.file, "line": entry.line,
             "sha256": entry.sha256,
             "description": f"The infobox key {entry.name!r}: "
                            f"{_config()['keys'][entry.name]['property']}."}
            for entry in rulebook.located("infobox", "keys")]
    rows += [{"rule_id": f"{RULE_ID}/pairs/{entry.name}", "file": entry.file,
              "line": entry.line, "sha256": entry.sha256,
              "description": f"Numbered {entry.name} pairs (title and value lines)."}
             for entry in rulebook.located("infobox", "pairs")]
    for name, section, description in SECTION_RULES:
        line = rulebook.section_line("infobox", section)
        rows.append({"rule_id": f"{RULE_ID}/{name}", "file": "pipeline/rules/infobox.yaml",
                     "line": line, "sha256": rulebook.section_sha256("infobox", section),
                     "description": description})
    return rows


def only_in(reading: Reading, sentence, offset: int) -> Reading:
    """The part of a reading whose text lies in one sentence (its claims cite that sentence)."""
    def inside(start: int, end: int) -> bool:
        return sentence.char_start <= offset + start and offset + end <= sentence.char_end
    return Reading(tuple(d for d in reading.drafts if inside(d.start, d.end)),
                   tuple(s for s in reading.skips if inside(s.start, s.end)))


def rederive(rule_id: str, evidence: str) -> Reading:
    return read_name_line(evidence) if rule_id == NAME_LINES else read_evidence(evidence)
