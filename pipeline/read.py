"""Stage 1, read: an article file becomes its canonical text and the spans of its parts.

The article format: a `= Title =` line; an optional infobox (a name line, then `- Key: Value`
lines) before the first heading; headings `== ... ==` and deeper; paragraphs separated by blank
lines. Every offset is in Unicode code points, end-exclusive, into the canonical text, which the
package publishes, so that any span can be checked without the source file.
"""

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import Diagnostic, InputError

TITLE = re.compile(r"=[ \t]*(?P<title>[^=].*?)[ \t]*=")
HEADING = re.compile(r"(?P<open>={2,})(?P<title>.*?)(?P<close>=*)[ \t]*")
INFOBOX_ITEM = "- "
KEY_SEPARATOR = ": "
SLUG_MAX = 60


@dataclass(frozen=True)
class Block:
    """One unit of the article's layout: a heading, an infobox line or a paragraph."""

    kind: str  # "heading", "infobox-name", "infobox", "paragraph"
    line: int
    char_start: int
    char_end: int


@dataclass
class Section:
    """A heading and everything under it until the next heading; the lead is section 0."""

    section_id: str
    document_id: str
    parent_id: str | None
    ordinal: int
    level: int
    title: str | None
    char_start: int
    char_end: int
    blocks: list[Block] = field(default_factory=list)

    def row(self) -> dict:
        return {
            "section_id": self.section_id,
            "document_id": self.document_id,
            "parent_id": self.parent_id,
            "ordinal": self.ordinal,
            "level": self.level,
            "title": self.title,
            "char_start": self.char_start,
            "char_end": self.char_end,
        }


@dataclass
class Document:
    document_id: str
    title: str
    source: str
    sha256: str
    text: str
    sections: list[Section]
    diagnostics: list[Diagnostic]

    def row(self) -> dict:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "source": self.source,
            "sha256": self.sha256,
            "characters": len(self.text),
            "text": self.text,
        }


def slugify(text: str) -> str:
    """A readable ASCII id; text with no Latin letters gets a stable hash instead of nothing."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:SLUG_MAX].strip("-")
    if slug:
        return slug
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def canonical_text(raw: bytes, source: str) -> str:
    """Strict UTF-8, no BOM, LF line endings, NFC: the one text every offset points into."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        hint = " (it looks like UTF-16)" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise InputError(
            source, f"not valid UTF-8: byte 0x{raw[error.start]:02x}{hint}", line
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


