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


def written_whole(text: str, word: str, joins: str, dot_optional: bool = False
                  ) -> list[tuple[int, int]]:
    """Where `word` is written in `text` as a whole, as re.finditer finds
    `(?<![\\w<joins>])<word>(?![\\w<joins>])`: not inside a longer word (a word character,
    as `\\w` reads one, or a character of `joins` on neither side), each after the one before;
    none for no word. With `dot_optional`, a word's final full stops are written as one or
    none ("Acme B.C)"). A string search: a regex made for each title would be compiled again
    for every article, and would crowd out of `re`'s cache the patterns that are used again."""
    stem = word.rstrip(".") if dot_optional else word
    joins += "_"

    def joined(at: int) -> bool:
        return 0 <= at < len(text) and (text[at].isalnum() or text[at] in joins)

    def end_of(at: int) -> int | None:
        """Where the word written at `at` ends, if it is written whole there."""
        end = at + len(stem)
        if joined(at - 1):
            return None
        if len(stem) < len(word) and text.startswith(".", end) and not joined(end + 1):
            return end + 1
        return None if joined(end) else end
    found, at = [], text.find(stem) if stem else -1
    while at >= 0:
        end = end_of(at)
        if end is not None:
            found.append((at, end))
        at = text.find(stem, at + 1 if end is None else end)
    return found
