"""Spans of a text, as (start, end) offsets into it: every stage narrows and splits its values
this way rather than slicing strings, so that a published value keeps its exact place."""

import re


def trimmed(text: str, start: int, end: int, lead: str | None = None,
            trail: str | None = None) -> tuple[int, int]:
    """The span narrowed as str.strip narrows its text: without white space, or without the
    characters of `lead` at its start and of `trail` (the same as `lead` unless given) at its
    end."""
    piece = text[start:end]
    rest = piece.lstrip(lead)
    start += len(piece) - len(rest)
    return start, start + len(rest.rstrip(lead if trail is None else trail))


def pieces(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """The spans between the separators of text[start:end] (an item of a list each), empty
    ones included: a caller that trims its items drops the empty ones after."""
    spans, cursor = [], start
    for match in separator.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return spans
