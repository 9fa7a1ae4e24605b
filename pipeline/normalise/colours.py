"""Colours as written -> `#rrggbb`."""

import re

HEX = re.compile(r"#?(?P<hex>[0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


class ColourError(ValueError):
    pass


def hex_colour(text: str) -> str:
    match = HEX.fullmatch(text.strip())
    if not match:
        raise ColourError(f"not a hex colour: {text!r}")
    digits = match["hex"].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits
