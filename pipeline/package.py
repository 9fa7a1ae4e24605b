"""The package's on-disk form: CSV tables under `data/` and the `datapackage.json` descriptor.

Writing is deterministic: rows in the order given, `\\n` line endings, UTF-8 without BOM, keys in
a fixed order, no timestamps. Reading turns the CSV text back into typed rows for validation.
"""

import csv
import io
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import yaml

from pipeline.cache import Memo
from pipeline.datasette_metadata import datasette_metadata
from pipeline.formats import (
    DATASETTE,
    json_document,
    json_lines,
    write_dictionary,
    write_json,
    write_json_schemas,
)
from pipeline.manifest import digest
from pipeline.rows import FIELD_LIMIT, csv_rows, records_of, row_problems, rows_are_valid
from pipeline.schemas import (
    DATA_DIR,
    JSON_DIR,
    TEXT_AS_WRITTEN,
    column_types,
    columns,
    json_path,
    json_schema,
    table_path,
    table_schema,
    typed,
)

PROFILE_URL = "https://datapackage.org/profiles/2.0/datapackage.json"
METADATA = Path(__file__).resolve().parent / "package.yaml"
ARTICLE_TABLES = ("documents", "sections", "sentences", "warnings")  # read from one article
CSV_BOOLEANS = {True: "true", False: "false"}
WRITERS = 2  # threads writing the tables' files
WRITE_BUFFER = 2**20  # bytes: a table's file is written in pieces of a few kilobytes each
FORMULA_STARTS = ("=", "+", "-", "@")
SPREADSHEET_STRIPS = "\t\r"  # some spreadsheets drop these before reading a cell
FIRST_CHARACTERS = "".join(FORMULA_STARTS) + SPREADSHEET_STRIPS  # of a cell that may be one
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
SHOWN_CHARACTERS = 40


@cache
def metadata() -> dict:
    """Package-level metadata (name, title, licences, ...) kept as data beside the code."""
    with METADATA.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def csv_header(table: str) -> bytes:
    return (",".join(columns(table)) + "\n").encode("utf-8")


def csv_lines(table: str, records: list[tuple]) -> bytes:
    """Records (rows' values in column order) as CSV lines without the header; a table's file
    is its header and these. The csv module writes None as an empty cell and numbers as str()
    does; booleans are written as JSON writes them."""
    buffer = io.StringIO()
    booleans = _boolean_columns(table)
    if booleans:
        records = [_with_booleans(record, booleans) for record in records]
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue().encode("utf-8")


@cache
def _boolean_columns(table: str) -> list[int]:
    types = column_types(table)
    return [index for index, name in enumerate(columns(table)) if types[name] == "boolean"]


def _with_booleans(record: tuple, indexes: list[int]) -> list:
    cells = list(record)
    for index in indexes:
        cells[index] = CSV_BOOLEANS.get(cells[index], cells[index])
    return cells


def row_document(row: dict) -> str:
    """The document a row traces to: its own, or that of the sentence it cites."""
    sentence = row.get("sentence_id") or row.get("first_sentence_id") or ""
    return row.get("document_id") or sentence.partition(":")[0]


def document_runs(rows: list[dict]) -> list[list[dict]]:
    """The rows cut into runs of consecutive rows from one document. A rebuild after one
    article changed meets the other articles' runs again, unchanged (see Fragment)."""
    if rows and all("document_id" in row for row in rows):
        owner = itemgetter("document_id")  # most tables say it: a faster path
    else:
        owner = row_document
    return [list(run) for _, run in groupby(rows, key=owner)]


@dataclass(frozen=True)
class Fragment:
    """Some rows of a table as CSV records and as JSON lines, each read back when made:
    `problems` says where reading back did not give the same rows; `valid`, whether the rows
    pass their JSON Schema (see write_tables for the messages); `rows`, how many there are, and
    `formulas`, their cells a spreadsheet would run (formula_cells), kept with the fragment so
    that a rebuild looks again only at the runs of rows it has not met."""

    csv: bytes
    json: bytes
    problems: tuple[str, ...]
    valid: bool
    rows: int = 0
    formulas: tuple[tuple[str, int, int, str], ...] = ()


