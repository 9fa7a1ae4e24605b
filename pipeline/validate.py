"""Stage: validate. Three independent nets, each reporting what is wrong and where.

1. Every row against its JSON Schema (before writing, and again on the written CSV).
2. Provenance: every span round-trips into the canonical text and lies inside its container.
3. The written package: the descriptor against the Data Package v2 profile and our own strict
   key lists (the profile accepts misspelt keys), then frictionless for types, constraints,
   hashes and primary and foreign keys.
"""

import json
from pathlib import Path

import frictionless
from jsonschema import Draft7Validator

from pipeline.package import read_table, table_path
from pipeline.schemas import PROFILE, row_validator, table_schema

PACKAGE_KEYS = {"$schema", "name", "title", "description", "version", "licenses",
                "contributors", "keywords", "sources", "resources"}
RESOURCE_KEYS = {"name", "type", "path", "title", "description", "format", "mediatype",
                 "encoding", "bytes", "hash", "schema"}
SOURCE_KEYS = {"title", "path", "sha256"}
MAX_PROBLEMS_PER_TABLE = 50


def row_problems(table: str, rows: list[dict]) -> list[str]:
    """Each row against its table's JSON Schema; row numbers are CSV lines (header = 1)."""
    validator = row_validator(table)
    problems = []
    for number, row in enumerate(rows, start=2):
        for error in validator.iter_errors(row):
            field = ".".join(str(p) for p in error.absolute_path) or "(row)"
            problems.append(f"{table_path(table)}:{number} field {field}: {error.message}")
        if len(problems) >= MAX_PROBLEMS_PER_TABLE:
            problems.append(f"{table_path(table)}: more problems not shown")
            break
    return problems


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


def descriptor_problems(descriptor: dict, profile_path: Path = PROFILE) -> list[str]:
    try:
        profile = json.loads(profile_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{profile_path}: cannot read the profile: {error}"]
    problems = [f"datapackage.json {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                for e in Draft7Validator(profile).iter_errors(descriptor)]
    if problems:
        return problems
    problems += _unknown_keys("datapackage.json", descriptor, PACKAGE_KEYS)
    for index, source in enumerate(descriptor.get("sources", [])):
        problems += _unknown_keys(f"datapackage.json sources/{index}", source, SOURCE_KEYS)
    for resource in descriptor.get("resources", []):
        name = resource.get("name", "?")
        problems += _unknown_keys(f"datapackage.json resource {name}", resource, RESOURCE_KEYS)
        try:
            expected = table_schema(name)
        except FileNotFoundError:
            problems.append(f"datapackage.json resource {name}: no JSON Schema schemas/{name}")
            continue
        if resource.get("schema") != expected:
            problems.append(f"datapackage.json resource {name}: its Table Schema is not the one "
                            f"generated from schemas/{name}.schema.json")
    return problems


def _unknown_keys(where: str, mapping: dict, allowed: set[str]) -> list[str]:
    return [f"{where}: unknown key {key!r}" for key in sorted(set(mapping) - allowed)]


def frictionless_problems(folder: Path) -> list[str]:
    report = frictionless.validate(str(folder / "datapackage.json"))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            where = task.name or task.place
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            location = where + (f" row {row}" if row else "") + (f" field {field}" if field else "")
            problems.append(f"frictionless: {location}: {error.message}")
    problems += [f"frictionless: {error.message}" for error in report.errors]
    return problems


def validate_package(folder: Path, profile_path: Path = PROFILE) -> list[str]:
    """All checks on a written package; an empty list means it is valid."""
    descriptor_file = folder / "datapackage.json"
    if not descriptor_file.is_file():
        return [f"{descriptor_file}: no datapackage.json"]
    try:
        descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        return [f"{descriptor_file}: not valid JSON: {error}"]
    problems = descriptor_problems(descriptor, profile_path)
    if problems:
        return problems
    problems = frictionless_problems(folder)
    if problems:
        return problems
    tables = {r["name"]: read_table(folder, r["name"]) for r in descriptor["resources"]}
    for table, rows in tables.items():
        problems += row_problems(table, rows)
    return problems or provenance_problems(tables)
