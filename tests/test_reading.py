"""Reader: formats, encodings (incl. legacy TCVN3/VNI samples made here) and
bad input (empty, binary, truncated), each with a clear ReadError."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from pipeline.reading import ReadError, read_bytes, read_document
from pipeline.reading.legacy import encode_tcvn3, encode_vni
from tests.conftest import SEEDS

SAMPLE = (
    "KẾ HOẠCH\nĐào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Sơn La năm 2025\n\n"
    "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị tổ chức thực hiện kế hoạch.\n"
    "- Giao Giám đốc Sở Tài chính bố trí kinh phí đào tạo, bồi dưỡng cho cán bộ, công chức "
    "của tỉnh trong năm 2025 theo quy định của Nhà nước.\n"
)


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after a base
    letter that may carry a circumflex, breve or horn."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out, base, marks = [], "", []

    def flush():
        if base:
            out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones)))
            out.extend(m for m in marks if m in tones)

    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            marks.append(ch)
        else:
            flush()
            base, marks = ch, []
    flush()
    return "".join(out).encode("cp1258")


# --- text encodings --------------------------------------------------------


def test_utf8_seed_is_nfc_and_unchanged():
    raw = SEEDS["son-la"].read_bytes()
    doc = read_document(SEEDS["son-la"])
    assert doc.text == unicodedata.normalize("NFC", raw.decode("utf-8"))
    assert doc.encoding == "utf-8" and doc.doc_id == "son-la-2021-2025"


def test_utf8_nfd_input_is_normalised():
    doc = read_bytes(unicodedata.normalize("NFD", SAMPLE).encode("utf-8"), "txt", "nfd.txt")
    assert doc.text == SAMPLE


@pytest.mark.parametrize(
    "encode, expected",
    [
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8"),
        (lambda s: s.encode("utf-16"), "utf-16"),  # with BOM
        (lambda s: s.encode("utf-16-le"), "utf-16"),  # without BOM
        (lambda s: s.encode("utf-16-be"), "utf-16"),
        (_cp1258, "windows-1258"),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1258"],
)
def test_unicode_and_windows_encodings(encode, expected):
    doc = read_bytes(encode(SAMPLE), "txt", "x.txt")
    assert doc.text == SAMPLE
    assert doc.encoding == expected


def test_vni_known_bytes():
    # "Tiếng Việt ... đào tạo, bồi dưỡng" as typed in a VNI-Times document
    raw = b"Tie\xe1ng Vie\xe4t: \xf1a\xf8o ta\xefo, bo\xe0i d\xf6\xf4\xf5ng ca\xf9n bo\xe4, co\xe2ng ch\xf6\xf9c"
    doc = read_bytes(raw + b"\n" + encode_vni(SAMPLE), "txt", "vni.txt")
    assert doc.encoding == "vni"
    assert doc.text.startswith("Tiếng Việt: đào tạo, bồi dưỡng cán bộ, công chức\n")
    assert doc.text.endswith(SAMPLE)


def test_tcvn3_known_bytes():
    # "Tiếng Việt đào tạo" in TCVN3 (ABC): one byte per accented letter
    raw = b"Ti\xd5ng Vi\xd6t \xae\xb5o t\xb9o"
    doc = read_bytes(raw + b"\n" + encode_tcvn3(SAMPLE), "txt", "tcvn3.txt")
    assert doc.encoding == "tcvn3"
    assert doc.text.startswith("Tiếng Việt đào tạo\n")
    # TCVN3 has no code for upper-case accented letters (the ABC fonts put them
    # in a separate "H" font), so only those come back in lower case
    assert "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Sơn La năm 2025" in doc.text
    assert "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị tổ chức thực hiện" in doc.text
    assert "Kế HOạCH" in doc.text


def test_legacy_text_pasted_into_utf8_is_converted_with_warning():
    legacy = encode_vni(SAMPLE).decode("latin-1").encode("utf-8")
    doc = read_bytes(legacy, "txt", "pasted.txt")
    assert doc.text == SAMPLE
    assert any("VNI" in w for w in doc.warnings)


def test_unknown_8bit_encoding_is_refused():
    raw = "Grüße aus München: schöne Straßen, Käse und Bäume überall.".encode("latin-1") * 5
    with pytest.raises(ReadError, match="unknown encoding"):
        read_bytes(raw, "txt", "german.txt")


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t "], ids=["zero-bytes", "whitespace"])
def test_empty_file(tmp_path, raw):
    path = tmp_path / "empty.txt"
    path.write_bytes(raw)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(path) in str(info.value) and "empty" in str(info.value)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(ReadError, match="binary"):
        read_document(path)


def test_truncated_utf8_keeps_the_text_and_warns(tmp_path):
    raw = SAMPLE.encode("utf-8")
    cut = raw[: raw.index("ồ".encode()) + 1]  # inside a 3-byte character
    path = tmp_path / "cut.txt"
    path.write_bytes(cut)
    doc = read_document(path)
    assert SAMPLE.startswith(doc.text)
    assert doc.text.endswith("b")
    assert any("truncated" in w for w in doc.warnings)


def test_unsupported_and_missing(tmp_path):
    with pytest.raises(ReadError, match="unsupported file type"):
        read_document(tmp_path / "plan.odt")
    with pytest.raises(ReadError, match="cannot open"):
        read_document(tmp_path / "missing.txt")


# --- rich formats ------------------------------------------------------------


def test_markdown(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("# KẾ HOẠCH\n\n## I. MỤC TIÊU\n\n- Bồi dưỡng 100% cán bộ\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "md" and doc.text.startswith("# KẾ HOẠCH")


def test_html(tmp_path):
    html = """<html><head><meta charset="utf-8"><title>t</title><script>var x = 1;</script>
    <style>p {}</style></head><body><nav><a href="/">Trang chủ</a></nav>
    <h2>I. TỔ CHỨC THỰC HIỆN</h2><p>Sở Nội vụ <b>chủ trì</b>, phối hợp với Sở Tài chính.</p>
    <ul><li>Xây dựng kế hoạch năm 2025</li><li>Báo cáo UBND tỉnh</li></ul>
    <table><tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th></tr>
    <tr><td>1</td><td>Tổ chức lớp bồi dưỡng</td><td>Sở Nội vụ</td></tr></table></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert "var x" not in doc.text and "p {}" not in doc.text
    assert "## I. TỔ CHỨC THỰC HIỆN" in doc.text
    assert "Sở Nội vụ chủ trì , phối hợp" in doc.text or "Sở Nội vụ chủ trì, phối hợp" in doc.text
    assert "- Xây dựng kế hoạch năm 2025" in doc.text
    assert "STT\tNội dung\tChủ trì\n1\tTổ chức lớp bồi dưỡng\tSở Nội vụ" in doc.text