def make_fragment(table: str, rows: list[dict]) -> Fragment:
    """The articles' own tables were checked against their schemas as they were built; the
    others are checked here, so that a rebuild checks only the runs of rows it has not met.
    Rows that break their schema (a column missing, say) are not written: the package is
    refused, with the table's problems (see write_tables)."""
    records = records_of(table, rows)
    if records is None or (table not in ARTICLE_TABLES
                           and not rows_are_valid(table, rows, records)):
        return Fragment(b"", b"", (), False)
    lines, objects = csv_lines(table, records), json_lines(table, rows)
    problems = []
    if not reads_back(table, lines.decode("utf-8"), records):
        problems.append(f"{table_path(table)}: rows of {row_document(rows[0])!r} do not read "
                        "back from CSV as written")
    if json.loads(b"[" + objects + b"]") != rows:
        problems.append(f"{json_path(table)}: rows of {row_document(rows[0])!r} do not read "
                        "back from JSON as written")
    return Fragment(lines, objects, tuple(problems), True, len(rows), formula_cells(table, rows))


def runs_in_a_spreadsheet(value: str) -> bool:
    """A cell a spreadsheet would evaluate as a formula on opening the CSV: text starting with
    '=', '+', '-' or '@', but not a number ('-5', '+1.5') or a sign alone."""
    text = value.lstrip(SPREADSHEET_STRIPS)
    return len(text) > 1 and text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)


@cache
def _value_columns(table: str) -> tuple[str, ...]:
    """The string columns whose formula-like text is warned about: not the article's text as
    written (schemas.TEXT_AS_WRITTEN: a heading starts with '='), which the data dictionary
    explains once instead."""
    types = column_types(table)
    return tuple(name for name in columns(table)
                 if types[name] == "string" and (table, name) not in TEXT_AS_WRITTEN)


def formula_cells(table: str, rows: list[dict]) -> tuple[tuple[str, int, int, str], ...]:
    """Each value column of `rows` holding text a spreadsheet would run as a formula: the
    column, how many such cells, the first one's index in `rows` and its text."""
    found = []
    for name in _value_columns(table):
        cells = [(index, row[name]) for index, row in enumerate(rows)
                 if row.get(name) and row[name][0] in FIRST_CHARACTERS
                 and runs_in_a_spreadsheet(row[name])]
        if cells:
            found.append((name, len(cells), *cells[0]))
    return tuple(found)


def formula_warnings(table: str, parts: list[tuple[int, tuple]]) -> list[str]:
    """The table's formula-like columns, from its parts in order: (how many rows a part has,
    its formula_cells). Published unchanged (they are what the source says), but named, so
    that a user imports those columns as text."""
    totals: dict[str, list] = {}
    offset = 0
    for count, found in parts:
        for name, cells, index, value in found:
            totals.setdefault(name, [0, offset + index + 1, value])[0] += cells
        offset += count
    warnings = []
    for name in (name for name in _value_columns(table) if name in totals):
        cells, number, value = totals[name]
        shown = value if len(value) <= SHOWN_CHARACTERS else value[:SHOWN_CHARACTERS] + "..."
        warnings.append(f"{table_path(table)} column {name}: {cells} value(s) a spreadsheet "
                        f"would run as a formula (first in data row {number}: {shown!r}); "
                        "import the column as text")
    return warnings


def spreadsheet_warnings(tables: dict[str, list[dict]]) -> list[str]:
    """Value columns holding text a spreadsheet would run as a formula (formula_warnings)."""
    return [warning for table, rows in tables.items()
            for warning in formula_warnings(table, [(len(rows), formula_cells(table, rows))])]


def fragment_warnings(tables: list[str], fragments: dict[str, list[Fragment]]) -> list[str]:
    """spreadsheet_warnings of the tables written from `fragments` (make_fragments), in the
    order of `tables`, from what each fragment kept."""
    return [warning for table in tables for warning in formula_warnings(
        table, [(fragment.rows, fragment.formulas) for fragment in fragments[table]])]


def reads_back(table: str, text: str, records: list[tuple]) -> bool:
    """Whether CSV lines, read and typed as read_csv does, give the records again. Compared a
    column at a time, each distinct cell typed once: a row at a time took longer than
    writing them."""
    csv.field_size_limit(FIELD_LIMIT)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    names = columns(table)
    if len(parsed) != len(records) or any(len(record) != len(names) for record in parsed):
        return False
    types = column_types(table)
    cells = zip(*parsed, strict=True)
    values = zip(*records, strict=True)
    return all(typed_column(column, types[name]) == expected
               for name, column, expected in zip(names, cells, values, strict=False))


def typed_column(cells: tuple[str, ...], json_type: str) -> tuple:
    """A column's CSV cells as `typed` makes each of them."""
    if json_type == "string" and "" not in cells:
        return cells
    meaning = {cell: typed(cell, json_type) for cell in set(cells)}
    return tuple(map(meaning.__getitem__, cells))


