"""Stage 1, read: an article file becomes its canonical text and the spans of its parts.

The article format: a `= Title =` line; an optional infobox (up to three name lines, then
`- Key: Value` lines) before the first heading; headings `== ... ==` and deeper; paragraphs
separated by blank lines. Copies depart from it, and are read as a careful reader would, each
departure a warning with its line: a title line written twice, blank lines between the
infobox's items, an infobox after the lead, `Key : Value` spaced oddly; lines written like an
infobox that cannot be read as one are prose, with a warning.

Every offset is in Unicode code points, end-exclusive, into the canonical text, which the
package publishes, so that any span can be checked without the source file.

Unusual characters, and what becomes of them:

- Bytes that are not UTF-8 stop the run, naming the line; UTF-16 and UTF-32 (with or without a
  byte order mark) are named as such, so the fix is obvious. A UTF-8 BOM is dropped.
- A binary file (a known signature: ELF, PNG, ZIP, gzip, PDF; or NUL bytes not laid out as
  UTF-16 or UTF-32 lay them) is named "a binary file, not text", not mistaken for an encoding.
- NUL (U+0000) stops the run, naming the line and column. It is never text: it means a binary
  file or a wrong encoding, and many readers of CSV (C strings, PostgreSQL, older csv modules)
  truncate or reject a cell that holds one.
- Every other control character (C0, DEL, C1), zero-width and bidi characters, no-break spaces
  and tabs are kept in the canonical text exactly as they are, so spans still match the source.
  Python's csv and frictionless cope with all of them. Controls other than TAB are reported once
  per article as a `control-character` warning. Only LF ends a line: VT, FF, NEL, U+2028 and
  U+2029 are ordinary characters for line numbers, although `str.splitlines()` splits on them.
- A file name must be UTF-8 and free of control characters, since it is published as `source`
  and printed in one-line messages.
"""

import hashlib
import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.errors import Diagnostic, InputError, excerpt
from pipeline.ids import Apart, section_id, slugify
from pipeline.spans import trimmed

