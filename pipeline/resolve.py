"""Stage 4, resolve: drafts become claims about entities, one entity per real-world thing.

An abbreviation and its full name are one entity (from the `official_name`, `short_name` and
`also_known_as` claims); a name written the same way in the infobox and the prose is one entity.
Entity ids are slugs of their labels, so adding an article never renumbers another's; claim and
skip ids are made from their content (pipeline/ids.py). Claims that
state incompatible values for a single-valued property are all kept and flagged, each naming
the others.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import itemgetter

from pipeline import ids, rulebook
from pipeline.cache import BadEntry, Memo, packed, unpacked
from pipeline.errors import InputError
from pipeline.extract import rule_rows
from pipeline.extract.gates import title_label
from pipeline.extract.model import QUALIFIERS, Draft, Found, Reading, Skip
from pipeline.normalise.dates import DateParseError, from_edtf
from pipeline.read import Document
from pipeline.schemas import column_types, columns, typed
from pipeline.segment import Sentence

SUBJECT_TYPE = "organisation"
ALIAS_PROPERTIES = ("official_name", "short_name", "also_known_as")
QUALIFIER_TYPES = {name: column_types("claims")[name] for name in QUALIFIERS}
NO_QUALIFIERS = dict.fromkeys(QUALIFIERS)
UNCURATED = {"statement_rank": "normal", "deprecation_reason": None, "extracted_value": None}
# What makes two claims one: everything but where the rule read it and which rule it was.
IDENTITY = itemgetter(*(name for name in columns("claims")
                        if name not in ("evidence_start", "evidence_end", "rule_id")))


@dataclass
class ArticleFacts:
    """One article's findings, with what resolution needs to place them.

    Pickled (into the article cache), the findings are packed into bytes of their own, left
    packed when the article is read back and unpacked when first asked for: a rebuild
    reuses the claims resolve's memo holds for every article but the edited one, so it never
    needs their findings, and unpickling them was most of reading a cached article. What
    resolving every article needs (its names and the aliases it states) is kept beside them."""

    document: Document
    sentences: list[Sentence]
    found: list[Found]
    names: set[str] = field(init=False)  # what resolving the article asks the aliases of
    aliases: list[tuple[str, str]] = field(init=False)  # (alias, the name it stands for)

    def __post_init__(self):
        self.names = names_in(self)
        self.aliases = aliases_in(self)

    def __getstate__(self) -> dict:
        state = {name: value for name, value in self.__dict__.items()
                 if name not in ("found", "sentence_starts")}
        state["packed"] = state.get("packed") or packed(self.found)
        return state

    def __getattr__(self, name: str):
        """The findings, unpacked when first asked for (only `found` is ever missing)."""
        if name != "found" or "packed" not in self.__dict__:
            raise AttributeError(name)
        try:
            self.found = unpacked(self.__dict__.pop("packed"))
        except BadEntry as error:
            raise InputError(self.document.source, f"its findings in the cache cannot be read "
                             f"({error}): delete the cache folder and publish again") from None
        return self.found

    @cached_property
    def sentence_starts(self) -> dict[str, int]:
        """Where each sentence starts: ids count offsets from there, not from the document."""
        return {s.sentence_id: s.char_start for s in self.sentences}


@dataclass
class Entities:
    """Entities by canonical label, and the aliases that lead to them."""

    aliases: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    first: dict[str, tuple] = field(default_factory=dict)  # label -> (order key, sentence id)

    def label(self, name: str) -> str:
        return self.aliases.get(name, name)

    def note(self, name: str, entity_type: str, order: tuple, sentence_id: str) -> str:
        label = self.label(name)
        self.noted(label, entity_type, order, sentence_id)
        return ids.slugify(label)

    def noted(self, label: str, entity_type: str, order: tuple, sentence_id: str) -> None:
        """A label (an alias already followed) named at `order`: the first type it is named
        with, and the first place."""
        self.types.setdefault(label, entity_type)
        if label not in self.first or order < self.first[label][0]:
            self.first[label] = (order, sentence_id)

    def notes(self) -> list[tuple]:
        """What was noted, as `noted` takes it, in the order labels were first named: noting
        these again in another Entities leaves it as noting the names one by one would."""
        return [(label, self.types[label], *self.first[label]) for label in self.types]

    def rows(self) -> list[dict]:
        rows = {}
        for label, (_, sentence_id) in self.first.items():
            entity_id = ids.slugify(label)
            rows.setdefault(entity_id, {"entity_id": entity_id, "label": label,
                                        "type": self.types[label],
                                        "first_sentence_id": sentence_id})
        return [rows[key] for key in sorted(rows)]


def subject_label(article: ArticleFacts, draft: Draft) -> str:
    return draft.subject if draft.subject is not None else title_label(article.document.title)


def aliases_in(article: ArticleFacts) -> list[tuple[str, str]]:
    """(alias, the name it stands for) of each alias the article's findings state, in order."""
    return [(draft.value, subject_label(article, draft)) for found in article.found
            for draft in found.reading.drafts if draft.property in ALIAS_PROPERTIES]


