"""Stage 4b, curate: a reviewer's decisions about an article's claims, applied and traced.

Extraction proposes, a person decides, the package says which is which. The decisions are a
file beside the article, `seeds/<stem>.curation.yaml` (its format:
schemas/inputs/curation.schema.json), applied on every publish:

- reject: the claim stays in `claims`, with statement_rank `deprecated` and the reason (as
  Wikidata keeps a wrong statement), and the views leave it out;
- correct: the claim keeps its id and span, takes the entry's value and qualifiers, keeps the
  extracted value in `extracted_value`, and its rule_id names the entry;
- add: a claim read from a quote of the article, its rule_id naming the entry.

Each entry is a row of the `curation` table, and each correction or addition a row of `rules`.
An entry that no longer fits the article (an unknown claim, a quote not found, a value its
property's type rejects) stops the publish before anything is written, naming the file and
line: the article or the rules changed under it, and a person must look again.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from pipeline import ids, rulebook
from pipeline.errors import InputError, excerpt, one_line, schema_message
from pipeline.extract.gates import row_refusal
from pipeline.extract.model import QUALIFIERS
from pipeline.normalise.dates import DateParseError, from_edtf
from pipeline.normalise.values import normalise
from pipeline.resolve import ALIAS_PROPERTIES, claim_id, flag_conflicts
from pipeline.rows import row_problems
from pipeline.schemas import SCHEMA_DIR, column_types

CURATED = "curation/"  # the rule_id of a claim a reviewer corrected or added begins so
DECISIONS = ("reject", "correct", "add")
DATE_QUALIFIERS = ("start_time", "end_time", "point_in_time")


@dataclass(frozen=True)
class Entry:
    decision: str
    line: int
    fields: dict


@dataclass(frozen=True)
class Curation:
    """One article's curation file, parsed and checked against its schema."""

    file: str  # as published and in messages: <articles' folder>/<stem>.curation.yaml
    source: str  # the article it curates, as documents.source
    entries: tuple[Entry, ...]

    def entry_id(self, entry: Entry) -> str:
        return f"{CURATED}{Path(self.file).name}:{entry.line}"

    def error(self, entry: Entry, message: str) -> InputError:
        return InputError(self.file, message, entry.line)


@cache
def file_validator() -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / "inputs" / "curation.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def read_curation(text: str, file: str, source: str) -> Curation:
    """The entries of a curation file; YAML or schema errors name the file and line."""
    data = rulebook.user_yaml(text, file)
    data = _as_text(data) if data is not None else {}
    error = next(iter(file_validator().iter_errors(data)), None)
    if error is not None:
        raise InputError(file, one_line(schema_message(error), 200),
                         rulebook.line_of(text, list(error.absolute_path)))
    root = yaml.compose(text, Loader=rulebook.SAFE_LOADER)
    sections = {key.value: value for key, value in root.value} if root else {}
    entries = tuple(Entry(decision, node.start_mark.line + 1, fields)
                    for decision in DECISIONS
                    for node, fields in zip(sections[decision].value if decision in data else [],
                                            data.get(decision) or [], strict=True))
    return Curation(file, source, entries)


