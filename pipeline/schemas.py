"""The JSON Schemas in `schemas/` are the one source of truth for every table.

Each row is checked against its JSON Schema, and each resource's Table Schema in
`datapackage.json` is generated from the same file (`x-primaryKey` and `x-foreignKeys` carry the
keys, which JSON Schema has no words for), as is the schema of each table's JSON file. This
module also says where a table's files are in a package, and which columns hold the article's
text as written.
"""

from __future__ import annotations  # jsonschema's validator named before it is imported

import json
from functools import cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a validator is made: a no-op publish needs only the paths
    from jsonschema import Draft202012Validator

# The wheel carries the top-level schemas/ folder inside the package, as `pipeline/schemata`
# (pyproject.toml); a source checkout (and an editable install) reads schemas/ itself.
SHIPPED_SCHEMAS = "schemata"


def schema_dir() -> Path:
    shipped = resources.files("pipeline").joinpath(SHIPPED_SCHEMAS)
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "schemas"


SCHEMA_DIR = schema_dir()
PROFILE = SCHEMA_DIR / "profiles" / "datapackage-2.0.json"
DATA_DIR = "data"
JSON_DIR = "json"
# Columns holding the article's text as written, character for character (a heading line
# starts with '=', an infobox line with '-'): checked against the document, never typed.
TEXT_AS_WRITTEN = frozenset({("documents", "text"), ("sentences", "text"),
                             ("claims", "quote"), ("skipped", "quote")})
TABLE_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
CONSTRAINTS = {"pattern": "pattern", "enum": "enum", "minimum": "minimum", "maximum": "maximum",
               "minLength": "minLength", "maxLength": "maxLength"}


@cache
def json_schema(table: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{table}.schema.json").read_text(encoding="utf-8"))


@cache
def row_validator(table: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = json_schema(table)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


FIELDWISE_KEYS = {"$schema", "title", "description", "type", "required", "additionalProperties",
                  "properties", "x-primaryKey", "x-foreignKeys"}


@cache
def field_validators(table: str) -> dict[str, Draft202012Validator] | None:
    """One validator per column, or None when the schema has a rule across fields (then each
    row must be checked whole). With only these keywords, a row whose key set is valid is
    valid exactly when each of its values is valid against its own property's schema.
    Columns whose properties say the same (ids that several tables cite, say) share one
    validator, so that a value is checked once for all of them."""
    schema = json_schema(table)
    if set(schema) - FIELDWISE_KEYS or schema.get("additionalProperties") is not False:
        return None
    return {name: _validator(json.dumps({k: v for k, v in spec.items() if k != "description"},
                                        sort_keys=True))
            for name, spec in schema["properties"].items()}


@cache
def _validator(spec: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(spec))


def columns(table: str) -> list[str]:
    return list(json_schema(table)["properties"])


def table_path(table: str) -> str:
    """Where a table's CSV file is, in a package."""
    return f"{DATA_DIR}/{table}.csv"


def json_path(table: str) -> str:
    """Where a table's JSON file is, in a package."""
    return f"{JSON_DIR}/{table}.json"


def json_schema_path(table: str) -> str:
    """Where the JSON Schema of a table's JSON file is, in a package."""
    return f"{JSON_DIR}/{table}.schema.json"


@cache
def row_values(table: str):
    """A function giving a row's values in column order, a tuple even for one column."""
    names = columns(table)
    if len(names) == 1:
        return lambda row: (row[names[0]],)
    return itemgetter(*names)


def json_file_schema(table: str) -> dict:
    """The JSON Schema of the table's JSON file as published: an array of rows, each the
    table's row schema (`schemas/<table>.schema.json`, carried in `$defs`), so that a JSON
    Schema validator (check-jsonschema, say) checks the file as it is."""
    row = {key: value for key, value in json_schema(table).items() if key != "$schema"}
    return {
        "$schema": json_schema(table)["$schema"],
        "title": json_path(table),
        "description": f"The {table} table as a JSON array with one object per row; each "
                       f"object is a row of schemas/{table}.schema.json (in $defs).",
        "type": "array",
        "items": {"$ref": f"#/$defs/{table}"},
        "$defs": {table: row},
    }


def _types(spec: dict) -> tuple[str, bool]:
    """The one non-null JSON type of a property, and whether null is allowed."""
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    nullable = "null" in types
    (json_type,) = [t for t in types if t != "null"]
    return json_type, nullable


def table_field(name: str, spec: dict, required: bool) -> dict:
    json_type, nullable = _types(spec)
    constraints = {CONSTRAINTS[k]: v for k, v in spec.items() if k in CONSTRAINTS}
    if required and not nullable:
        constraints = {"required": True, **constraints}
    field = {"name": name, "type": TABLE_TYPES[json_type], "description": spec["description"]}
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: str) -> dict:
    schema = json_schema(table)
    required = set(schema["required"])
    fields = [table_field(name, spec, name in required)
              for name, spec in schema["properties"].items()]
    table_schema = {"fields": fields, "missingValues": [""], "primaryKey": schema["x-primaryKey"]}
    if schema["x-foreignKeys"]:
        table_schema["foreignKeys"] = schema["x-foreignKeys"]
    return table_schema


@cache
def column_types(table: str) -> dict[str, str]:
    """Each column's JSON type, for turning CSV text back into typed values (one dict per
    table, shared: not to be changed)."""
    return {name: _types(spec)[0] for name, spec in json_schema(table)["properties"].items()}


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