def collect_aliases(articles: list[ArticleFacts]) -> dict[str, str]:
    """Abbreviation or other name -> the full name it stands for, first statement wins."""
    aliases: dict[str, str] = {}
    for article in articles:
        for alias, name in article.aliases:
            aliases.setdefault(alias, name)
    for name in list(aliases):
        seen = {name}
        while aliases[name] in aliases and aliases[name] not in seen:
            seen.add(aliases[name])
            aliases[name] = aliases[aliases[name]]
    return {alias: label for alias, label in aliases.items() if alias != label}


def claim_row(article: ArticleFacts, found: Found, draft: Draft, entities: Entities,
              order: tuple) -> dict:
    text = article.document.text
    start, end = found.evidence_start + draft.start, found.evidence_start + draft.end
    subject_type = draft.subject_type or SUBJECT_TYPE
    subject_id = entities.note(subject_label(article, draft), subject_type, order,
                               found.sentence_id)
    object_id = None
    if draft.value_type == "entity":
        object_id = entities.note(draft.value, draft.object_type, order, found.sentence_id)
    qualifiers = dict(draft.qualifiers)
    return {
        "claim_id": None,
        "document_id": article.document.document_id,
        "subject_id": subject_id,
        "property_id": draft.property,
        "value": draft.value,
        "value_type": draft.value_type,
        "object_id": object_id,
        "quote": text[start:end],
        "char_start": start,
        "char_end": end,
        "sentence_id": found.sentence_id,
        "evidence_start": found.evidence_start,
        "evidence_end": found.evidence_end,
        **NO_QUALIFIERS,
        **{name: typed(value, QUALIFIER_TYPES[name]) for name, value in qualifiers.items()
           if name in QUALIFIER_TYPES},
        "rule_id": found.rule_id,
        "conflicts_with": None,
        **UNCURATED,
    }


def skip_row(article: ArticleFacts, found: Found, skip, skip_ids: ids.Apart) -> dict:
    start, end = found.evidence_start + skip.start, found.evidence_start + skip.end
    document_id = article.document.document_id
    offset = article.sentence_starts[found.sentence_id]
    base = ids.skip_id(document_id, found.sentence_id, found.rule_id, skip.reason,
                       start - offset, end - offset)
    return {"skip_id": skip_ids(base), "document_id": document_id,
            "sentence_id": found.sentence_id, "rule_id": found.rule_id, "char_start": start,
            "char_end": end, "quote": article.document.text[start:end], "reason": skip.reason}


def names_in(article: ArticleFacts) -> set[str]:
    """The names the article's claims give entities (their subjects and entity values)."""
    names = set()
    for found in article.found:
        for draft in found.reading.drafts:
            names.add(subject_label(article, draft))
            if draft.value_type == "entity":
                names.add(draft.value)
    return names


def not_itself(article: ArticleFacts, entities: Entities) -> ArticleFacts:
    """The article's findings without a relation from an entity to itself (its parent, its
    founder or its subsidiary named as the subject: "Acme Cruises is a subsidiary of Acme
    Cruises Holdings" in the article on the holdings), each reported; the validator refuses a
    claim whose object is its subject."""
    def same(draft: Draft) -> bool:
        return draft.value_type == "entity" and ids.slugify(entities.label(draft.value)) == \
            ids.slugify(entities.label(subject_label(article, draft)))
    found = [replace(f, reading=Reading(
        tuple(d for d in f.reading.drafts if not same(d)),
        f.reading.skips + tuple(Skip(d.start, d.end, f"{d.property} {d.value!r} is the "
                                     "subject itself") for d in f.reading.drafts if same(d))))
        for f in article.found]
    return replace(article, found=found)


def resolve_article(article: ArticleFacts, aliases: dict[str, str]
                    ) -> tuple[list[dict], list[dict], list]:
    """The article's claims and skipped spans, and the entities they name (Entities.notes),
    each first named at (sentence, offset): a pure function of the article and the aliases of
    its names (ArticleFacts.names), so that a rebuild reuses it for every article but the
    edited one."""
    article = not_itself(article, Entities(aliases=aliases))
    skip_ids = ids.Apart()
    skipped = [skip_row(article, found, skip, skip_ids)
               for found in article.found for skip in found.reading.skips]
    return *article_claims(article, aliases), skipped


def article_claims(article: ArticleFacts, aliases: dict[str, str]) -> tuple[list[dict], list]:
    """One row per distinct fact, in text order, each with an id made from its content; and
    the entities they name."""
    entities = Entities(aliases=aliases)
    ordinals = {s.sentence_id: s.ordinal for s in article.sentences}
    rows, seen = [], set()
    for found in article.found:
        for draft in found.reading.drafts:
            order = (ordinals[found.sentence_id], found.evidence_start + draft.start)
            row = claim_row(article, found, draft, entities, order)
            identity = IDENTITY(row)
            if identity not in seen:
                seen.add(identity)
                rows.append(row)
    rows.sort(key=lambda r: (ordinals[r["sentence_id"]], r["char_start"], r["char_end"],
                             r["property_id"], r["value"]))
    claim_ids = ids.Apart()
    for row in rows:
        row["claim_id"] = claim_ids(claim_id(row, article.sentence_starts[row["sentence_id"]]))
    return rows, entities.notes()