def test_html_legacy_charset(tmp_path):
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    path = tmp_path / "old.htm"
    path.write_bytes(html.encode("ascii") + b"<body><p>" + _cp1258(SAMPLE) + b"</p></body></html>")
    doc = read_document(path)
    assert "Đào tạo, bồi dưỡng cán bộ, công chức" in doc.text


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("KẾ HOẠCH đào tạo, bồi dưỡng năm 2025", level=1)
    d.add_paragraph("Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan.")
    d.add_paragraph("Tổ chức 75 lớp bồi dưỡng", style="List Bullet")
    table = d.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["STT", "Nội dung", "Chủ trì"]):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["1", "Bồi dưỡng kiến thức quốc phòng", "Sở Nội vụ"]):
        cell.text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx_bytes())
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.text.startswith("# KẾ HOẠCH đào tạo, bồi dưỡng năm 2025\n")
    assert "- Tổ chức 75 lớp bồi dưỡng" in doc.text
    assert "STT\tNội dung\tChủ trì\n1\tBồi dưỡng kiến thức quốc phòng\tSở Nội vụ" in doc.text


def test_truncated_docx(tmp_path):
    raw = _docx_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ReadError, match="not a valid .docx"):
        read_document(path)
    assert not zipfile.is_zipfile(path)


def _pdf_bytes(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, WinAnsi)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf_bytes(["KE HOACH dao tao 2025", "So Noi vu chu tri"]))
    doc = read_document(path)
    assert doc.format == "pdf"
    assert "KE HOACH dao tao 2025" in doc.text and "So Noi vu chu tri" in doc.text


def test_pdf_without_text_and_truncated(tmp_path):
    empty = tmp_path / "scan.pdf"
    empty.write_bytes(_pdf_bytes([]))
    with pytest.raises(ReadError, match="no text layer"):
        read_document(empty)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(_pdf_bytes(["KE HOACH"])[:60])
    with pytest.raises(ReadError):
        read_document(cut)
