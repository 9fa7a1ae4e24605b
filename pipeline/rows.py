"""Rows against their tables' JSON Schemas: the check every row of the package passes, as an
article's tables are built, as the merged tables are written (package.make_fragment), and when
a published package is validated.
"""

import csv
from itertools import chain, cycle

from pipeline.schemas import (
    column_types,
    columns,
    field_validators,
    json_schema,
    row_validator,
    row_values,
    table_path,
    typed,
)

FIELD_LIMIT = 2**31 - 1  # a document's whole text is one cell: csv's default is 128 KiB
MAX_PROBLEMS_PER_TABLE = 50
# The (validator id, type, value) triples that passed (validators live as long as the process),
# so that a value is checked once however many runs of rows repeat it. The type is there
# because 1, 1.0 and True are equal and are not the same value.
KNOWN_VALID: set[tuple[int, type, object]] = set()
MAX_KNOWN_VALID = 500_000


def row_problems(table: str, rows: list[dict]) -> list[str]:
    """Each row against its table's JSON Schema; row numbers are CSV lines (header = 1).

    Our schemas constrain each field on its own (see `schemas.field_validators`), so a table
    is valid when each row's key set is and each distinct value of each column is. Those are
    checked first, each distinct (column rule, value) once (a table of 60,000 claims repeats
    most of its values: ids, types, rules, nulls), and only a table that fails is read row by
    row, for its messages and line numbers.
    """
    if rows_are_valid(table, rows):
        return []
    return _row_by_row_problems(table, rows)


def rows_are_valid(table: str, rows: list[dict], records: list[tuple] | None = None) -> bool:
    """`records`, if given, are what records_of made of the rows (saves making them again)."""
    if len(KNOWN_VALID) > MAX_KNOWN_VALID:
        KNOWN_VALID.clear()
    return _columns_are_valid(table, rows, records)


def records_of(table: str, rows: list[dict]) -> list[tuple] | None:
    """Each row's values in column order, when every row has exactly the table's columns
    (as every valid row has: our schemas require every column); else None."""
    width = len(columns(table))
    if any(length != width for length in set(map(len, rows))):
        return None
    try:
        return list(map(row_values(table), rows))
    except KeyError:
        return None


def _columns_are_valid(table: str, rows: list[dict], records: list[tuple] | None) -> bool:
    fields = field_validators(table)
    if fields is None:
        return False
    records = records if records is not None else records_of(table, rows)
    if records is not None:  # every row has every column: the usual case
        validators = [fields[name] for name in columns(table)]
        triples = _triples(validators, list(chain.from_iterable(records)))
    else:
        schema = json_schema(table)
        required, allowed = set(schema["required"]), set(fields)
        if any(not required <= keys <= allowed for keys in set(map(frozenset, rows))):
            return False
        triples = _triples([fields[name] for row in rows for name in row],
                           [value for row in rows for value in row.values()])
    if triples is None:
        return False
    by_id = {id(validator): validator for validator in fields.values()}
    return not any(_value_errors(by_id[key], value) for key, _, value in triples - KNOWN_VALID)


def _triples(validators: list, cells: list) -> set[tuple] | None:
    """The distinct (validator id, type, value) of cells, the validators repeating in turn
    (a row's cells in column order, row after row: one pass over the whole run, not a pass a
    column); None if a value is a list or an object, where our tables have only scalars."""
    try:
        return set(zip(cycle(map(id, validators)), map(type, cells), cells))
    except TypeError:
        return None


def _row_by_row_problems(table: str, rows: list[dict]) -> list[str]:
    """Each row's problems: a new key set is checked whole, its values one distinct value
    at a time (as in _columns_are_valid), so that a large invalid table is quick too."""
    validator, fields = row_validator(table), field_validators(table)
    problems: list[tuple[int, str]] = []
    good_keys: set[frozenset] = set()
    for number, row in enumerate(rows, start=2):
        keys = frozenset(row)
        if keys not in good_keys:
            errors = [_message(table, number, e) for e in validator.iter_errors(row)]
            if errors or fields is None:
                problems += [(number, e) for e in errors]
                continue
            good_keys.add(keys)
        for name, value in row.items():
            problems += [(number, f"{table_path(table)}:{number} field {name}: {message}")
                         for message in _value_errors(fields[name], value)]
        if len(problems) >= MAX_PROBLEMS_PER_TABLE:
            break
    problems.sort(key=lambda problem: problem[0])
    messages = [message for _, message in problems[:MAX_PROBLEMS_PER_TABLE]]
    if len(problems) >= MAX_PROBLEMS_PER_TABLE:
        messages.append(f"{table_path(table)}: more problems not shown")
    return messages


def _value_errors(validator, value) -> list[str]:
    """A value's error messages; one that passes is remembered in KNOWN_VALID (columns with
    the same rules share a validator: see schemas.field_validators)."""
    triple = (id(validator), type(value), value)
    try:
        if triple in KNOWN_VALID:
            return []
    except TypeError:  # a list or an object, where a table has only scalars
        return [e.message for e in validator.iter_errors(value)]
    errors = [e.message for e in validator.iter_errors(value)]
    if not errors:
        KNOWN_VALID.add(triple)
    return errors


def _message(table: str, number: int, error) -> str:
    field = ".".join(str(p) for p in error.absolute_path) or "(row)"
    return f"{table_path(table)}:{number} field {field}: {error.message}"


def csv_rows(handle, table: str) -> tuple[list[str], list[dict]]:
    """A table's header and its rows from an open text stream, typed by its JSON Schema."""
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(handle)
    header = next(reader, [])
    return header, typed_rows(table, header, reader)


def typed_rows(table: str, header: list[str], records) -> list[dict]:
    """Records as rows keyed by the header, as csv.DictReader makes them (missing cells are
    None, extra cells a list under None), each value typed by the table's JSON Schema."""
    types = column_types(table)
    not_text = [(name, types[name]) for name in header if types.get(name, "string") != "string"]
    rows = []
    for record in records:
        row = dict(zip(header, record, strict=False))  # not a cell at a time: quicker
        if "" in record:
            row.update([(name, None) for name, value in row.items() if value == ""])
        for name, kind in not_text:
            if row.get(name) is not None:
                row[name] = typed(row[name], kind)
        if len(record) != len(header):
            row |= {name: None for name in header[len(record):]}
            if len(record) > len(header):
                row[None] = record[len(header):]
        rows.append(row)
    return rows
