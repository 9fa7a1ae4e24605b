"""Rows against their tables' JSON Schemas: the check every row of the package passes, as an
article's tables are built, as the merged tables are written (package.make_fragment), and when
a published package is validated.
"""

from pipeline.formats import table_path
from pipeline.schemas import field_validators, json_schema, row_validator

MAX_PROBLEMS_PER_TABLE = 50
CHECKED_VALUES: dict[tuple, list[str]] = {}  # see row_problems
MAX_CHECKED_VALUES = 500_000


def row_problems(table: str, rows: list[dict]) -> list[str]:
    """Each row against its table's JSON Schema; row numbers are CSV lines (header = 1).

    Our schemas constrain each field on its own (see `schemas.field_validators`), so a table
    is valid when each row's key set is and each distinct value of each column is. Those are
    checked first, a column at a time (a table of 60,000 claims repeats most of its values:
    ids, types, rules, nulls), and only a table that fails is read row by row, for its
    messages and line numbers.
    """
    if len(CHECKED_VALUES) > MAX_CHECKED_VALUES:
        CHECKED_VALUES.clear()
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
    if any(not required <= keys <= allowed for keys in set(map(frozenset, rows))):
        return False
    for name, validator in fields.items():
        values = [row[name] for row in rows if name in row]
        try:
            distinct = set(zip(map(type, values), values, strict=True))
        except TypeError:  # a list or an object, where our tables have only scalars
            return False
        if any(_value_errors(validator, value) for _, value in distinct):
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
    """A value's error messages, computed once per distinct validator (see
    schemas.field_validators: columns with the same rules share one), type and value."""
    try:
        key = (id(validator), type(value), value)
        return CHECKED_VALUES[key]
    except TypeError:  # a list or an object, where a table has only scalars
        return [e.message for e in validator.iter_errors(value)]
    except KeyError:
        CHECKED_VALUES[key] = [e.message for e in validator.iter_errors(value)]
        return CHECKED_VALUES[key]


def _message(table: str, number: int, error) -> str:
    field = ".".join(str(p) for p in error.absolute_path) or "(row)"
    return f"{table_path(table)}:{number} field {field}: {error.message}"
