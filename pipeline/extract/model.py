"""What extractors produce: drafts read from one piece of evidence, and claims placed in a document.

A rule is applied to an *evidence* text (an infobox line, a matched phrase) and returns drafts
whose offsets are relative to that evidence. Because a rule is a function of its evidence alone,
the validator can apply it again to the published evidence and check that each published value
re-derives from the text it cites.
"""

from dataclasses import dataclass, field

QUALIFIERS = ("start_time", "end_time", "point_in_time", "role", "rank", "series_ordinal",
              "quantity_qualifier", "unit", "status", "language", "script", "note")


@dataclass(frozen=True)
class Draft:
    """One fact read from an evidence text; offsets are relative to the evidence."""

    property: str
    value: str  # the normalised value, as text
    value_type: str  # entity, string, name, edtf, integer, colour, url, file
    start: int  # the value as written: evidence[start:end]
    end: int
    subject: str | None = None  # subject entity as named; None: the document's own subject
    subject_type: str | None = None
    object_type: str | None = None  # entity type, when value_type == "entity"
    qualifiers: tuple[tuple[str, str], ...] = ()  # (name, value) pairs, names from QUALIFIERS

    def key(self) -> tuple:
        """What a re-derivation must reproduce."""
        return (self.property, self.value, self.value_type, self.start, self.end,
                tuple(sorted(self.qualifiers)))


@dataclass(frozen=True)
class Skip:
    """Text a rule looked at and chose not to publish as a fact, with the reason."""

    start: int  # relative to the evidence
    end: int
    reason: str


@dataclass(frozen=True)
class Reading:
    """What one rule read from one evidence text."""

    drafts: tuple[Draft, ...] = ()
    skips: tuple[Skip, ...] = ()


@dataclass(frozen=True)
class Found:
    """A rule's reading placed in the document: evidence span and the sentence it belongs to."""

    rule_id: str
    sentence_id: str
    evidence_start: int
    evidence_end: int
    reading: Reading = field(default_factory=Reading)
