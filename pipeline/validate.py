"""Stage: validate. Three independent nets, each reporting what is wrong and where.

1. Every row against its JSON Schema (pipeline/rows.py: as an article is built, as the
   tables are written, and again on a published package's CSV).
2. Provenance: every span round-trips into the canonical text and lies inside its container,
   and every id is the one its content makes.
3. The written package: the descriptor against the Data Package v2 profile and our own strict
   key lists (the profile accepts misspelt keys), the manifest against the files (none
   missing, changed or added: pipeline/manifest.py), then frictionless for types,
   constraints, hashes and primary and foreign keys.
"""

import csv
import functools
import json
from pathlib import Path
from types import SimpleNamespace

from pipeline import ids, loader
from pipeline.cache import Memo
from pipeline.curate import CURATED
from pipeline.datasette_metadata import datasette_metadata
from pipeline.derive import VIEWS, derive
from pipeline.errors import excerpt
from pipeline.executor import Executor, LocalProcesses
from pipeline.extract import not_on_one, rederive
from pipeline.extract.gates import row_refusal, title_label
from pipeline.extract.model import QUALIFIERS, Reading
from pipeline.formats import DATABASE, DATASETTE, json_text, sqlite_problems
from pipeline.manifest import digest, manifest_problems
from pipeline.package import resource as written_resource
from pipeline.package import spreadsheet_warnings
from pipeline.rows import MAX_PROBLEMS_PER_TABLE, row_problems
from pipeline.schemas import (
    PROFILE,
    columns,
    json_file_schema,
    json_path,
    json_schema_path,
    table_path,
    table_schema,
)

PACKAGE_KEYS = {"$schema", "name", "title", "description", "version", "licenses",
                "contributors", "keywords", "sources", "resources"}
RESOURCE_KEYS = {"name", "type", "path", "title", "description", "format", "mediatype",
                 "encoding", "bytes", "hash", "schema"}