def _as_text(value):
    """Dates YAML reads as dates (an unquoted 1961-02-05) are the text they were written as."""
    if isinstance(value, dict):
        return {key: _as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def curate(tables: dict[str, list[dict]], curations: list[Curation]) -> dict[str, list[dict]]:
    """The claims, entities and rules with every curation applied (the claims in place: they
    are this publish's own rows), and the curation table."""
    if not any(curation.entries for curation in curations):
        return {"curation": []}
    documents = {d["source"]: d for d in tables["documents"]}
    claims = tables["claims"]
    state = Applying(claims, tables["entities"], tables["sentences"])
    rows, rules = [], []
    for curation in sorted(curations, key=lambda c: c.file):
        document = documents[curation.source]
        for entry in curation.entries:
            row = state.apply(curation, entry, document)
            rows.append(row)
            if entry.decision != "reject":
                rules.append(rule_row(curation, entry))
    flag_conflicts(claims)
    return {"entities": state.entity_rows(), "rules": sorted(tables["rules"] + rules,
                                                             key=lambda r: r["rule_id"]),
            "claims": claims, "curation": rows}


def rule_row(curation: Curation, entry: Entry) -> dict:
    written = json.dumps(entry.fields, sort_keys=True, ensure_ascii=False)
    return {"rule_id": curation.entry_id(entry), "file": curation.file, "line": entry.line,
            "sha256": hashlib.sha256(written.encode("utf-8")).hexdigest(),
            "description": entry.fields["reason"]}


class Applying:
    """The package's claims and entities while decisions are applied to them."""

    def __init__(self, claims: list[dict], entities: list[dict], sentences: list[dict]):
        self.claims = claims
        self.by_id = {claim["claim_id"]: claim for claim in claims}
        self.entities = {entity["entity_id"]: dict(entity) for entity in entities}
        self.labels = {entity["label"]: entity["entity_id"] for entity in entities}
        self.aliases = {claim["value"]: claim["subject_id"] for claim in claims
                        if claim["property_id"] in ALIAS_PROPERTIES}
        self.sentences = sentences
        self.sentence_by_id = {sentence["sentence_id"]: sentence for sentence in sentences}
        self.decided: dict[str, str] = {}  # claim id -> the entry that decided it

    def apply(self, curation: Curation, entry: Entry, document: dict) -> dict:
        fields = entry.fields
        if entry.decision == "add":
            claim = self.add(curation, entry, document)
        else:
            claim = self.claim_of(curation, entry, document)
        extracted_by = claim["rule_id"] if entry.decision == "correct" else None
        if entry.decision == "reject":
            claim["statement_rank"] = "deprecated"
            claim["deprecation_reason"] = fields["reason"]
        elif entry.decision == "correct":
            self.correct(curation, entry, claim)
        if entry.decision != "reject":
            self.check_gate(curation, entry, claim, document)
        qualifiers = fields.get("qualifiers")
        return {"entry_id": curation.entry_id(entry), "document_id": document["document_id"],
                "file": curation.file, "line": entry.line, "decision": entry.decision,
                "claim_id": claim["claim_id"], "extracted_by": extracted_by,
                "reason": fields["reason"],
                "value": None if "value" not in fields else str(fields["value"]),
                "qualifiers": None if qualifiers is None else json.dumps(
                    qualifiers, sort_keys=True, ensure_ascii=False)}

    def claim_of(self, curation: Curation, entry: Entry, document: dict) -> dict:
        claim_id = entry.fields["claim"]
        claim = self.by_id.get(claim_id)
        if claim is None or claim["document_id"] != document["document_id"]:
            raise curation.error(entry, f"no claim {claim_id} in {curation.source} (did the "
                                        "article or the rules change?)")
        if claim_id in self.decided:
            raise curation.error(entry, f"claim {claim_id} is already decided at line "
                                        f"{self.decided[claim_id]}")
        self.decided[claim_id] = str(entry.line)
        return claim

    def correct(self, curation: Curation, entry: Entry, claim: dict) -> None:
        fields = entry.fields
        claim["extracted_value"] = claim["value"]
        if "value" in fields:
            claim["value"] = self.value(curation, entry, claim["property_id"], fields["value"])
            if claim["value_type"] == "entity":
                claim["object_id"] = self.entity(claim["value"], self.object_type(claim),
                                                 claim["sentence_id"])
        claim.update(self.qualifiers(curation, entry))
        claim["rule_id"] = curation.entry_id(entry)
        self.check_row(curation, entry, claim)

    def add(self, curation: Curation, entry: Entry, document: dict) -> dict:
        fields = entry.fields
        spec = rulebook.properties().get(fields["property"])
        if spec is None:
            raise curation.error(entry, f"unknown property {excerpt(fields['property'])} (see the "
                                        "properties table)")
        subject = self.subject(curation, entry)
        start, end, sentence = self.place(curation, entry, document)
        value = self.value(curation, entry, fields["property"], fields["value"])
        claim = {column: None for column in column_types("claims")}
        claim.update({
            "document_id": document["document_id"], "subject_id": subject,
            "property_id": fields["property"], "value": value,
            "value_type": spec["value_type"], "quote": document["text"][start:end],
            "char_start": start, "char_end": end, "sentence_id": sentence["sentence_id"],
            "evidence_start": start, "evidence_end": end, "rule_id": curation.entry_id(entry),
            "statement_rank": "normal"})
        if spec["value_type"] == "entity":
            claim["object_id"] = self.entity(value, spec.get("object_type", "organisation"),
                                             sentence["sentence_id"])
        claim.update(self.qualifiers(curation, entry))
        claim["claim_id"] = claim_id(claim, sentence["char_start"])
        if claim["claim_id"] in self.by_id:
            raise curation.error(entry, f"the rules already read this claim "
                                        f"({claim['claim_id']})")
        self.check_row(curation, entry, claim)
        self.claims.append(claim)
        self.by_id[claim["claim_id"]] = claim
        return claim

    def subject(self, curation: Curation, entry: Entry) -> str:
        named = entry.fields["subject"]
        found = (named if named in self.entities else self.labels.get(named)
                 or self.aliases.get(named))
        if found is None:
            raise curation.error(entry, f"unknown subject {excerpt(named)}: give an entity's "
                                        "label or id (see the entities table)")
        return found

    def place(self, curation: Curation, entry: Entry, document: dict) -> tuple[int, int, dict]:
        """The quote's span in the document, and the sentence it lies in."""
        quote, wanted = entry.fields["quote"], entry.fields.get("sentence")
        own = [s for s in self.sentences if s["document_id"] == document["document_id"]]
        if wanted is not None:
            own = [s for s in own if s["sentence_id"] == wanted]
            if not own:
                raise curation.error(entry, f"no sentence {excerpt(wanted)} in {curation.source}")
        places = [(s["char_start"] + at, s) for s in own for at in _occurrences(s["text"], quote)]
        if not places:
            raise curation.error(entry, f"the quote {excerpt(quote)} is not in "
                                        f"{wanted or curation.source} (within one sentence)")
        if len(places) > 1:
            sentences = ", ".join(dict.fromkeys(s["sentence_id"] for _, s in places))
            raise curation.error(entry, f"the quote {excerpt(quote)} occurs {len(places)} times "
                                        f"({sentences}): say which with `sentence`")
        start, sentence = places[0]
        return start, start + len(quote), sentence

    def value(self, curation: Curation, entry: Entry, property_id: str, value) -> str:
        """The entry's value, which must already be what its type's normaliser makes."""
        value_type = rulebook.properties()[property_id]["value_type"]
        text = str(value)
        try:
            normal, _ = normalise(value_type, text)
        except ValueError as error:
            raise curation.error(entry, f"value {excerpt(text)} is not a {value_type}: "
                                        f"{one_line(str(error), 200)}") from None
        if normal != text:
            raise curation.error(entry, f"value {excerpt(text)} is not a normalised "
                                        f"{value_type} (it would be {excerpt(normal)})")
        return text

    def qualifiers(self, curation: Curation, entry: Entry) -> dict:
        given = entry.fields.get("qualifiers") or {}
        types = column_types("claims")
        for name in DATE_QUALIFIERS:
            if given.get(name) is not None:
                try:
                    from_edtf(str(given[name]))
                except DateParseError as error:
                    raise curation.error(entry, f"qualifier {name}: {one_line(str(error), 200)}"
                                         ) from None
        # A year written unquoted is a number to YAML; the schema then judges every value.
        return {name: str(value) if types[name] == "string" and value is not None else value
                for name, value in given.items() if name in QUALIFIERS}

    def check_row(self, curation: Curation, entry: Entry, claim: dict) -> None:
        problems = row_problems("claims", [claim])
        if problems:  # "data/claims.csv:2 field start_time: ..." -> "field start_time: ..."
            raise curation.error(entry, problems[0].split(" ", 1)[-1])

    def check_gate(self, curation: Curation, entry: Entry, claim: dict, document: dict) -> None:
        """A reviewer's value passes its type's gate, as every published value does (the
        validator checks it again)."""
        entity = self.entities.get(claim["object_id"] or "")
        refusal = row_refusal(claim, document["text"], self.sentence_by_id[claim["sentence_id"]],
                              entity["type"] if entity else None)
        if refusal:
            raise curation.error(entry, f"value {excerpt(claim['value'])}: {refusal}")

    def object_type(self, claim: dict) -> str:
        entity = self.entities.get(claim["object_id"] or "")
        return entity["type"] if entity else rulebook.properties().get(
            claim["property_id"], {}).get("object_type", "organisation")

    def entity(self, label: str, entity_type: str, sentence_id: str) -> str:
        """The entity a value names: one already known by label, id or alias, or a new one."""
        known = self.labels.get(label) or self.aliases.get(label)
        if known is not None:
            return known
        entity_id = ids.slugify(label)
        self.entities.setdefault(entity_id, {"entity_id": entity_id, "label": label,
                                             "type": entity_type,
                                             "first_sentence_id": sentence_id})
        self.labels.setdefault(label, entity_id)
        return entity_id

    def entity_rows(self) -> list[dict]:
        return [self.entities[key] for key in sorted(self.entities)]


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found
