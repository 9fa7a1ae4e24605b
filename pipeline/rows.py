"""Rows against their tables' JSON Schemas: the check every row of the package passes, as an
article's tables are built, as the merged tables are written (package.make_fragment), and when
a published package is validated.
"""

from pipeline.formats import row_values, table_path
from pipeline.schemas import columns, field_validators, json_schema, row_validator

MAX_PROBLEMS_PER_TABLE = 50
# For each validator (by id: they live as long as the process), the (type, value) pairs that
# passed it, so that a value is checked once however many runs of rows repeat it.
KNOWN_VALID: dict[int, set[tuple]] = {}
MAX_KNOWN_VALID = 500_000


def row_problems(table: str, rows: list[dict]) -> list[str]:
    """Each row against its table's JSON Schema; row numbers are CSV lines (header = 1).

    Our schemas constrain each field on its own (see `schemas.field_validators`), so a table
    is valid when each row's key set is and each distinct value of each column is. Those are
    checked first, a column at a time (a table of 60,000 claims repeats most of its values:
    ids, types, rules, nulls), and only a table that fails is read row by row, for its
    messages and line numbers.
    """
    if sum(map(len, KNOWN_VALID.values())) > MAX_KNOWN_VALID:
        KNOWN_VALID.clear()
    if _columns_are_valid(table, rows):
        return []
    return _row_by_row_problems(table, rows)


def rows_are_valid(table: str, rows: list[dict]) -> bool:
    return not row_problems(table, rows)


def _columns_are_valid(table: str, rows: list[dict]) -> bool:
    fields = field_validators(table)
    if fields is None:
        return False
    schema = json_schema(table)
    required, allowed = set(schema["required"]), set(fields)
    key_sets = set(map(frozenset, rows))
    if any(not required <= keys <= allowed for keys in key_sets):
        return False
    if key_sets == {frozenset(allowed)}:  # every row has every column: the usual case
        transposed = zip(*map(row_values(table), rows), strict=True)
        by_column = dict(zip(columns(table), transposed, strict=True))
    else:
        by_column = {name: [row[name] for row in rows if name in row] for name in fields}
    for name, validator in fields.items():
        values = by_column.get(name, ())
        try:
            distinct = set(zip(map(type, values), values, strict=True))
        except TypeError:  # a list or an object, where our tables have only scalars
            return False
        if any(_value_errors(validator, value) for _, value in
               distinct - KNOWN_VALID.get(id(validator), set())):
            return False
    return True


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
    try:
        if (type(value), value) in KNOWN_VALID.get(id(validator), ()):
            return []
    except TypeError:  # a list or an object, where a table has only scalars
        return [e.message for e in validator.iter_errors(value)]
    errors = [e.message for e in validator.iter_errors(value)]
    if not errors:
        KNOWN_VALID.setdefault(id(validator), set()).add((type(value), value))
    return errors


def _message(table: str, number: int, error) -> str:
    field = ".".join(str(p) for p in error.absolute_path) or "(row)"
    return f"{table_path(table)}:{number} field {field}: {error.message}"