SOURCE_KEYS = {"title", "path", "sha256"}
READ_AS = ("type", "path", "format", "mediatype", "encoding")  # how a resource's file is read
def _span_problem(text: str, row: dict, quote_field: str, container: tuple[int, int]) -> str:
    start, end = row["char_start"], row["char_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return f"span {start}..{end} is not inside the document (length {len(text)})"
    if text[start:end] != row[quote_field]:
        return f"{quote_field} does not equal the document text at {start}..{end}"
    if not (container[0] <= start and end <= container[1]):
        return f"span {start}..{end} is not inside its container {container[0]}..{container[1]}"
    return ""


def provenance_problems(tables: dict[str, list[dict]]) -> list[str]:
    """Every sentence is the exact slice of its document and lies inside its section."""
    problems = []
    texts = {d["document_id"]: d["text"] for d in tables["documents"]}
    for number, document in enumerate(tables["documents"], start=2):
        if document["characters"] != len(document["text"]):
            problems.append(f"{table_path('documents')}:{number} field characters: "
                            f"{document['characters']} is not the text's length")
    sections = {s["section_id"]: s for s in tables["sections"]}
    for number, section in enumerate(tables["sections"], start=2):
        text = texts.get(section["document_id"], "")
        if not 0 <= section["char_start"] <= section["char_end"] <= len(text):
            problems.append(f"{table_path('sections')}:{number} span is outside its document")
    for number, sentence in enumerate(tables["sentences"], start=2):
        section = sections.get(sentence["section_id"])
        if section is None or section["document_id"] != sentence["document_id"]:
            problems.append(f"{table_path('sentences')}:{number} field section_id: "
                            "not a section of the sentence's document")
            continue
        problem = _span_problem(texts.get(sentence["document_id"], ""), sentence, "text",
                                (section["char_start"], section["char_end"]))
        if problem:
            problems.append(f"{table_path('sentences')}:{number} ({sentence['sentence_id']}): "
                            f"{problem}")
    return problems


def identity_problems(tables: dict[str, list[dict]]) -> list[str]:
    """Every section, sentence, claim and skip has the id its content makes (pipeline/ids.py):
    an id made another way would not survive a rebuild after an edit elsewhere."""
    starts = {s["sentence_id"]: s["char_start"] for s in tables["sentences"]}
    made = {
        "sections": lambda r: ids.section_id(r["document_id"], r["title"], r["ordinal"] == 0),
        "sentences": lambda r: ids.sentence_id(r["document_id"], r["text"]),
        "claims": lambda r: ids.claim_id(  # a corrected claim keeps the id it was read with
            r["document_id"], r["sentence_id"], r["property_id"], r["value_type"],
            r["value"] if r["extracted_value"] is None else r["extracted_value"],
            *_in_sentence(r, starts)),
        "skipped": lambda r: ids.skip_id(r["document_id"], r["sentence_id"], r["rule_id"],
                                         r["reason"], *_in_sentence(r, starts)),
    }
    problems = []
    for table, make in made.items():
        key = table_schema(table)["primaryKey"][0]
        for number, row in enumerate(tables[table], start=2):
            if ids.unsuffixed(row[key]) != make(row):
                problems.append(f"{table_path(table)}:{number} field {key}: {row[key]} is not "
                                f"the id its content makes ({make(row)})")
    return problems


def _in_sentence(row: dict, starts: dict[str, int]) -> tuple[int, int]:
    start = starts.get(row["sentence_id"], 0)
    return row["char_start"] - start, row["char_end"] - start


def claim_key(claim: dict) -> tuple:
    """What re-reading the claim's evidence must reproduce (see Draft.key)."""
    offset = claim["evidence_start"]
    qualifiers = tuple(sorted((name, str(claim[name])) for name in QUALIFIERS
                              if claim[name] is not None))
    return (claim["property_id"], claim["value"], claim["value_type"],
            claim["char_start"] - offset, claim["char_end"] - offset, qualifiers)


def reread(rule_id: str, text: str, row: dict, sentence: dict) -> Reading:
    """What the rule reads from the claim's evidence, its gates seeing the sentence around it
    as when it was read (extract.gated)."""
    start, end = row["evidence_start"], row["evidence_end"]
    around = min(sentence["char_start"], start), max(sentence["char_end"], end)
    return rederive(rule_id, text[start:end], text[around[0]:around[1]], start - around[0])


def _evidence_problem(text: str, row: dict, sentence: dict, section: dict,
                      entries: dict[str, dict]) -> str:
    start, end = row["evidence_start"], row["evidence_end"]
    if not section["char_start"] <= start <= row["char_start"] <= row["char_end"] <= end <= \
            section["char_end"]:
        return f"evidence {start}..{end} does not hold the value inside the sentence's section"
    if row["rule_id"].startswith(CURATED):
        return _curated_problem(row, entries.get(row["rule_id"]), text, sentence)
    drafts = reread(row["rule_id"], text, row, sentence).drafts
    if claim_key(row) not in {draft.key() for draft in drafts}:
        return (f"value {row['value']!r} and its qualifiers do not re-derive from the evidence "
                f"{text[start:end]!r} by rule {row['rule_id']}")
    return ""


def _itself_problem(row: dict) -> str:
    """No rule relates an entity to itself (resolve.not_itself)."""
    if row["object_id"] and row["object_id"] == row["subject_id"] and \
            not row["rule_id"].startswith(CURATED):
        return f"{row['property_id']} {row['value']!r} relates the subject to itself"
    return ""


def _gate_problem(text: str, row: dict, sentence: dict, types: dict[str, str]) -> str:
    """The value passes its type's gate unchanged (pipeline/extract/gates.py)."""
    refusal = row_refusal(row, text, sentence, types.get(row["object_id"] or ""))
    return f"value {row['value']!r} does not pass its gate: {refusal}" if refusal else ""


def _curated_problem(row: dict, entry: dict | None, text: str, sentence: dict) -> str:
    """A claim a reviewer corrected or added states what the entry says, not what a rule
    reads."""
    if entry is None or entry["claim_id"] != row["claim_id"]:
        return f"rule {row['rule_id']} is not a curation entry about this claim"
    if entry["value"] is not None and entry["value"] != row["value"]:
        return f"value {row['value']!r} is not the curation entry's {entry['value']!r}"
    for name, value in json.loads(entry["qualifiers"] or "{}").items():
        if row[name] != value:
            return f"{name} {row[name]!r} is not the curation entry's {value!r}"
    if entry["decision"] == "add" and (row["evidence_start"], row["evidence_end"]) != (
            row["char_start"], row["char_end"]):
        return "an added claim's evidence is its quote"
    if entry["decision"] == "correct" and not _extracted_rederives(row, entry, text, sentence):
        return (f"extracted_value {row['extracted_value']!r} does not re-derive from the "
                f"evidence by rule {entry['extracted_by']}")
    return ""


def _extracted_rederives(row: dict, entry: dict, text: str, sentence: dict) -> bool:
    """A corrected claim's extracted value is still what its rule reads from its evidence
    (the qualifiers may be the reviewer's)."""
    if not entry["extracted_by"]:
        return False
    read = {draft.key()[:5] for draft in reread(entry["extracted_by"], text, row,
                                                 sentence).drafts}
    return claim_key({**row, "value": row["extracted_value"]})[:5] in read


def curation_problems(tables: dict[str, list[dict]]) -> list[str]:
    """Each decision is applied as recorded, and nothing is decided without a record."""
    claims = {c["claim_id"]: c for c in tables["claims"]}
    rejected = {e["claim_id"]: e for e in tables["curation"] if e["decision"] == "reject"}
    corrected = {e["claim_id"] for e in tables["curation"] if e["decision"] == "correct"}
    problems = []
    for entry in tables["curation"]:
        claim = claims.get(entry["claim_id"], {})
        if entry["decision"] != "reject" and claim.get("rule_id") != entry["entry_id"]:
            problems.append(f"{table_path('curation')} ({entry['entry_id']}): claim "
                            f"{entry['claim_id']} does not name the entry as its rule")
    for claim in tables["claims"]:
        where = f"{table_path('claims')} ({claim['claim_id']})"
        entry = rejected.get(claim["claim_id"])
        deprecated = (claim["statement_rank"] == "deprecated", claim["deprecation_reason"])
        if deprecated != ((True, entry["reason"]) if entry else (False, None)):
            problems.append(f"{where}: statement_rank {claim['statement_rank']!r} and "
                            "deprecation_reason are not what the curation table records")
        if (claim["extracted_value"] is not None) != (claim["claim_id"] in corrected):
            problems.append(f"{where}: extracted_value is kept only for a claim a curation "
                            "entry corrected")
    return problems


def document_problems(tables: dict[str, list[dict]], memo: Memo | None = None) -> list[str]:
    """Each row has the id its content makes (identity_problems), and each claim's quote is
    its document slice, inside its sentence, and re-derives.

    Re-deriving runs the claim's rule again, the costliest check: these checks run by
    document over the memo's workers, skipping the documents whose rows an earlier build
    found valid (see cache.Memo); when any document's rows are invalid, all are checked
    again, for the messages and their line numbers."""
    problems = conflict_problems(tables["claims"]) + curation_problems(tables)
    memo = memo or Memo(None, "claims")
    if all(memo.map(document_is_valid, [(part,) for part in document_parts(tables)])):
        return problems
    return (identity_problems(tables) + claim_row_problems(tables) + skipped_problems(tables)
            + work_problems(tables) + problems)


def work_problems(tables: dict[str, list[dict]]) -> list[str]:
    """No rule's claim is about the subject of an article on no organisation (a list, a
    creative work, a person: extract.not_on_one, asked again of the published title, text and
    sentences)."""
    sentences: dict[str, list] = {}
    for row in sorted(tables["sentences"], key=lambda row: row["char_start"]):
        sentences.setdefault(row["document_id"], []).append(SimpleNamespace(**row))
    others = {d["document_id"]: (ids.slugify(title_label(d["title"])), kind)
              for d in tables["documents"]
              if (kind := not_on_one(d["title"], d["text"], sentences.get(d["document_id"], [])))}
    return [f"{table_path('claims')} ({claim['claim_id']}): {claim['property_id']} is about the "
            f"subject of an article on {others[claim['document_id']][1]}, which is no "
            "organisation" for claim in tables["claims"]
            if not claim["rule_id"].startswith(CURATED)
            and others.get(claim["document_id"], ("",))[0] == claim["subject_id"]]


def claim_row_problems(tables: dict[str, list[dict]]) -> list[str]:
    texts = {d["document_id"]: d["text"] for d in tables["documents"]}
    sentences = {s["sentence_id"]: s for s in tables["sentences"]}
    sections = {s["section_id"]: s for s in tables["sections"]}
    entries = {e["entry_id"]: e for e in tables["curation"]}
    types = {e["entity_id"]: e["type"] for e in tables["entities"]}
    problems = []
    for number, claim in enumerate(tables["claims"], start=2):
        where = f"{table_path('claims')}:{number} ({claim['claim_id']})"
        sentence = sentences.get(claim["sentence_id"])
        if sentence is None or sentence["document_id"] != claim["document_id"]:
            problems.append(f"{where}: sentence_id is not a sentence of the claim's document")
            continue
        text = texts[claim["document_id"]]
        problem = (_itself_problem(claim)
                   or _span_problem(text, claim, "quote", (sentence["char_start"],
                                                         sentence["char_end"]))
                   or _gate_problem(text, claim, sentence, types)
                   or _evidence_problem(text, claim, sentence, sections[sentence["section_id"]],
                                        entries))
        if problem:
            problems.append(f"{where}: {problem}")
    return problems


def document_is_valid(document: dict[str, list[dict]]) -> bool:
    """A document's rows (a package of one document) have their ids, re-derive, quote their
    text, and make no claim about the subject of an article on no organisation; a row citing
    another document's sentence is not valid here, and is checked with all rows."""
    return not (identity_problems(document) or claim_row_problems(document)
                or skipped_problems(document) or work_problems(document))


def document_parts(tables: dict[str, list[dict]]) -> list[dict[str, list[dict]]]:
    """Per document, the rows checked with it (document_is_valid): a package of one document."""
    needed = ("documents", "sections", "sentences", "claims", "skipped", "curation")
    parts: dict[str, dict[str, list[dict]]] = {}
    for table in needed:
        for row in tables[table]:
            part = parts.setdefault(row["document_id"], {name: [] for name in needed})
            part[table].append(row)
    entities = {e["entity_id"]: e for e in tables["entities"]}
    for part in parts.values():  # the entities its claims name, whose types their gates need
        named = dict.fromkeys(c["object_id"] for c in part["claims"] if c["object_id"])
        part["entities"] = [entities[e] for e in named if e in entities]
    return list(parts.values())


def conflict_problems(claims: list[dict]) -> list[str]:
    """Flagged conflicts name claims that exist and that name them back."""
    named = {c["claim_id"]: set((c["conflicts_with"] or "").split()) for c in claims}
    problems = []
    for claim_id, others in named.items():
        for other in sorted(others):
            if claim_id not in named.get(other, set()):
                problems.append(f"{table_path('claims')} ({claim_id}): conflicts_with {other}, "
                                "which does not name it back")
    return problems


def skipped_problems(tables: dict[str, list[dict]]) -> list[str]:
    texts = {d["document_id"]: d["text"] for d in tables["documents"]}
    sentences = {s["sentence_id"]: s for s in tables["sentences"]}
    problems = []
    for number, skip in enumerate(tables["skipped"], start=2):
        sentence = sentences.get(skip["sentence_id"])
        container = (sentence["char_start"], sentence["char_end"]) if sentence else (0, -1)
        problem = _span_problem(texts.get(skip["document_id"], ""), skip, "quote", container)
        if problem:
            problems.append(f"{table_path('skipped')}:{number} ({skip['skip_id']}): {problem}")
    return problems


def view_problems(tables: dict[str, list[dict]]) -> list[str]:
    """Each view value equals what the claims it cites state: derive again and compare."""
    expected = derive(tables)
    problems = []
    for view in VIEWS:
        published, derived = tables[view], expected[view]
        if len(published) != len(derived):
            problems.append(f"{table_path(view)}: {len(published)} rows, but the claims "
                            f"give {len(derived)}")
            continue
        for number, (row, want) in enumerate(zip(published, derived, strict=True), start=2):
            wrong = [name for name in want if row.get(name) != want[name]]
            if wrong:
                problems.append(f"{table_path(view)}:{number} field {wrong[0]}: "
                                f"{row.get(wrong[0])!r} is not what the cited claims state "
                                f"({want[wrong[0]]!r})")
    return problems


def key_problems(tables: dict[str, list[dict]]) -> list[str]:
    """Primary keys unique and foreign keys resolved, from each table's Table Schema."""
    problems = []
    known: dict[tuple[str, tuple[str, ...]], set] = {}  # the keys a table holds, by fields
    for table, rows in tables.items():
        schema = table_schema(table)
        keys = _key_values(rows, schema["primaryKey"])
        unique = set(keys)
        known[table, tuple(schema["primaryKey"])] = unique
        if len(unique) != len(keys):
            seen: set = set()
            for number, key in enumerate(keys, start=2):
                if key in seen:
                    problems.append(f"{table_path(table)}:{number} primary key {key} is not "
                                    "unique")
                seen.add(key)
    for table, rows in tables.items():
        for foreign in table_schema(table).get("foreignKeys", []):
            reference = foreign["reference"]
            target = reference["resource"] or table
            fields = tuple(reference["fields"])
            if (target, fields) not in known:
                known[target, fields] = set(_key_values(tables.get(target, []), fields))
            problems += _reference_problems(table, rows, foreign, target,
                                            known[target, fields])
    return problems


def _key_values(rows: list[dict], fields: list[str]) -> list:
    """Each row's key: the value itself for a one-field key (no tuple per row), else a tuple."""
    if len(fields) == 1:
        (name,) = fields
        return [row.get(name) for row in rows]
    return [tuple(row.get(name) for name in fields) for row in rows]


def _reference_problems(table: str, rows: list[dict], foreign: dict, target: str,
                        known: set) -> list[str]:
    """The rows whose foreign key is not among the `known` keys of `target`, the table it
    refers to."""
    keys = _key_values(rows, foreign["fields"])
    missing = set(keys) - known - {None}
    if not missing:
        return []
    problems = []
    for number, key in enumerate(keys, start=2):
        if key in missing and not (isinstance(key, tuple) and None in key):
            problems.append(f"{table_path(table)}:{number} foreign key "
                            f"{', '.join(foreign['fields'])}: {key!r} is not in {target}")
            if len(problems) >= MAX_PROBLEMS_PER_TABLE:
                break
    return problems


def file_problems(folder: Path, descriptor: dict,
                  max_table_bytes: int = loader.TABLE_BYTES) -> list[str]:
    """Each resource's file has the bytes and sha256 hash its descriptor states."""
    problems = []
    for resource in descriptor["resources"]:
        try:
            size, digest = loader.digest(folder, resource["path"], max_table_bytes)
        except loader.Unreadable as error:
            problems.append(str(error))
            continue
        if size != resource.get("bytes"):
            problems.append(f"{resource['path']}: {size} bytes, the descriptor says "
                            f"{excerpt(resource.get('bytes'))}")
        if digest != resource.get("hash"):
            problems.append(f"{resource['path']}: its sha256 is not the descriptor's hash")
    return problems


def json_problems(folder: Path, tables: dict[str, list[dict]],
                  max_table_bytes: int = loader.TABLE_BYTES) -> list[str]:
    """Each JSON file holds exactly the CSV's rows, which have passed their JSON Schemas."""
    problems = []
    for table, rows in tables.items():
        try:
            objects = loader.read_json(folder, json_path(table), max_table_bytes)
        except loader.Unreadable as error:
            problems.append(f"{json_path(table)}: cannot be read: {error}")
            continue
        if objects != rows:
            problems.append(f"{json_path(table)}: its rows differ from {table_path(table)}")
    return problems


def generated_problems(folder: Path, descriptor: dict,
                       max_table_bytes: int = loader.TABLE_BYTES) -> list[str]:
    """The files generated from the descriptor and the schemas alone (each JSON file's JSON
    Schema, Datasette's metadata) are what they generate."""
    expected = {json_schema_path(r["name"]): json_file_schema(r["name"])
                for r in descriptor["resources"]}
    expected[DATASETTE] = datasette_metadata(descriptor)
    problems = []
    for path, value in expected.items():
        try:
            written = loader.read_text(folder, path, max_table_bytes)
        except loader.Unreadable as error:
            problems.append(f"{path}: cannot be read: {error}")
            continue
        if written != json_text(value):
            problems.append(f"{path}: not the file generated from the descriptor and schemas/")
    return problems


def descriptor_problems(descriptor: dict, profile_path: Path = PROFILE) -> list[str]:
    """The profile first, then each resource a known table at a file path inside the package
    (see pipeline/loader.py), then our own strict key lists and the generated Table Schemas."""
    problems = (loader.profile_problems(descriptor, profile_path)
                or loader.resource_problems(descriptor, known_only=True))
    if problems:
        return problems
    problems += _unknown_keys("datapackage.json", descriptor, PACKAGE_KEYS)
    for index, source in enumerate(descriptor.get("sources", [])):
        problems += _unknown_keys(f"datapackage.json sources/{index}", source, SOURCE_KEYS)
    for resource in descriptor.get("resources", []):
        name = resource.get("name", "?")
        problems += _unknown_keys(f"datapackage.json resource {name}", resource, RESOURCE_KEYS)
        if resource.get("schema") != table_schema(name):
            problems.append(f"datapackage.json resource {name}: its Table Schema is not the one "
                            f"generated from schemas/{name}.schema.json")
        written = written_resource(name, digest(b""))  # only READ_AS is compared
        read_as = [key for key in READ_AS if resource.get(key) != written[key]]
        if read_as:  # a consumer (frictionless, a browser) reads the file by these
            problems.append(f"datapackage.json resource {name}: {', '.join(read_as)} not as "
                            f"written ({', '.join(str(written[key]) for key in read_as)})")
    return problems


def _unknown_keys(where: str, mapping: dict, allowed: set[str]) -> list[str]:
    return [f"{where}: unknown key {excerpt(key)}" for key in sorted(set(mapping) - allowed)]


class WrittenDialect(csv.Sniffer):
    """The dialect package.py writes, given to frictionless instead of a guess: frictionless
    always sniffs, and csv.Sniffer is quadratic in a long run of blanks on one line."""

    def sniff(self, sample, delimiters=None):
        class Written(csv.excel):
            lineterminator = "\n"

        return Written


@functools.lru_cache(maxsize=1)
def frictionless_package(descriptor_path: str, descriptor_digest: str):
    """The package as frictionless reads it, once per process and descriptor: loading it
    checks the whole descriptor (half a second), which each resource's job would repeat."""
    from frictionless import Package  # imported only when asked for: it is slow to import

    return Package(descriptor_path)


def frictionless_resource_problems(job: tuple[str, str, str]) -> list[str]:
    """Frictionless on one resource of a package, foreign keys included (runs in a worker)."""
    from unittest import mock  # with frictionless, and as slow to import (asyncio)

    descriptor_path, digest, name = job
    with mock.patch.object(csv, "Sniffer", WrittenDialect):
        report = frictionless_package(descriptor_path, digest).get_resource(name).validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            location = name + (f" row {row}" if row else "") + (f" field {field}" if field else "")
            problems.append(f"frictionless: {location}: {error.message}")
    return problems + [f"frictionless: {name}: {error.message}" for error in report.errors]


def frictionless_problems(folder: Path, names: list[str], executor: Executor | None) -> list[str]:
    """Every resource validated by frictionless, resources spread over the executor's workers
    (frictionless itself runs serially when a package has foreign keys)."""
    path = folder.resolve() / loader.DESCRIPTOR
    digest = loader.digest(folder, loader.DESCRIPTOR, loader.DESCRIPTOR_BYTES)[1]
    jobs = [(str(path), digest, name) for name in names]
    results = (executor or LocalProcesses(1)).map(frictionless_resource_problems, jobs)
    return [problem for problems in results for problem in problems]


def validate_package(folder: Path, profile_path: Path = PROFILE,
                     checked_rows: dict[str, list[dict]] | None = None,
                     executor: Executor | None = None, warn=None,
                     frictionless: bool = True, memo: Memo | None = None,
                     checked: list[str] | None = None,
                     max_table_bytes: int = loader.TABLE_BYTES) -> list[str]:
    """All checks on a written package; an empty list means it is valid.

    Our own checks cover what frictionless checks (header, types and constraints through the
    JSON Schemas the Table Schemas are generated from, primary and foreign keys, bytes and
    hashes) and add provenance; `frictionless` adds frictionless itself as a second opinion.
    `checked_rows` are the rows the package was written from, already checked against their
    JSON Schemas and read back from their CSV and JSON fragments as they were written
    (package.make_fragment); the files are then checked by their bytes and hashes instead of
    being parsed again, and the manifest, just made from the files, by its list of them.
    `warn` receives what is valid but worth knowing (values that look like spreadsheet formulas).
    `memo` remembers documents whose rows checked out in an earlier build (see document_problems).
    `checked` are the problems table_problems(checked_rows) found, when the caller ran those
    checks already and checked the SQLite database as it wrote it (formats.write_database).
    A file over `max_table_bytes` is a problem, found before it is read.
    """
    try:
        descriptor = loader.read_descriptor(folder)
    except loader.Unreadable as error:
        return [str(error)]
    problems = descriptor_problems(descriptor, profile_path)
    problems = problems or (file_problems(folder, descriptor, max_table_bytes)
                            + generated_problems(folder, descriptor, max_table_bytes)
                            + manifest_problems(folder, contents=checked_rows is None))
    if frictionless and not problems:
        names = [resource["name"] for resource in descriptor["resources"]]
        problems = frictionless_problems(folder, names, executor)
    if problems:
        return problems
    if checked_rows is None:
        tables, problems = read_tables(folder, descriptor, max_table_bytes)
        problems += [p for table, rows in tables.items() for p in row_problems(table, rows)]
    else:
        tables = checked_rows
    if problems:
        return problems
    for warning in spreadsheet_warnings(tables) if warn else ():
        warn(warning)
    problems = table_problems(tables, memo) if checked is None else checked
    # Rows that publish has just checked and derived: their views are derive(claims) and their
    # JSON was read back when written, so only a published package needs those checks again.
    published = [] if checked_rows is not None else (
        view_problems(tables) + json_problems(folder, tables, max_table_bytes))
    database = [] if checked is not None else (_database_problems(folder, max_table_bytes)
                                               or sqlite_problems(folder, tables))
    return problems or (published + database)


def table_problems(tables: dict[str, list[dict]], memo: Memo | None = None) -> list[str]:
    """The checks of the rows themselves, which need no file: keys, then (following them)
    every span and every claim re-derived."""
    return key_problems(tables) or (provenance_problems(tables) + document_problems(tables, memo))


def _database_problems(folder: Path, max_table_bytes: int) -> list[str]:
    """The database is a regular file inside the package before SQLite is let open it."""
    try:
        with loader.open_member(folder, DATABASE, max_table_bytes):
            return []
    except loader.Unreadable as error:
        return [str(error)]


def read_tables(folder: Path, descriptor: dict, max_table_bytes: int = loader.TABLE_BYTES
                ) -> tuple[dict[str, list[dict]], list[str]]:
    """Every resource's rows, typed; a file that is not CSV with the schema's header is a
    problem, not a crash."""
    tables, problems = {}, []
    for resource in descriptor["resources"]:
        name = resource["name"]
        try:
            header, tables[name] = loader.read_table(folder, resource, max_table_bytes)
        except loader.Unreadable as error:
            problems.append(f"{table_path(name)}: cannot be read as CSV: {error}")
            continue
        if header != columns(name):
            problems.append(f"{table_path(name)}: its header {excerpt(header, 200)} is "
                            f"not the schema's columns {columns(name)}")
    return tables, problems
