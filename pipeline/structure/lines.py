"""Lines with offsets, and the markup-aware views of a line the segmenter needs.

Converted plans carry markdown (``**bold**``, ``#``), HTML fragments and
stray spaces; the segmenter decides on a *plain* view of each line but keeps
the original offsets, so nothing is ever rewritten in the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w)|</?(?:b|i|u|em|strong|span|p)\b[^>]*>")
_HEADING_HASHES = re.compile(r"^[ \t]*(#{1,6})[ \t]+")
_SPACES = re.compile(r"\s+")


@dataclass
class Line:
    index: int
    start: int  # offset of the first character
    end: int  # offset after the last non-newline character
    raw: str  # the line without its newline

    @property
    def is_blank(self) -> bool:
        return not self.raw.strip() or not plain(self.raw)


def split_lines(text: str) -> list[Line]:
    lines = []
    for i, m in enumerate(_LINE_RE.finditer(text)):
        raw = m.group(0)
        if raw.endswith("\n"):
            raw = raw[:-1]
        if raw.endswith("\r"):
            raw = raw[:-1]
        lines.append(Line(i, m.start(), m.start() + len(raw), raw))
    return lines


@lru_cache(maxsize=8192)
def plain(raw: str) -> str:
    """The line as a reader sees it: no markdown/HTML emphasis, no hashes,
    whitespace collapsed. Cached: the segmenter asks for the same line's
    plain view from several detectors (heading, list, table, header)."""
    s = _HEADING_HASHES.sub("", raw)
    s = _MARKUP.sub(" ", s)
    s = s.replace("\u00a0", " ")
    return _SPACES.sub(" ", s).strip()


def heading_hashes(raw: str) -> int:
    m = _HEADING_HASHES.match(raw)
    return len(m.group(1)) if m else 0


def is_bold_line(raw: str) -> bool:
    s = _HEADING_HASHES.sub("", raw).strip()
    return len(s) > 4 and s.startswith("**") and s.endswith("**")


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink [start, end) past whitespace, emphasis markup and ``extra`` chars."""
    strip_chars = " \t\r\n\u00a0" + extra
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in strip_chars:
            start += 1
            changed = True
        while end > start and text[end - 1] in strip_chars:
            end -= 1
            changed = True
        for token in ("**", "__", "*"):
            if text.startswith(token, start) and start + len(token) <= end:
                start += len(token)
                changed = True
            if end - len(token) >= start and text[end - len(token) : end] == token:
                end -= len(token)
                changed = True
        m = re.match(r"</?[a-zA-Z][^>]*>", text[start:end])
        if m:
            start += m.end()
            changed = True
        m = re.search(r"</?[a-zA-Z][^>]*>$", text[start:end])
        if m:
            end = start + m.start()
            changed = True
    return start, end
