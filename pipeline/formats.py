"""The package's other forms for consumers, written from the same tables as the CSV:
JSON (one array of typed objects per table), one SQLite database with its keys declared, a
data dictionary (README.md) generated from the schemas and the descriptor, and the review page
(index.html, pipeline/review.py).

Each is deterministic, like the CSV: the same tables give the same bytes.
"""

import json
import sqlite3
from functools import cache
from operator import itemgetter
from pathlib import Path

from pipeline.review import write_review
from pipeline.schemas import column_types, columns, json_schema, table_schema

DATA_DIR = "data"
JSON_DIR = "json"
DATABASE = "datapackage.sqlite"
DICTIONARY = "README.md"
MAX_BROKEN_KEYS = 50  # foreign keys reported, at most
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def table_path(table: str) -> str:
    return f"{DATA_DIR}/{table}.csv"


def json_path(table: str) -> str:
    return f"{JSON_DIR}/{table}.json"


ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)  # json.dumps makes one a row


def json_lines(table: str, rows: list[dict]) -> bytes:
    """Rows as JSON objects in column order, one a line, joined by commas (a row whose keys
    are the columns in order, as the pipeline makes them, is encoded as it is)."""
    names = tuple(columns(table))
    return ",\n".join(ENCODER.encode(row if tuple(row) == names else {n: row[n] for n in names})
                       for row in rows).encode("utf-8")


def json_document(fragments: list[bytes]) -> bytes:
    """An array with one object per line, so that a diff shows which rows changed."""
    body = b",\n".join(fragment for fragment in fragments if fragment)
    return b"[\n" + body + b"\n]\n" if body else b"[]\n"


def create_statement(table: str) -> str:
    """CREATE TABLE with the types, primary key and foreign keys of the table's schema."""
    types = column_types(table)
    schema = table_schema(table)
    lines = [f'  "{name}" {SQL_TYPES[types[name]]}' for name in columns(table)]
    lines.append(f"  PRIMARY KEY ({', '.join(schema['primaryKey'])})")
    for key in schema.get("foreignKeys", []):
        reference = key["reference"]
        lines.append(f"  FOREIGN KEY ({', '.join(key['fields'])}) REFERENCES "
                     f"\"{reference['resource']}\" ({', '.join(reference['fields'])})")
    return f'CREATE TABLE "{table}" (\n' + ",\n".join(lines) + "\n)"


@cache
def row_values(table: str):
    """A function giving a row's values in column order, a tuple even for one column."""
    names = columns(table)
    if len(names) == 1:
        return lambda row: (row[names[0]],)
    return itemgetter(*names)


def write_sqlite(folder: Path, tables: dict[str, list[dict]]) -> None:
    """One database, every table with its keys, rows in package order."""
    path = folder / DATABASE
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        for table, rows in tables.items():
            connection.execute(create_statement(table))
            marks = ", ".join("?" for _ in columns(table))
            connection.executemany(f'INSERT INTO "{table}" VALUES ({marks})',
                                   map(row_values(table), rows))
        connection.commit()
    finally:
        connection.close()


def _field_lines(table: str) -> list[str]:
    schema = table_schema(table)
    lines = ["| column | type | required | description |", "|---|---|---|---|"]
    for field in schema["fields"]:
        required = "yes" if field.get("constraints", {}).get("required") else ""
        description = field["description"].replace("|", "\\|")
        lines.append(f"| `{field['name']}` | {field['type']} | {required} | {description} |")
    keys = [f"Primary key: `{', '.join(schema['primaryKey'])}`."]
    for key in schema.get("foreignKeys", []):
        reference = key["reference"]
        keys.append(f"`{', '.join(key['fields'])}` → `{reference['resource']}."
                    f"{', '.join(reference['fields'])}`.")
    return [*lines, "", " ".join(keys)]


