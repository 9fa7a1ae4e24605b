"""What changed between two published packages, table by table, row by primary key.

A row is *added* or *removed* when its id is only in one package; *changed* when some cell
that says what the row is differs (each such cell listed, old and new); *moved* when only cells
that say where it is differ (offsets, ordinals and lines: the columns a table's JSON Schema
marks `x-position`), as every row after an inserted sentence is. Ids are made from content
(pipeline/ids.py), so an edit to one paragraph adds and removes that paragraph's rows and moves
the rest.

The verdict is what semver asks of the package's version: MAJOR when a table's schema changes
incompatibly (a table or column gone, a column's type or the primary key changed), MINOR when
rows are added or removed (or tables or columns added), PATCH when only values are corrected
or rows moved.
"""

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from pipeline import loader
from pipeline.errors import InputError, excerpt, one_line, schema_message
from pipeline.package import FIELD_LIMIT
from pipeline.schemas import PROFILE, SCHEMA_DIR, json_schema

KEY_SEPARATOR = " "


@dataclass
class Table:
    fields: dict[str, dict]  # name -> Table Schema field
    key: list[str]
    rows: dict[str, dict[str, str]]  # id -> row, as CSV text


@dataclass
class Package:
    version: str
    tables: dict[str, Table]


@dataclass
class TableDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)
    schema: list[tuple[str, bool]] = field(default_factory=list)  # (change, incompatible)

    def as_json(self) -> dict:
        return {"added": self.added, "removed": self.removed, "changed": list(self.changed),
                "cells": {row: {column: {"old": old, "new": new}
                                for column, (old, new) in cells.items()}
                          for row, cells in self.changed.items()},
                "moved": self.moved,
                "schema": [{"change": change, "incompatible": incompatible}
                           for change, incompatible in self.schema]}


@dataclass
class PackageDiff:
    old: Package
    new: Package
    tables: dict[str, TableDiff]

    def verdict(self) -> str:
        if any(incompatible for t in self.tables.values() for _, incompatible in t.schema):
            return "major"
        if any(t.added or t.removed or t.schema for t in self.tables.values()):
            return "minor"
        if any(t.changed or t.moved for t in self.tables.values()):
            return "patch"
        return "none"

    def as_json(self) -> dict:
        return {name: table.as_json() for name, table in self.tables.items()}


def load(folder: Path, max_table_bytes: int = loader.TABLE_BYTES) -> Package:
    """A package's version and tables, read as pipeline/loader.py allows (the descriptor
    against the profile, plain table names, files inside the folder, none over
    `max_table_bytes`); a folder that is not such a package is an input error."""
    descriptor, problems = loader.load_descriptor(folder, PROFILE, known_only=False)
    if problems:
        raise InputError(str(folder), f"not a readable data package: {problems[0]}")
    try:
        tables = {resource["name"]: _table(folder, resource, max_table_bytes)
                  for resource in descriptor["resources"] if resource["path"].endswith(".csv")}
    except loader.Unreadable as error:
        raise InputError(str(folder), f"not a readable data package: {error}") from None
    return Package(str(descriptor.get("version", "")), tables)


@cache
def resource_validator() -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / "inputs" / "table-resource.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def _table(folder: Path, resource: dict, max_table_bytes: int) -> Table:
    """One CSV resource's rows by primary key, as text; its Table Schema is checked before
    the file is opened, and each row must have the header's cells."""
    name = resource["name"]
    error = next(iter(resource_validator().iter_errors(resource)), None)
    if error is not None:
        raise loader.Unreadable(f"resource {name}: {one_line(schema_message(error), 200)}")
    schema = resource["schema"]
    key = schema["primaryKey"] if isinstance(schema["primaryKey"], list) else [
        schema["primaryKey"]]
    path = resource["path"]
    csv.field_size_limit(FIELD_LIMIT)
    with loader.open_member(folder, path, max_table_bytes) as handle:
        try:
            rows = _rows(csv.reader(io.TextIOWrapper(handle, encoding="utf-8", newline="")),
                         key, path)
        except (UnicodeDecodeError, csv.Error) as error:
            raise loader.Unreadable(f"{path}: not CSV text: {excerpt(str(error))}") from None
    return Table({f["name"]: f for f in schema["fields"]}, key, rows)


def _rows(reader, key: list[str], path: str) -> dict[str, dict[str, str]]:
    header = next(reader, [])
    missing = [column for column in key if column not in header]
    if missing:
        raise loader.Unreadable(f"{path}: no column {excerpt(missing[0])} of its primary key "
                                "in its header")
    rows = {}
    for number, record in enumerate(reader, start=2):
        if len(record) != len(header):
            raise loader.Unreadable(f"{path}:{number}: {len(record)} cells, its header has "
                                    f"{len(header)}")
        row = dict(zip(header, record, strict=True))
        rows[KEY_SEPARATOR.join(row[column] for column in key)] = row
    return rows


def position_columns(table: str) -> set[str]:
    """The columns that say where a row is, not what it is (see the module's docstring)."""
    if table not in loader.known_tables():  # a table this version lacks: no schema to open
        return set()
    properties = json_schema(table)["properties"]
    return {name for name, spec in properties.items() if spec.get("x-position")}


