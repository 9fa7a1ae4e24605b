"""Stage 2, segment: blocks become sentences with exact spans.

Headings and infobox lines are sentences of their own; paragraphs are split by pysbd. A
sentence's span excludes the white space around it, so `text[char_start:char_end] == sentence`.
pysbd reports sentences, not trustworthy offsets, so each one is found again in the paragraph;
any text pysbd altered or left out becomes a sentence of its own, so nothing is dropped. Text
that holds pysbd's own placeholder symbols (such as ∯ or ȸ) comes back altered, so it lands in
such a gap sentence rather than being lost.

Speed, measured on pysbd 0.3.4: its abbreviation pass runs one `re.sub` over the whole line for
each word that starts like an abbreviation ("p", "is", "me", ...), so its cost grows with the
square of a line's length (160,000 characters of prose on one line: 16 s). Paragraphs longer
than LONG_PARAGRAPH are therefore cut into chunks first (see `chunks`), and pysbd's
`Segmenter.segment` is bypassed for its processor: `segment` finds every sentence again with a
regex compiled from that sentence and scanned from the start of the text, which is quadratic too,
and its one-off patterns evict pysbd's own from the `re` cache; we find sentences ourselves.

pysbd passes most of its patterns to `re` as strings, several per abbreviation it meets, so they
are compiled again whenever they have left `re`'s cache of compiled patterns; at the cache's
default size (512, dropping the oldest) a corpus's paragraphs kept pushing them out, and much of
segmenting was compiling them again. The cache is given room for them (PATTERNS_KEPT).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pysbd

from pipeline.ids import Apart, sentence_id
from pipeline.read import Document
from pipeline.spans import trimmed

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
PATTERNS_KEPT = 4096  # room in `re`'s cache for pysbd's patterns (above) and everyone else's
re._MAXCACHE = max(re._MAXCACHE, PATTERNS_KEPT)
# Characters. Longer than any paragraph of the seed and development articles (at most 1,160), so
# real paragraphs are split whole; above it pysbd's cost per character climbs (per MB of one
# long line: 3.2 s in chunks of 1,000, 3.8 s of 2,000, 7 s of 5,000, 15 s per 160,000 whole).
LONG_PARAGRAPH = 2_000
LINE_BREAK = re.compile(r"\s*\n\s*")
LOWER_GAP = re.compile(r"(?<=[a-z]{2})\s+(?=[a-z])")  # between lower-case words: mid-sentence
WORD_GAP = re.compile(r"(?<=\w)\s+(?=\w)")
ANY_GAP = re.compile(r"\s+")
SHORT_ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Za-z]{1,3}\.$")
NO_OPENER = re.compile(r"[a-z;,:]|(?:Ltd|Inc|Corp|LLC|Co|Limited|plc)\b")
KINDS = {"heading": "heading", "infobox-name": "infobox", "infobox": "infobox",
         "paragraph": "prose"}


@dataclass(frozen=True)
class Sentence:
    sentence_id: str
    document_id: str
    section_id: str
    ordinal: int
    kind: str
    line: int
    char_start: int
    char_end: int
    text: str

    def row(self) -> dict:
        return dict(self.__dict__)


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans covering every non-space character of text[start:end], in order.

    A long paragraph is split chunk by chunk; where a chunk was cut between two words, its last
    sentence and the next chunk's first are one sentence and are joined again.
    """
    spans: list[tuple[int, int]] = []
    join = False
    for chunk_start, chunk_end, joined in chunks(text, start, end):
        pieces = split_chunk(text, chunk_start, chunk_end)
        if join and spans and pieces:
            spans[-1] = (spans[-1][0], pieces.pop(0)[1])
        spans += pieces
        join = joined
    return rejoined(text, spans)


def rejoined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, where pysbd ended a sentence at a short abbreviation ("Co.", "sq.") before a
    word or mark that opens no sentence (lower case: "sq. ft."; a legal form: "Acme Co. Ltd.,
    whose"; a semicolon or comma: "Acme, Inc.; member of B, a unit of C, is"),
    or before a bracket written right after it ("Acme Co.,ltd.(AC), founded"), joined again:
    those are one sentence."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        glued = joined and joined[-1][1] == start and text.startswith("(", start)
        if glued or (joined and SHORT_ABBREVIATION_END.search(text, *joined[-1])
                     and NO_OPENER.match(text, start)):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Pieces of text[start:end] of at most about LONG_PARAGRAPH characters, each with whether
    it runs on into the next (cut mid-sentence) or not.

    The cut is made, by preference, at a line break (pysbd ends a sentence there anyway), else
    between two lower-case words, else between any two words (mid-sentence, so the pieces are
    joined again; lower case keeps the word pysbd looks ahead to, such as "It" after "U.S.", on
    the side of the period), else at any space. Text with no space at all is left whole:
    without spaces pysbd's slow pass finds nothing to do. The price, paid only above
    LONG_PARAGRAPH: a quotation or bracket open across a cut is not seen whole by pysbd, which
    may then end a sentence inside it.
    """
    while end - start > LONG_PARAGRAPH:
        cut = _cut(text, start + LONG_PARAGRAPH // 2, start + LONG_PARAGRAPH, end)
        if cut is None:
            break
        cut_start, cut_end, joined = cut
        yield start, cut_start, joined
        start = cut_end
    yield start, end, False


def _cut(text: str, low: int, high: int, end: int) -> tuple[int, int, bool] | None:
    """The gap to cut at in text[low:high] (see `chunks`), else the first space after it."""
    for pattern, joined in ((LINE_BREAK, False), (LOWER_GAP, True), (WORD_GAP, True),
                            (ANY_GAP, False)):
        matches = list(pattern.finditer(text, low, high))
        if matches:
            return matches[-1].start(), matches[-1].end(), joined
    after = ANY_GAP.search(text, high, end)
    return (after.start(), after.end(), False) if after else None


def split_chunk(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """pysbd's sentences of text[start:end], found again in it, with the gaps between them as
    sentences of their own, all trimmed of white space and in document offsets."""
    paragraph = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _SEGMENTER.processor(paragraph).process():
        piece = piece.strip()
        found = paragraph.find(piece, cursor) if piece else -1
        if found < 0:
            continue
        spans.append((cursor, found))
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    spans.append((cursor, len(paragraph)))
    exact = (trimmed(text, start + a, start + b) for a, b in spans)
    return [(a, b) for a, b in exact if a < b]


def segment(document: Document) -> list[Sentence]:
    """Every block's sentences, numbered through the document, each with the line it starts on
    and an id made from its text (see pipeline/ids.py)."""
    sentences: list[Sentence] = []
    text = document.text
    sentence_ids = Apart()
    for section in document.sections:
        for block in section.blocks:
            if block.kind == "paragraph":
                spans = split_paragraph(text, block.char_start, block.char_end)
            else:
                spans = [(block.char_start, block.char_end)]
            line, counted = block.line, block.char_start  # counted onwards, not from the block
            for start, end in spans:
                line += text.count("\n", counted, start)
                counted = start
                ordinal = len(sentences) + 1
                sentences.append(Sentence(
                    sentence_id=sentence_ids(sentence_id(document.document_id,
                                                         text[start:end])),
                    document_id=document.document_id,
                    section_id=section.section_id,
                    ordinal=ordinal,
                    kind=KINDS[block.kind],
                    line=line,
                    char_start=start,
                    char_end=end,
                    text=text[start:end],
                ))
    return sentences