TRACING = """## Tracing a value to its source

Every fact row cites its sentence (`sentence_id`) and the exact characters it was read from:
`char_start` and `char_end` are Unicode code points, end-exclusive, into `documents.text`, and
`quote` is that slice. In Python, with the package's own files only:

```python
import json
docs = {d["document_id"]: d for d in json.load(open("json/documents.json"))}
for claim in json.load(open("json/claims.json")):
    text = docs[claim["document_id"]]["text"]
    assert text[claim["char_start"]:claim["char_end"]] == claim["quote"]
```

A claim's `evidence_start`..`evidence_end` is the text its rule read (an infobox line, a phrase);
`rule_id` names the rule in `pipeline/rules/`. Views (`organisations`, `names`, `roles`, `events`,
`relations`, `quantities`) cite the claims they rest on by `claim_id` (or `<column>_claims`).
"""


def dictionary(descriptor: dict, counts: dict[str, int]) -> str:
    """The data dictionary: what every table and column means, generated, never hand-edited."""
    licences = ", ".join(f"{lic['title']} ({lic['name']})" for lic in descriptor["licenses"])
    lines = [f"# {descriptor['title']}", "", descriptor["description"], "",
             f"Version {descriptor['version']}. Licence: {licences}.", "",
             "Generated by `python -m pipeline publish` from `schemas/`; do not edit by hand.", "",
             "## Sources", "", "| article | file | sha256 |", "|---|---|---|"]
    lines += [f"| {s['title']} | `{s['path']}` | `{s['sha256']}` |" for s in descriptor["sources"]]
    lines += ["", "## Files", "",
              "- `datapackage.json`: the Data Package (v2) descriptor, with every Table Schema.",
              "- `data/<table>.csv`: the tables (UTF-8, LF, header row; empty cell = missing).",
              f"- `{JSON_DIR}/<table>.json`: the same rows as a JSON array of typed objects.",
              f"- `{DATABASE}`: every table in one SQLite database, keys declared.",
              "- `index.html`: a review page: each article with every fact highlighted in its "
              "sentence, the facts by entity, a timeline, conflicts and skipped values.", "",
              TRACING, "## Tables", ""]
    lines += [f"- [`{r['name']}`](#{r['name']}): {counts[r['name']]} rows. {r['title']}."
              for r in descriptor["resources"]]
    for resource in descriptor["resources"]:
        table = resource["name"]
        lines += ["", f"### {table}", "", json_schema(table)["description"], "",
                  f"{counts[table]} rows, `{resource['path']}`.", "", *_field_lines(table)]
    return "\n".join(lines) + "\n"


def sqlite_problems(folder: Path, tables: dict[str, list[dict]]) -> list[str]:
    """The database has every table with the CSV's row count, and no broken foreign key."""
    try:
        connection = sqlite3.connect(f"file:{folder / DATABASE}?mode=ro", uri=True)
        try:
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                      for table in tables}
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [f"{DATABASE}: {error}"]
    problems = [f"{DATABASE}: table {table} row {rowid} breaks a foreign key to {parent}"
                for table, rowid, parent, _ in broken[:MAX_BROKEN_KEYS]]
    return problems + [f"{DATABASE}: table {table} has {counts[table]} rows, the CSV "
                       f"{len(rows)}" for table, rows in tables.items()
                       if counts[table] != len(rows)]


def write_dictionary(folder: Path, tables: dict[str, list[dict]], descriptor: dict) -> None:
    counts = {table: len(rows) for table, rows in tables.items()}
    (folder / DICTIONARY).write_text(dictionary(descriptor, counts), encoding="utf-8")


def write_database(folder: Path, tables: dict[str, list[dict]]) -> list[str]:
    """The SQLite database, written and checked (foreign keys, row counts). A database that
    cannot be written is a problem, not an error."""
    try:
        write_sqlite(folder, tables)
    except (OSError, sqlite3.Error) as error:
        return [f"{DATABASE} could not be written: {type(error).__name__}: {error}"]
    return sqlite_problems(folder, tables)


def write_review_page(folder: Path, tables: dict[str, list[dict]], metadata: dict,
                      memo=None) -> list[str]:
    """The review page (keeping what `memo` learnt): publish writes it in a process of its
    own while it writes the tables. A page that cannot be written is a problem, not an
    error."""
    try:
        write_review(folder, tables, metadata, memo)
    except OSError as error:
        return [f"the review page could not be written: {type(error).__name__}: {error}"]
    finally:
        if memo is not None:
            memo.close()
    return []