def claim_id(row: dict, sentence_start: int) -> str:
    """What the claim says and where in its sentence (nothing outside it moves the id), before
    suffixing."""
    return ids.claim_id(row["document_id"], row["sentence_id"], row["property_id"],
                        row["value_type"], row["value"], row["char_start"] - sentence_start,
                        row["char_end"] - sentence_start)


def _bounds(value: str) -> tuple[str, str]:
    try:
        date = from_edtf(value)
    except DateParseError:
        return value, value
    return date.earliest or "0000", date.latest or "9999"


def compatible(value_type: str, a: str, b: str) -> bool:
    """Two values that can both be true: equal, or dates whose ranges overlap."""
    if value_type == "edtf":
        (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
        return a_low <= b_high and b_low <= a_high
    return a == b


def flag_conflicts(claims: list[dict]) -> None:
    """Single-valued properties stated with incompatible values: flag each, naming the others
    (a claim a reviewer deprecated states nothing).
    Values are compared once per distinct pair, not once per pair of claims: a much-cited
    entity has many claims and few distinct values."""
    single = {p for p, spec in rulebook.properties().items() if spec.get("single_valued")}
    groups: dict[tuple, list[dict]] = {}
    for claim in claims:
        claim["conflicts_with"] = None
        if claim["property_id"] in single and claim["statement_rank"] != "deprecated":
            groups.setdefault((claim["subject_id"], claim["property_id"]), []).append(claim)
    for group in groups.values():
        by_value: dict[tuple[str, str], list[str]] = {}
        for claim in group:
            by_value.setdefault((claim["value_type"], claim["value"]), []).append(
                claim["claim_id"])
        conflicts = {(kind, value): " ".join(sorted(
            claim_id for (_, other), others in by_value.items()
            if not compatible(kind, value, other) for claim_id in others)) or None
            for kind, value in by_value}
        for claim in group:
            claim["conflicts_with"] = conflicts[claim["value_type"], claim["value"]]


def resolve(articles: list[ArticleFacts], memo: Memo | None = None) -> dict[str, list[dict]]:
    """The entities, claims and skipped tables of the whole package; `memo` (cache.Memo)
    reuses the claims of articles an earlier build resolved with the same aliases."""
    articles = sorted(articles, key=lambda a: a.document.document_id)
    entities = Entities(aliases=collect_aliases(articles))
    own_aliases = [{name: entities.aliases[name] for name in sorted(article.names)
                    if name in entities.aliases} for article in articles]
    # An article's facts are what its source and bytes make of them: those stand for the
    # article in the memo's key, cheaper to digest than its facts.
    resolved = (memo or Memo(None, "resolved")).map(
        resolve_article, list(zip(articles, own_aliases, strict=True)),
        [(a.document.source, a.document.sha256, own)
         for a, own in zip(articles, own_aliases, strict=True)])
    claims, skipped = [], []
    for doc_order, (article, (rows, notes, skips)) in enumerate(zip(articles, resolved,
                                                                    strict=True)):
        title_sentence = article.sentences[0].sentence_id
        entities.note(title_label(article.document.title), SUBJECT_TYPE, (doc_order, 0, 0),
                      title_sentence)
        for label, entity_type, order, sentence_id in notes:
            entities.noted(label, entity_type, (doc_order, *order), sentence_id)
        claims += [dict(row) for row in rows]  # flagged and curated below, not in the memo
        skipped += skips
    flag_conflicts(claims)
    return {"entities": entities.rows(), "properties": property_rows(claims), "rules": rule_rows(),
            "claims": claims, "skipped": skipped}


def property_rows(claims: list[dict]) -> list[dict]:
    """The catalogue, then each infobox key published as written, typed by its values' most
    common type."""
    rows = [{"property_id": p["id"], "label": p["label"], "description": p["description"],
             "value_type": p["value_type"], "object_type": p.get("object_type"),
             "wikidata": p.get("wikidata"), "mapped": True} for p in rulebook.load("properties")]
    types: dict[str, Counter] = {}
    for claim in claims:
        if claim["property_id"] not in rulebook.properties():
            types.setdefault(claim["property_id"], Counter())[claim["value_type"]] += 1
    for property_id in sorted(types):
        label = rulebook.property_label(property_id)
        value_type = min(types[property_id].items(), key=lambda t: (-t[1], t[0]))[0]
        rows.append({"property_id": property_id, "label": label,
                     "description": f"The infobox key {label!r}, published as written: no rule "
                                    "maps it to a property of the catalogue.",
                     "value_type": value_type, "object_type": None, "wikidata": None,
                     "mapped": False})
    return rows
