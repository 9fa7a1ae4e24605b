"""The package's on-disk form: CSV tables under `data/` and the `datapackage.json` descriptor.

Writing is deterministic: rows in the order given, `\\n` line endings, UTF-8 without BOM, keys in
a fixed order, no timestamps. Reading turns the CSV text back into typed rows for validation.
"""

import csv
import hashlib
import io
import json
from functools import cache
from pathlib import Path

import yaml

from pipeline.formats import write_formats
from pipeline.schemas import column_types, columns, json_schema, table_schema

PROFILE_URL = "https://datapackage.org/profiles/2.0/datapackage.json"
METADATA = Path(__file__).resolve().parent / "package.yaml"
DATA_DIR = "data"
FIELD_LIMIT = 2**31 - 1  # a document's whole text is one cell: csv's default is 128 KiB


@cache
def metadata() -> dict:
    """Package-level metadata (name, title, licences, ...) kept as data beside the code."""
    with METADATA.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def table_path(table: str) -> str:
    return f"{DATA_DIR}/{table}.csv"


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: str, rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(table)
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in names])
    return buffer.getvalue().encode("utf-8")


def resource(table: str, content: bytes) -> dict:
    schema = json_schema(table)
    return {
        "name": table,
        "type": "table",
        "path": table_path(table),
        "title": schema["title"],
        "description": schema["description"],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "schema": table_schema(table),
    }


def descriptor(resources: list[dict], sources: list[dict]) -> dict:
    meta = metadata()
    return {
        "$schema": PROFILE_URL,
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "version": meta["version"],
        "licenses": meta["licenses"],
        "contributors": meta["contributors"],
        "keywords": meta["keywords"],
        "sources": sources,
        "resources": resources,
    }


def write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_package(folder: Path, tables: dict[str, list[dict]], sources: list[dict],
                  memo=None) -> None:
    """Write every table and the descriptor into `folder`, which must exist and be empty, and
    the other formats (`memo` reuses the review page's unchanged parts: see review_page)."""
    (folder / DATA_DIR).mkdir()
    resources = []
    for table, rows in tables.items():
        content = csv_bytes(table, rows)
        (folder / table_path(table)).write_bytes(content)
        resources.append(resource(table, content))
    package = descriptor(resources, sources)
    write_json(folder / "datapackage.json", package)
    write_formats(folder, tables, package, memo)


def typed(value: str, json_type: str):
    """A CSV cell as the JSON value its schema expects; text that is not one is kept as text."""
    if value is None or value == "":
        return None
    try:
        if json_type == "integer":
            return int(value)
        if json_type == "number":
            return float(value)
    except ValueError:
        return value
    if json_type == "boolean":
        return {"true": True, "false": False}.get(value, value)
    return value


def read_table(folder: Path, table: str) -> list[dict]:
    """Rows of a written table, typed by its JSON Schema, so they can be checked again."""
    return read_csv(folder, table)[1]


def read_csv(folder: Path, table: str) -> tuple[list[str], list[dict]]:
    """A written table's header and its rows, typed by the table's JSON Schema."""
    types = column_types(table)
    csv.field_size_limit(FIELD_LIMIT)
    with (folder / table_path(table)).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [{name: typed(value, types.get(name, "string")) for name, value in row.items()}
                for row in reader]
        return list(reader.fieldnames or []), rows