def schema_changes(old: Table | None, new: Table | None) -> list[tuple[str, bool]]:
    if old is None:
        return [("table added", False)]
    if new is None:
        return [("table removed", True)]
    changes = [(f"column {name} removed", True) for name in old.fields if name not in new.fields]
    changes += [(f"column {name} added", False) for name in new.fields if name not in old.fields]
    for name in old.fields.keys() & new.fields.keys():
        before, after = old.fields[name], new.fields[name]
        if before["type"] != after["type"]:
            changes.append((f"column {name}: type {before['type']} -> {after['type']}", True))
        if before.get("constraints") != after.get("constraints"):
            changes.append((f"column {name}: constraints changed", True))
    if old.key != new.key:
        changes.append((f"primary key {old.key} -> {new.key}", True))
    return sorted(changes)


def diff_table(name: str, old: Table | None, new: Table | None) -> TableDiff:
    before = old.rows if old else {}
    after = new.rows if new else {}
    where = position_columns(name)
    result = TableDiff(added=[row_id for row_id in after if row_id not in before],
                       removed=[row_id for row_id in before if row_id not in after],
                       schema=schema_changes(old, new))
    for row_id, b in after.items():  # in the table's own order, which is the text's for claims
        a = before.get(row_id)
        if a is None or a == b:
            continue
        # A column only one side has is a schema change, not a change to every row.
        cells = {column: (a[column], b[column]) for column in sorted(a.keys() & b.keys())
                 if a[column] != b[column] and column not in where}
        if cells:
            result.changed[row_id] = cells
        else:
            result.moved.append(row_id)
    return result


def diff_packages(old_folder: Path, new_folder: Path,
                  max_table_bytes: int = loader.TABLE_BYTES) -> PackageDiff:
    old, new = load(old_folder, max_table_bytes), load(new_folder, max_table_bytes)
    names = [*old.tables, *(name for name in new.tables if name not in old.tables)]
    return PackageDiff(old, new, {name: diff_table(name, old.tables.get(name),
                                                   new.tables.get(name)) for name in names})


def print_json(result: PackageDiff) -> None:
    json.dump(result.as_json(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


VERDICT_REASONS = {"major": "a table's schema changed incompatibly",
                   "minor": "rows (or tables, or columns) were added or removed",
                   "patch": "only values were corrected, or rows moved",
                   "none": "nothing changed"}
SENTENCE_SHOWN = 160  # characters of a claim's sentence quoted in the summary


def markdown(result: PackageDiff, old_name: str, new_name: str) -> str:
    lines = [f"# Changes from {old_name} to {new_name}", "", *summary(result)]
    claims = claim_changes(result)
    if claims:
        lines += ["## Claims by document", "", *claims]
    return "\n".join(lines).rstrip() + "\n"


def summary(result: PackageDiff) -> list[str]:
    """The verdict, the counts per table and the schema changes, as Markdown lines."""
    verdict = result.verdict()
    lines = [f"Verdict: **{verdict.upper()}**: {VERDICT_REASONS[verdict]}.", ""]
    touched = {name: t for name, t in result.tables.items()
               if t.added or t.removed or t.changed or t.moved or t.schema}
    if touched:
        lines += ["| table | added | removed | changed | moved |", "|---|--:|--:|--:|--:|"]
        lines += [f"| {name} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} "
                  f"| {len(t.moved)} |" for name, t in touched.items()]
        lines.append("")
    schema = [f"- {name}: {change}" + (" (incompatible)" if incompatible else "")
              for name, t in touched.items() for change, incompatible in t.schema]
    if schema:
        lines += ["Schema changes:", "", *schema, ""]
    return lines


def claim_changes(result: PackageDiff, heading: str = "###", limit: int | None = None
                  ) -> list[str]:
    """The claims added, removed and corrected, grouped by document, each with its sentence;
    at most `limit` of each kind per document, then how many more."""
    change = result.tables.get("claims")
    if change is None:
        return []
    groups: dict[str, dict[str, list[str]]] = {}
    for kind, ids, package in (("Added", change.added, result.new),
                               ("Removed", change.removed, result.old),
                               ("Corrected", list(change.changed), result.new)):
        for claim_id in ids:
            claim = package.tables["claims"].rows[claim_id]
            entry = _claim_line(claim, package, change.changed.get(claim_id))
            groups.setdefault(claim.get("document_id", ""), {}).setdefault(kind, []).append(entry)
    lines = []
    for document in sorted(groups):
        lines += [f"{heading} {document}", ""]
        for kind, entries in groups[document].items():
            more = len(entries) - limit if limit is not None and len(entries) > limit else 0
            lines += [f"{kind} ({len(entries)}):", "", *entries[:len(entries) - more]]
            lines += [f"- … and {more} more", ""] if more else [""]
    return lines


def _claim_line(claim: dict, package: Package, cells: dict | None) -> str:
    short = claim.get("claim_id", "").split(":", 1)[-1]  # a package's columns may differ
    sentences = package.tables.get("sentences")
    sentence = (sentences.rows if sentences else {}).get(claim.get("sentence_id"), {}).get(
        "text", "")
    if len(sentence) > SENTENCE_SHOWN:
        sentence = sentence[:SENTENCE_SHOWN - 1].rstrip() + "…"
    what = f"- `{short}` {claim.get('property_id')} = {claim.get('value')!r}"
    if cells:
        what += ": " + "; ".join(f"{column} {old!r} -> {new!r}"
                                 for column, (old, new) in cells.items())
    return f"{what}\n  > {sentence}"
