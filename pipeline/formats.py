"""The package's other forms for consumers, written from the same tables as the CSV:
JSON (one array of typed objects per table, each file with its own JSON Schema), one SQLite
database with its keys declared, and a data dictionary (README.md) generated from the schemas
and the descriptor.

Each is deterministic, like the CSV: the same tables give the same bytes. (The review site,
pipeline/site.py, is written by the publish stage.)
"""

import json
import sqlite3
from pathlib import Path

from pipeline.errors import no_space, out_of_space
from pipeline.manifest import MANIFEST, file_digest
from pipeline.schemas import (
    JSON_DIR,
    TEXT_AS_WRITTEN,
    column_types,
    columns,
    json_file_schema,
    json_schema,
    json_schema_path,
    row_values,
    table_schema,
)

DATABASE = "datapackage.sqlite"
DICTIONARY = "README.md"
DATASETTE = "metadata.json"  # written by package.write_package: see datasette_metadata.py
MAX_BROKEN_KEYS = 50  # foreign keys reported, at most
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def json_text(value) -> str:
    """A JSON file's text as the package writes it: indented, keys in the order given."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write_json(path: Path, value) -> None:
    path.write_text(json_text(value), encoding="utf-8")


ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)  # json.dumps makes one a row


def json_lines(table: str, rows: list[dict]) -> bytes:
    """Rows as JSON objects in column order, one a line, joined by commas (a row whose keys
    are the columns in order, as the pipeline makes them, is encoded as it is)."""
    names = tuple(columns(table))
    return ",\n".join(ENCODER.encode(row if tuple(row) == names else {n: row[n] for n in names})
                       for row in rows).encode("utf-8")


def json_document(fragments: list[bytes]) -> list[bytes]:
    """An array with one object per line, so that a diff shows which rows changed: the file's
    bytes, as pieces to be written one after another."""
    pieces = [b"[\n"]
    for fragment in fragments:
        if fragment:
            pieces += (fragment, b",\n")
    if len(pieces) == 1:
        return [b"[]\n"]
    pieces[-1] = b"\n]\n"
    return pieces


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


def write_sqlite(folder: Path, tables: dict[str, list[dict]]) -> None:
    """One database, every table with its keys, rows in package order. It is a new file in a
    staging folder that only this process writes: no journal, no lock taken and released
    around each statement, and no waiting for the disk, which the package's other files do not
    wait for either."""
    path = folder / DATABASE
    connection = sqlite3.connect(path)
    try:
        for pragma in ("journal_mode = OFF", "locking_mode = EXCLUSIVE", "synchronous = OFF"):
            connection.execute(f"PRAGMA {pragma}")
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


IDS_AND_DECISIONS = """## Ids, and what changes them

Ids are made from content, never from position, so a join or a note kept on an id survives an
edit elsewhere in the article: a sentence's id is a hash of its own text; a claim's, of its
sentence id, property, value type, value and its offsets within that sentence; a skipped
span's likewise; a section's is its heading's slug (`lead` for the title's own section); a
document's and an entity's, the slug of the title or label. A second row with the same id in
one document gets `.2`, the third `.3`. An id changes only when what it names does. Warnings
keep ordinals. `CHANGELOG.md`, where present, lists each release: its semver version, what was
added, removed and corrected.

## What a reviewer decided

A person may curate an article's claims in a file beside it (`<stem>.curation.yaml`). A claim
they rejected stays in `claims` with `statement_rank` `deprecated` and its
`deprecation_reason`, and is in no view; a corrected claim keeps its id and span, with the
rules' value in `extracted_value` (re-derived by the rule `curation.extracted_by` names); an
added claim is read from a quote. A corrected or added
claim's `rule_id` names the entry (`curation/<file>:<line>`, a row of `rules`), and the
`curation` table lists every entry with its decision and reason. Claims with `statement_rank`
`normal` and a `rule_id` outside `curation/` are the rules' own extraction.
"""


def _consumers() -> str:
    """How to check the JSON files, open the CSV in a spreadsheet and browse the database."""
    as_written = ", ".join(f"`{table}.{column}`" for table, column in sorted(TEXT_AS_WRITTEN))
    return f"""## Checking the JSON files

Each `{JSON_DIR}/<table>.json` is one JSON array of the table's rows (one object per line, keys
in column order, a missing value as `null`), and `{json_schema_path('<table>')}` beside it is
that file's JSON Schema (draft 2020-12): an array whose items are the table's row schema,
carried in `$defs`. Any JSON Schema validator checks a file as it is published:

```sh
check-jsonschema --schemafile {json_schema_path('claims')} {JSON_DIR}/claims.json
```

## Opening the CSV in a spreadsheet

Values are published as written. The columns that hold the article's text character for
character begin with `=` at a heading and with `-` at an infobox line, which a spreadsheet
would take for a formula:
{as_written}.
Other columns may too, where the article's text does: publishing names each such column in a
`formula-like` warning (a number such as `-5` is not one). Import a CSV as text (LibreOffice:
*Text Import*, column type *Text*; Excel: *Data > From Text/CSV*, then set the columns to
*Text*) rather than opening it directly, and do not let the spreadsheet evaluate formulas in it.

## Browsing with Datasette

`{DATASETTE}` is [Datasette](https://datasette.io/)'s metadata for `{DATABASE}`,
generated from the descriptor and the schemas: the title, licence and source, every table's and
column's description, and canned queries. With Datasette installed (`pip install datasette`):

```sh
datasette {DATABASE} -m {DATASETTE}
```
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
              f"- `{MANIFEST}`: every other file of the package, with its size and SHA-256; a "
              "publish replaces only a folder that holds exactly these files.",
              "- `data/<table>.csv`: the tables (UTF-8, LF, header row; empty cell = missing).",
              f"- `{JSON_DIR}/<table>.json`: the same rows as a JSON array of typed objects.",
              f"- `{json_schema_path('<table>')}`: the JSON Schema of that JSON file.",
              f"- `{DATABASE}`: every table in one SQLite database, keys declared.",
              f"- `{DATASETTE}`: Datasette's metadata for the database.",
              "- `index.html` and `review/`: the review site: a page per article with every fact "
              "highlighted in its sentence, the facts by entity, a timeline, conflicts and "
              "skipped values; a page per entity named in more than one article; the index "
              "lists the articles.",
              "- `CHANGELOG.md`, where present: the releases (`make release` writes it beside the "
              "articles; each publish copies it here).", "",
              TRACING, IDS_AND_DECISIONS, _consumers(), "## Tables", ""]
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


def write_json_schemas(folder: Path, tables) -> None:
    """Each table's JSON file's JSON Schema, beside it (schemas.json_file_schema)."""
    for table in tables:
        write_json(folder / json_schema_path(table), json_file_schema(table))


def write_database(folder: Path, tables: dict[str, list[dict]]
                   ) -> tuple[list[str], dict[str, dict]]:
    """The SQLite database, written and checked (foreign keys, row counts), and its manifest
    entry (hashed here, while the other writers write). A database that cannot be written is
    a problem, not an error."""
    try:
        write_sqlite(folder, tables)
    except (OSError, sqlite3.Error) as error:
        if out_of_space(error):
            raise no_space(DATABASE, error) from None
        return [f"{DATABASE} could not be written: {type(error).__name__}: {error}"], {}
    return sqlite_problems(folder, tables), {DATABASE: file_digest(folder / DATABASE)}