class _Lines:
    """The text's lines with their offsets, so that spans and line numbers agree."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def content(self, index: int) -> str:
        start, end = self.span(index)
        return self.text[start:end]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Reader:
    """One pass over the lines, building sections and their blocks."""

    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.lines = _Lines(text)
        self.diagnostics: list[Diagnostic] = []
        self.sections: list[Section] = []
        self.paragraph: list[int] = []  # line indexes of the paragraph being gathered

    def warn(self, line: int | None, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.source, line, code, message))

    def read(self) -> tuple[str, str]:
        """Return the document id and title; sections and diagnostics are left on self."""
        title_index, title = self.title()
        document_id = slugify(title)
        self.document_id = document_id
        self.open_section(level=1, title=title, start=0)
        self.add_block("heading", title_index, *self.title_span)
        index = title_index + 1
        index = self.infobox(index)
        while index < len(self.lines):
            self.take_line(index)
            index += 1
        self.end_paragraph()
        self.close_sections()
        return document_id, title

    def title(self) -> tuple[int, str]:
        for index in range(len(self.lines)):
            content = self.lines.content(index)
            if not content.strip():
                continue
            match = TITLE.fullmatch(content.rstrip())
            if not match:
                raise InputError(
                    self.source, "the first line must be the title, written '= Title ='", index + 1
                )
            line_start = self.lines.span(index)[0]
            self.title_span = (line_start + match.start("title"), line_start + match.end("title"))
            return index, match["title"]
        raise InputError(self.source, "the article is empty")

    def infobox(self, index: int) -> int:
        """Read the infobox if the first block after the title is one; return the next line."""
        while index < len(self.lines) and not self.lines.content(index).strip():
            index += 1
        block_end = index
        while block_end < len(self.lines) and self.lines.content(block_end).strip():
            block_end += 1
        contents = [self.lines.content(i) for i in range(index, block_end)]
        items = [c.startswith(INFOBOX_ITEM) for c in contents]
        has_name = bool(contents) and not items[0] and not HEADING.fullmatch(contents[0])
        body = items[1:] if has_name else items
        if not body or not all(body):
            return index
        if has_name:
            self.add_block("infobox-name", index, *self.lines.span(index))
        for i in range(index + 1 if has_name else index, block_end):
            self.infobox_line(i)
        return block_end

    def infobox_line(self, index: int) -> None:
        start, end = self.lines.span(index)
        start, end = trimmed(self.text, start + len(INFOBOX_ITEM), end)
        content = self.text[start:end]
        if not content:
            self.warn(index + 1, "infobox-empty-line", "an infobox line with nothing after '- '")
            return
        if KEY_SEPARATOR not in content and not content.endswith(":"):
            self.warn(index + 1, "infobox-no-key", f"infobox line without ': ': {content!r}")
        self.add_block("infobox", index, start, end)

    def take_line(self, index: int) -> None:
        content = self.lines.content(index)
        if HEADING.fullmatch(content):
            self.end_paragraph()
            self.heading(index)
        elif content.strip():
            self.paragraph.append(index)
        else:
            self.end_paragraph()

    def heading(self, index: int) -> None:
        start, end = self.lines.span(index)
        match = HEADING.fullmatch(self.lines.content(index))
        level = len(match["open"])
        if len(match["close"]) != level:
            self.warn(index + 1, "heading-unbalanced", f"heading opened with {level} '=' "
                      f"but closed with {len(match['close'])}")
        title_start, title_end = trimmed(self.text, start + match.start("title"),
                                         start + match.end("title"))
        title = self.text[title_start:title_end] or None
        if title is None:
            self.warn(index + 1, "heading-empty", "a heading with no text")
        parent_level = self.parent_for(level).level
        if level > parent_level + 1:
            self.warn(index + 1, "heading-skips-level",
                      f"a level-{level} heading under a level-{parent_level} one")
        self.open_section(level, title, start)
        if title is not None:
            self.add_block("heading", index, title_start, title_end)

    def end_paragraph(self) -> None:
        if not self.paragraph:
            return
        first, last = self.paragraph[0], self.paragraph[-1]
        start, end = trimmed(self.text, self.lines.span(first)[0], self.lines.span(last)[1])
        self.add_block("paragraph", first, start, end)
        self.paragraph = []

    def add_block(self, kind: str, index: int, start: int, end: int) -> None:
        self.sections[-1].blocks.append(Block(kind, index + 1, start, end))

    def parent_for(self, level: int) -> Section:
        return next(s for s in reversed(self.sections) if s.level < level)

    def open_section(self, level: int, title: str | None, start: int) -> None:
        ordinal = len(self.sections)
        parent = self.parent_for(level) if self.sections else None
        self.sections.append(Section(
            section_id=f"{self.document_id}:sec-{ordinal:02d}",
            document_id=self.document_id,
            parent_id=parent.section_id if parent else None,
            ordinal=ordinal,
            level=level,
            title=title,
            char_start=start,
            char_end=len(self.text),
        ))

    def close_sections(self) -> None:
        """Each section ends where the next begins, less trailing white space."""
        ends = [s.char_start for s in self.sections[1:]] + [len(self.text)]
        for section, end in zip(self.sections, ends, strict=True):
            section.char_end = trimmed(self.text, section.char_start, end)[1]


def read_article(path: Path, source: str) -> Document:
    """Read one article file; `source` is the name used in messages and in the package."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot be read: {error.strerror}") from None
    text = canonical_text(raw, source)
    if not text.strip():
        raise InputError(source, "the article is empty")
    reader = _Reader(text, source)
    document_id, title = reader.read()
    return Document(
        document_id=document_id,
        title=title,
        source=source,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        sections=reader.sections,
        diagnostics=reader.diagnostics,
    )