MARK = "="
BLANKS = " \t"
INFOBOX_ITEM = "- "
ITEM = re.compile(r"[ \t]*-(?:[ \t]|$|(?=[^\s:-][^:]*:))")
BULLET = re.compile(r"[ \t]*-[ \t]*")
MAX_HEADER_LINES = 3  # an infobox's name, native name and former name
KEY_SEPARATOR = ": "
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
SNIFF_BYTES = 4096
# The first bytes of the binary files most often named `.txt` by mistake.
SIGNATURES = ((b"\x7fELF", "an ELF executable"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
              (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"),
              (b"\x1f\x8b", "a gzip archive"), (b"%PDF-", "a PDF document"))
NOT_TEXT = "a binary file, not text"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc, less TAB and LF
LONG_MARK_RUN = 32  # Unicode's stream-safe text format allows 30 combining marks in a row
INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")  # categories that cannot make a title on their own


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


def canonical_text(raw: bytes, source: str) -> str:
    """Strict UTF-8, no BOM, LF line endings, NFC: the one text every offset points into."""
    reject_binary(raw, source)
    hint = encoding_hint(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if not hint and b"\x00" in raw:
            raise InputError(source, f"{NOT_TEXT} (it holds NUL bytes)",
                             raw[: raw.index(b"\x00")].count(b"\n") + 1) from None
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            source, f"not valid UTF-8: byte 0x{raw[error.start]:02x}{hint}", line
        ) from None
    if hint:  # UTF-16 of ASCII text decodes as "UTF-8" full of NULs: name the real problem
        raise InputError(source, f"not valid UTF-8{hint}", 1)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    reject_nul(text, source)
    return nfc(text)


def nfc(text: str) -> str:
    """NFC, in time linear in the text.

    CPython puts combining marks in canonical order by insertion sort, in time quadratic in the
    length of a run of marks (80,000 marks of alternating classes took 17 s). Long runs are put
    in order here first, by a stable sort on the same key, which leaves NFC the same result and
    nothing to reorder. Text already in NFC, nearly all of it, is only checked.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    ordered = mark_runs(LONG_MARK_RUN).sub(
        lambda run: "".join(sorted(run[0], key=unicodedata.combining)), text)
    return unicodedata.normalize("NFC", ordered)


@cache
def mark_runs(length: int) -> re.Pattern:
    """Runs of `length` or more combining marks (canonical combining class other than 0).
    Built on first use, and only for text not in NFC: it takes a fifth of a second."""
    marks = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]{{{length},}}")


def reject_binary(raw: bytes, source: str) -> None:
    """A file that starts as a known binary format does is refused as what it is."""
    for signature, kind in SIGNATURES:
        if raw.startswith(signature):
            raise InputError(source, f"{NOT_TEXT} ({kind})")


def looks_wide(sample: bytes) -> bool:
    """NULs laid out as UTF-16 or UTF-32 lays out text: nearly always at some position of each
    two (or four) bytes and almost never at another; a binary file's NULs are spread over
    every position."""
    for unit in (2, 4):
        shares = [sample[r::unit].count(0) / max(1, len(sample[r::unit])) for r in range(unit)]
        if min(shares) <= 0.1 and max(shares) >= 0.9:
            return True
    return False


def encoding_hint(raw: bytes) -> str:
    """Name UTF-16 or UTF-32 from a byte order mark, or from NULs between most characters.

    Without a BOM, UTF-16 of ASCII text is valid UTF-8 with a NUL after every letter, which
    would otherwise be reported as a missing title rather than as the encoding it is.
    """
    if raw.startswith(UTF32_BOMS):
        return " (it looks like UTF-32; save it as UTF-8)"
    if raw.startswith(UTF16_BOMS):
        return " (it looks like UTF-16; save it as UTF-8)"
    sample = raw[:SNIFF_BYTES]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample) and looks_wide(sample):
        return " (it looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8)"
    return ""


def reject_nul(text: str, source: str) -> None:
    """NUL is not text, and many CSV readers cut a cell short at it: refuse it, saying where."""
    position = text.find("\x00")
    if position < 0:
        return
    line_start = text.rfind("\n", 0, position) + 1
    line = text.count("\n", 0, position) + 1
    column = position - line_start + 1
    raise InputError(source, f"{NOT_TEXT}: it contains a NUL character (U+0000) at column "
                     f"{column}", line)


def control_characters(text: str) -> tuple[int, int, str]:
    """How many control characters other than TAB and LF the text keeps, the first one's line
    and the character, so they are reported rather than silently published."""
    first = CONTROL.search(text)
    if first is None:
        return 0, 0, ""
    count = len(CONTROL.findall(text))
    return count, text.count("\n", 0, first.start()) + 1, first[0]


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


def title_parts(line: str) -> tuple[int, int] | None:
    """Where the title lies in a '= Title =' line (before trimming), or None if it is not one."""
    body = line.rstrip()
    if not body.startswith(MARK) or body.startswith(MARK * 2) or len(body) < 2:
        return None
    return (1, len(body) - 1) if body.endswith(MARK) else None


def heading_parts(line: str) -> tuple[int, int, int, int] | None:
    """A heading line's level, its closing marks and its title's span in the line, or None.

    String work rather than a regex: a lazy title followed by optional closing marks and blanks
    backtracks quadratically on a long run of spaces (100,000 of them took half a minute).
    """
    body = line.rstrip(BLANKS)
    level = len(body) - len(body.lstrip(MARK))
    if level < 2:
        return None
    close = len(body) - len(body.rstrip(MARK)) if len(body) > level else 0
    return level, close, level, len(body) - close


def visible(text: str) -> bool:
    """Whether the text has a character other than white space, controls and format marks."""
    return any(unicodedata.category(c) not in INVISIBLE for c in text)


def infobox_key(content: str) -> str | None:
    """The key of a 'Key: Value' or 'Key:' infobox line (or 'Key:Value', which a copy may
    write), or None when it has no separator."""
    if KEY_SEPARATOR in content:
        return content.partition(KEY_SEPARATOR)[0].strip()
    colon = content.find(":")
    if colon < 0 or content.startswith("//", colon + 1):  # a bare address is no key
        return None
    return content[:colon].strip()


def is_infobox_item(line: str) -> bool:
    """A '- ' line (blanks before the '-' allowed), a bare '-' (an empty item, warned about,
    rather than no infobox at all), or '-Key: Value' without the space."""
    return ITEM.match(line) is not None


def item_content(line: str) -> str:
    """An item line without its bullet."""
    return line[BULLET.match(line).end():].strip()


def oddly_spaced(line: str, content: str) -> bool:
    """Whether an item line departs from '- Key: Value': blanks before the '-' or none (or
    several) after it, blanks before the ':', none or several after it."""
    if BULLET.match(line)[0] != INFOBOX_ITEM:
        return True
    key, separator, value = content.partition(KEY_SEPARATOR)
    if not separator:
        return not content.endswith(":")
    return key != key.rstrip() or value != value.lstrip()


def is_heading(line: str) -> bool:
    return heading_parts(line) is not None or title_parts(line) is not None


@dataclass(frozen=True)
class Infobox:
    """Where an infobox lies: its name lines, its item lines, the blank lines between items,
    and the line after it."""

    headers: list[int]
    items: list[int]
    blanks: list[int]
    end: int


def check_source(source: str) -> None:
    """The file name is published and printed in one-line messages: it must be UTF-8 text
    without control characters (a newline in it would split the message in two)."""
    printable = source.encode("utf-8", "backslashreplace").decode("utf-8")
    if printable != source:
        raise InputError(printable, "the file name is not valid UTF-8; rename the file")
    if CONTROL.search(source) or "\n" in source:
        shown = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m[0]):02x}", source)
        raise InputError(shown, "the file name contains a control character; rename the file")


class _Reader:
    """One pass over the lines, building sections and their blocks."""

    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source
        self.lines = _Lines(text)
        self.diagnostics: list[Diagnostic] = []
        self.sections: list[Section] = []
        self.paragraph: list[int] = []  # line indexes of the paragraph being gathered
        self.infobox_keys: dict[str, int] = {}  # casefolded key -> line, to spot duplicates
        self.infobox_read = False
        self.section_ids = Apart()

    def warn(self, line: int | None, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.source, line, code, message))

    def read(self) -> tuple[str, str]:
        """Return the document id and title; sections and diagnostics are left on self."""
        title_index, title = self.title()
        document_id = slugify(title)
        self.document_id = document_id
        self.open_section(level=1, title=title, start=0)
        self.add_block("heading", title_index, *self.title_span)
        index = self.infobox(self.skip_repeated_title(title_index + 1, title))
        while index < len(self.lines):
            index = self.take_line(index)
        self.end_paragraph()
        self.close_sections()
        self.report_controls()
        return document_id, title

    def title(self) -> tuple[int, str]:
        """The first line that is not blank must be '= Title =', with some visible text in it."""
        for index in range(len(self.lines)):
            content = self.lines.content(index)
            if not content.strip():
                continue
            parts = title_parts(content)
            if parts is None:
                raise InputError(
                    self.source, "the first line must be the title, written '= Title ='", index + 1
                )
            line_start = self.lines.span(index)[0]
            start, end = trimmed(self.text, line_start + parts[0], line_start + parts[1])
            if not visible(self.text[start:end]):
                raise InputError(self.source, "the title line has no title text", index + 1)
            self.title_span = (start, end)
            return index, self.text[start:end]
        raise InputError(self.source, "the article is empty")

    def skip_repeated_title(self, index: int, title: str) -> int:
        """A copy that writes the title line twice: the second is passed over, with a warning,
        so that the infobox after it is still read as one."""
        line = self.next_written(index)
        parts = title_parts(self.lines.content(line)) if line < len(self.lines) else None
        if parts is None:
            return index
        start = self.lines.span(line)[0]
        if self.text[slice(*trimmed(self.text, start + parts[0], start + parts[1]))] != title:
            return index
        self.warn(line + 1, "title-repeated", "the title line is written again; read once")
        return line + 1

    def next_written(self, index: int) -> int:
        """The first line from `index` on that is not blank (or the end)."""
        while index < len(self.lines) and not self.lines.content(index).strip():
            index += 1
        return index

    def infobox_at(self, index: int) -> Infobox | None:
        """The infobox that starts at line `index`, if one does: up to MAX_HEADER_LINES name
        lines (name, native name, former name), then `- Key: Value` items, which blank lines
        may separate."""
        headers = []
        while index < len(self.lines) and len(headers) <= MAX_HEADER_LINES:
            content = self.lines.content(index)
            if not content.strip() or is_infobox_item(content) or is_heading(content):
                break
            headers.append(index)
            index += 1
        if len(headers) > MAX_HEADER_LINES or index >= len(self.lines) \
                or not is_infobox_item(self.lines.content(index)):
            return None
        items, blanks = [], []
        while index < len(self.lines):
            if is_infobox_item(self.lines.content(index)):
                items.append(index)
                index += 1
                continue
            after = self.next_written(index)
            if after == index or after == len(self.lines) \
                    or not is_infobox_item(self.lines.content(after)):
                break
            blanks.append(index)
            index = after
        return Infobox(headers, items, blanks, index)

    def infobox(self, index: int) -> int:
        """Read the infobox if the first block after the title is one; return the next line."""
        index = self.next_written(index)
        found = self.infobox_at(index)
        return index if found is None else self.take_infobox(found)

    def infobox_after_lead(self, index: int) -> int | None:
        """An infobox written after the lead (before any heading, every item a `Key: Value`),
        read as the infobox, with a warning; None when the block at `index` is none."""
        found = self.infobox_at(index)
        if found is None or not all(infobox_key(item_content(self.lines.content(i)))
                                    is not None for i in found.items):
            return None
        self.warn(index + 1, "infobox-after-lead", "the infobox is written after the lead; "
                  "read as the infobox")
        return self.take_infobox(found)

    def take_infobox(self, found: Infobox) -> int:
        self.infobox_read = True
        for index in found.headers:
            self.add_block("infobox-name", index, *self.lines.span(index))
        for index in found.blanks:
            self.warn(index + 1, "infobox-blank-line", "a blank line inside the infobox; the "
                      "infobox goes on after it")
        for index in found.items:
            self.infobox_line(index)
        return found.end

    def infobox_line(self, index: int) -> None:
        start, end = self.lines.span(index)
        line = self.text[start:end]
        start, end = trimmed(self.text, start + BULLET.match(line).end(), end)
        content = self.text[start:end]
        if not content:
            self.warn(index + 1, "infobox-empty-line", "an infobox line with nothing after '- '")
            return
        key = infobox_key(content)
        if key is None:
            self.warn(index + 1, "infobox-no-key",
                      f"infobox line without ': ': {excerpt(content)}")
        else:
            self.check_key(index, key)
            if oddly_spaced(line, content):
                self.warn(index + 1, "infobox-spacing", f"an infobox line spaced unusually, "
                          f"read as 'Key: Value': {line!r}")
        self.add_block("infobox", index, start, end)

    def check_key(self, index: int, key: str) -> None:
        """The line is kept either way; a blank or repeated key is reported, since whoever reads
        the infobox as a mapping must decide which value wins."""
        if not key:
            self.warn(index + 1, "infobox-empty-key", "an infobox line with nothing before ':'")
            return
        first = self.infobox_keys.setdefault(key.casefold(), index + 1)
        if first != index + 1:
            self.warn(index + 1, "infobox-duplicate-key",
                      f"infobox key {excerpt(key)} was already given on line {first}")

    def take_line(self, index: int) -> int:
        """Read the line at `index` (or the infobox it starts); return the next line."""
        content = self.lines.content(index)
        parts = heading_parts(content)
        if parts is not None:
            self.end_paragraph()
            self.heading(index, parts)
        elif content.strip():
            if not self.paragraph and not self.infobox_read and len(self.sections) == 1:
                after = self.infobox_after_lead(index)
                if after is not None:
                    return after
            self.paragraph.append(index)
        else:
            self.end_paragraph()
        return index + 1

    def heading(self, index: int, parts: tuple[int, int, int, int]) -> None:
        start = self.lines.span(index)[0]
        level, close, title_from, title_to = parts
        if close != level:
            self.warn(index + 1, "heading-unbalanced", f"heading opened with {level} '=' "
                      f"but closed with {close}")
        title_start, title_end = trimmed(self.text, start + title_from, start + title_to)
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
        self.report_infobox_as_prose(self.paragraph)
        first, last = self.paragraph[0], self.paragraph[-1]
        start, end = trimmed(self.text, self.lines.span(first)[0], self.lines.span(last)[1])
        self.add_block("paragraph", first, start, end)
        self.paragraph = []

    def report_infobox_as_prose(self, lines: list[int]) -> None:
        """Lines written like an infobox's that were not read as one are prose: never
        silently, since an infobox lost is many facts lost."""
        keyed = [i for i in lines if is_infobox_item(self.lines.content(i))
                 and infobox_key(item_content(self.lines.content(i)))]
        if len(keyed) >= 2:
            self.warn(keyed[0] + 1, "infobox-as-prose", f"{len(keyed)} lines written like an "
                      "infobox's ('- Key: Value') are read as prose: an infobox is read only "
                      "before the first heading, after at most "
                      f"{MAX_HEADER_LINES} name lines, and only once")

    def add_block(self, kind: str, index: int, start: int, end: int) -> None:
        self.sections[-1].blocks.append(Block(kind, index + 1, start, end))

    def parent_for(self, level: int) -> Section:
        return next(s for s in reversed(self.sections) if s.level < level)

    def open_section(self, level: int, title: str | None, start: int) -> None:
        ordinal = len(self.sections)
        parent = self.parent_for(level) if self.sections else None
        self.sections.append(Section(
            section_id=self.section_ids(section_id(self.document_id, title, not self.sections)),
            document_id=self.document_id,
            parent_id=parent.section_id if parent else None,
            ordinal=ordinal,
            level=level,
            title=title,
            char_start=start,
            char_end=len(self.text),
        ))

    def report_controls(self) -> None:
        """Control characters are kept (see the module's docstring) but never silently."""
        count, line, first = control_characters(self.text)
        if count:
            self.warn(line, "control-character", f"{count} control character(s) kept in the "
                      f"text, the first U+{ord(first):04X} on this line")

    def close_sections(self) -> None:
        """Each section ends where the next begins, less trailing white space."""
        ends = [s.char_start for s in self.sections[1:]] + [len(self.text)]
        for section, end in zip(self.sections, ends, strict=True):
            section.char_end = trimmed(self.text, section.char_start, end)[1]


def read_article(path: Path, source: str) -> Document:
    """Read one article file; `source` is the name used in messages and in the package."""
    check_source(source)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot be read: {error.strerror}") from None
    return read_bytes(raw, source)


def read_bytes(raw: bytes, source: str) -> Document:
    """Read one article's bytes, as read_article does with a file's."""
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