def make_fragments(tables: dict[str, list[dict]], memo=None) -> dict[str, list[Fragment]]:
    """Each table's runs of rows as fragments, made over the memo's workers; `memo` (see
    cache.Memo) reuses the fragments of runs an earlier build made."""
    runs = {table: document_runs(rows) for table, rows in tables.items()}
    jobs = [(table, run) for table in tables for run in runs[table]]
    documents = {row["document_id"]: row for row in tables.get("documents", [])}
    # A run of a table read from its article alone is what its document's row (its source,
    # hash and text) makes of it: that row stands for the run in the memo's key, cheaper to
    # digest than the run itself (a long article has hundreds of sentences).
    keys = [(table, table in ARTICLE_TABLES and documents.get(run[0]["document_id"]) or run)
            for table, run in jobs]
    made = iter((memo or Memo(None, "fragments")).map(make_fragment, jobs, keys))
    return {table: [next(made) for _ in runs[table]] for table in tables}


def write_file(path: Path, pieces: list[bytes], entry: dict | None) -> dict:
    """Write the file, its bytes given as pieces (a table's fragments: joined first, they were
    copied whole once more, the largest file's size at once); its manifest entry, `entry` or
    else hashed in the writing thread."""
    with path.open("wb", buffering=WRITE_BUFFER) as stream:
        stream.writelines(pieces)
    return entry or digest(*pieces)


def write_tables(folder: Path, tables: dict[str, list[dict]],
                 fragments: dict[str, list[Fragment]],
                 write=write_file) -> tuple[list[dict], list[str]]:
    """Each table as CSV (data/) and JSON (json/), made of its fragments (make_fragments).
    `write(path, pieces, entry)` writes a file (write_package's, in a thread); `entry` is its
    manifest entry where it is made here anyway (the descriptor states the CSV's hash), else
    None."""
    (folder / DATA_DIR).mkdir()
    (folder / JSON_DIR).mkdir()
    resources, problems = [], []
    for table in tables:
        made = fragments[table]
        problems += [problem for fragment in made for problem in fragment.problems]
        if not all(fragment.valid for fragment in made):  # for messages and line numbers
            problems += row_problems(table, tables[table])
        content = [csv_header(table), *(fragment.csv for fragment in made)]
        entry = digest(*content)
        write(folder / table_path(table), content, entry)
        write(folder / json_path(table), json_document([f.json for f in made]), None)
        resources.append(resource(table, entry))
    return resources, problems


def resource(table: str, entry: dict) -> dict:
    """The descriptor's resource of a table whose CSV file has this manifest entry."""
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
        "bytes": entry["bytes"],
        "hash": "sha256:" + entry["sha256"],
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


def write_package(folder: Path, tables: dict[str, list[dict]], sources: list[dict],
                  fragments: dict[str, list[Fragment]], memo: Memo | None = None
                  ) -> tuple[list[str], dict[str, dict]]:
    """Write every table as CSV and JSON (from its fragments: make_fragments), each JSON
    file's JSON Schema, the descriptor, the data dictionary and Datasette's metadata into
    `folder`, which must exist (publish writes the database and the review site beside
    them); `memo`, if given, is closed meanwhile. Returns the rows that break their JSON
    Schemas or did not read back as written, and the tables' files' manifest entries
    (manifest.digest).

    The tables' files are written by threads while this one goes on: writing a file lets go
    of the interpreter, and writing a large package's files took as long as making its
    descriptor, dictionary and memo together. The threads live only while this runs: none
    runs while workers are forked."""
    with ThreadPoolExecutor(max_workers=WRITERS) as writers:
        writes = {}

        def write(path: Path, pieces: list[bytes], entry: dict | None) -> None:
            writes[path.relative_to(folder).as_posix()] = writers.submit(write_file, path,
                                                                         pieces, entry)
        resources, problems = write_tables(folder, tables, fragments, write)
        if memo is not None:
            memo.close()
        package = descriptor(resources, sources)
        write_json(folder / "datapackage.json", package)
        write_dictionary(folder, tables, package)
        write_json_schemas(folder, tables)
        write_json(folder / DATASETTE, datasette_metadata(package))
        written = {name: write.result() for name, write in writes.items()}  # raises a write's
    return problems, written


def read_table(folder: Path, table: str) -> list[dict]:
    """Rows of a written table, typed by its JSON Schema, so they can be checked again."""
    return read_csv(folder, table)[1]


def read_csv(folder: Path, table: str) -> tuple[list[str], list[dict]]:
    """A written table's header and its rows, typed by the table's JSON Schema."""
    with (folder / table_path(table)).open(encoding="utf-8", newline="") as handle:
        return csv_rows(handle, table)
