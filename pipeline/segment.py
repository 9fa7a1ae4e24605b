"""Stage 2, segment: blocks become sentences with exact spans.

Headings and infobox lines are sentences of their own; paragraphs are split by pysbd. A
sentence's span excludes the white space around it, so `text[char_start:char_end] == sentence`.
pysbd reports sentences, not trustworthy offsets, so each one is found again in the paragraph;
any text pysbd altered or left out becomes a sentence of its own, so nothing is dropped.
"""

from dataclasses import dataclass

import pysbd

from pipeline.read import Document, trimmed

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
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
    """Sentence spans covering every non-space character of text[start:end], in order."""
    paragraph = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _SEGMENTER.segment(paragraph):
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
    sentences: list[Sentence] = []
    text = document.text
    for section in document.sections:
        for block in section.blocks:
            if block.kind == "paragraph":
                spans = split_paragraph(text, block.char_start, block.char_end)
            else:
                spans = [(block.char_start, block.char_end)]
            for start, end in spans:
                ordinal = len(sentences) + 1
                sentences.append(Sentence(
                    sentence_id=f"{document.document_id}:sen-{ordinal:04d}",
                    document_id=document.document_id,
                    section_id=section.section_id,
                    ordinal=ordinal,
                    kind=KINDS[block.kind],
                    line=block.line + text.count("\n", block.char_start, start),
                    char_start=start,
                    char_end=end,
                    text=text[start:end],
                ))
    return sentences
