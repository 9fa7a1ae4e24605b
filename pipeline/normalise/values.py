"""One entry point from a value as written to its normalised text, by value type.

Every family uses it, and the validator re-derives published values through the same rules,
so a value type has exactly one normaliser.
"""

from pipeline.normalise.colours import hex_colour
from pipeline.normalise.dates import parse_date
from pipeline.normalise.names import clean_name, person_name
from pipeline.normalise.numbers import parse_amount
from pipeline.normalise.urls import web_address


def normalise(value_type: str, text: str, object_type: str | None = None) -> tuple[str, dict]:
    """The normalised value and any qualifiers the value itself carries ("30,000+" -> at least).

    Raises ValueError (or a subclass) when the text is not a value of that type.
    """
    if value_type == "entity":
        name = person_name(text) if object_type == "person" else clean_name(text)
        return _non_empty(name, text), {}
    if value_type == "name":
        return _non_empty(clean_name(text), text), {}
    if value_type == "string":
        return _non_empty(" ".join(text.split()), text), {}
    if value_type == "edtf":
        return parse_date(text).edtf, {}
    if value_type in ("integer", "decimal"):
        amount = parse_amount(text)
        if amount.value_type != value_type:
            raise ValueError(f"{text!r} is not a whole number")
        qualifiers = {"quantity_qualifier": amount.qualifier, "unit": amount.unit}
        return amount.value, {name: value for name, value in qualifiers.items() if value}
    if value_type == "colour":
        return hex_colour(text), {}
    if value_type == "url":
        return _non_empty(web_address(text), text), {}
    if value_type == "file":
        return _non_empty(text.strip(), text), {}
    raise ValueError(f"unknown value type {value_type!r}")


def _non_empty(value: str, text: str) -> str:
    if not value:
        raise ValueError(f"no value in {text!r}")
    return value
