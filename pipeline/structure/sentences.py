"""Sentences and word segments from underthesea, aligned back to offsets.

underthesea returns strings, not offsets, and may normalise whitespace inside
a multi-syllable word ("Giám  đốc" -> "Giám đốc"); each piece is therefore
searched for in the original text from a moving cursor, whitespace-tolerant,
so the result is a list of exact (start, end) spans into ``Document.text``.
Sentences are split inside text blocks (paragraphs, list items, headings,
table cells), never across them: a table cell or a heading is never glued to
the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pipeline.structure.lines import trim
from pipeline.structure.model import Structure


def align(text: str, pieces: Iterable[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of ``pieces`` found in order in ``text[start:end]``; pieces not
    found (normalised by the tool) are skipped."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    cursor = start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        pos = text.find(piece, cursor, end)
        if pos >= 0:
            out.append((pos, pos + len(piece)))
            cursor = pos + len(piece)
            continue
        pattern = r"\s+".join(re.escape(part) for part in piece.split())
        m = re.compile(pattern).search(text, cursor, end)
        if m:
            out.append(m.span())
            cursor = m.end()
    return out


def text_blocks(structure: Structure, text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_prose) of each text block in document order: paragraphs,
    list items, heading titles, footnotes and table cells are prose; header,
    signature and recipient fields are single units (a URL or "Số: 269/QĐ-UBND"
    is not to be split at its dots)."""
    spans: list[tuple[int, int, bool]] = []
    for node in structure.walk():
        if node.kind == "table":
            for row in node.rows:
                spans.extend((c.start, c.end, True) for c in row.cells if c.end > c.start)
        elif node.kind in ("heading", "list_item", "footnote") and node.title is not None:
            spans.append((node.title.start, node.title.end, True))
        elif node.kind in ("paragraph", "title"):
            spans.append((node.start, node.end, True))
        elif node.kind in ("header", "signature"):
            spans.extend((f.start, f.end, False) for f in node.fields)
        elif node.kind == "recipients":
            spans.extend((i.start, i.end, False) for i in node.items)
    for s, e, prose in sorted(set(spans)):
        s, e = trim(text, s, e)
        if s < e:
            yield s, e, prose


def sentence_spans(text: str, structure: Structure) -> list[tuple[int, int]]:
    from underthesea import sent_tokenize

    out: list[tuple[int, int]] = []
    last_end = 0
    for s, e, prose in text_blocks(structure, text):
        if s < last_end:  # a field inside a span already split
            continue
        found = (align(text, sent_tokenize(text[s:e]), s, e) if prose else []) or [(s, e)]
        out.extend(found)
        last_end = e
    return out


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """underthesea word segments of ``text[start:end]`` ("Giám đốc" is one word)."""
    from underthesea import word_tokenize

    return align(text, word_tokenize(text[start:end]), start, end)
