"""Format-specific text extraction (HTML, DOCX, PDF).

Rich formats are flattened into the same plain-text conventions the corpus
uses, so one segmenter serves all: headings become ``#`` lines, list items
``- `` lines, table rows tab-separated cells, paragraphs are separated by a
blank line. Offsets then point into that flattened text, which is what the
knowledge base stores and Label Studio shows.
"""

from __future__ import annotations

import io
import re
import zipfile

from pipeline.reading.encodings import decode_bytes
from pipeline.reading.errors import ReadError

_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "address",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "br", "hr",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "form", "button")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def html_to_text(raw: bytes, path: str) -> tuple[str, str, list[str]]:
    from bs4 import BeautifulSoup

    match = _HTML_CHARSET.search(raw[:4096])
    declared = match.group(1).decode("ascii", "ignore").lower() if match else None
    if declared and declared not in ("utf-8", "utf8"):
        try:
            markup = raw.decode(declared)
            encoding, warnings = declared, []
        except (LookupError, UnicodeDecodeError):
            decoded = decode_bytes(raw, path)
            markup, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    else:
        decoded = decode_bytes(raw, path)
        markup, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    body = soup.body or soup
    blocks: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            name = getattr(child, "name", None)
            if name is None:
                continue
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                text = _clean(child.get_text(" "))
                if text:
                    blocks.append("#" * int(name[1]) + " " + text)
            elif name == "li":
                text = _clean(child.get_text(" "))
                if text:
                    blocks.append("- " + text)
            elif name == "table":
                rows = []
                for tr in child.find_all("tr"):
                    cells = [_clean(td.get_text(" ")) for td in tr.find_all(["td", "th"], recursive=False)]
                    if any(cells):
                        rows.append("\t".join(cells))
                if rows:
                    blocks.append("\n".join(rows))
            elif name == "p" or (name in _BLOCK_TAGS and not child.find(list(_BLOCK_TAGS))):
                text = _clean(child.get_text(" "))
                if text:
                    blocks.append(text)
            else:
                # inline-only containers with direct text and nested blocks
                direct = _clean("".join(s for s in child.find_all(string=True, recursive=False)))
                if direct and name not in _BLOCK_TAGS:
                    blocks.append(_clean(child.get_text(" ")))
                    continue
                walk(child)

    walk(body)
    if not blocks:
        text = _clean(body.get_text(" "))
        if text:
            blocks.append(text)
    if not blocks:
        raise ReadError(path, "HTML page has no visible text")
    return "\n\n".join(blocks) + "\n", encoding, warnings


def docx_to_text(raw: bytes, path: str) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise ReadError(path, f"python-docx is not installed ({exc})") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(path, f"not a valid .docx (corrupt or truncated archive: {exc})") from None
    except Exception as exc:  # python-docx raises a zoo of lxml/opc errors on broken files
        raise ReadError(path, f"not a valid .docx ({type(exc).__name__}: {exc})") from None

    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(element, document)
            text = _clean(para.text)
            if not text:
                continue
            style = (para.style.name if para.style is not None else "") or ""
            if style.startswith("Heading"):
                level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
                blocks.append("#" * level + " " + text)
            elif style.startswith("List"):
                blocks.append("- " + text)
            else:
                blocks.append(text)
        elif tag == "tbl":
            table = Table(element, document)
            rows = []
            for row in table.rows:
                cells, last = [], None
                for cell in row.cells:
                    if last is not None and cell._tc is last:  # merged cell repeated
                        continue
                    last = cell._tc
                    cells.append(_clean(cell.text.replace("\n", " ")))
                if any(cells):
                    rows.append("\t".join(cells))
            if rows:
                blocks.append("\n".join(rows))
    if not blocks:
        raise ReadError(path, ".docx contains no text")
    return "\n\n".join(blocks) + "\n"


def pdf_to_text(raw: bytes, path: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise ReadError(path, f"not a readable PDF (corrupt or truncated: {exc})") from None
    except Exception as exc:  # pypdf raises various errors on damaged files
        raise ReadError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise ReadError(path, "PDF has no text layer (scanned image?); run OCR first")
    return text + "\n"
