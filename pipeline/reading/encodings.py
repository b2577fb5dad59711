"""Bytes to text, for the encodings Vietnamese provincial files come in.

The rule is: decode exactly, or say why not. Guessing wrong produces mojibake
that poisons every later stage while looking like text, so each candidate
decoding is scored on how Vietnamese it reads and a low score is an error.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.reading.errors import ReadError
from pipeline.reading.legacy import decode_tcvn3, decode_tcvn3_text, decode_vni, decode_vni_text

# Frequent syllables of administrative Vietnamese. A correct decoding of any
# real plan hits many of them; a wrong one almost none.
_COMMON = frozenset(
  [
    "của", "và", "các", "cho", "được", "người", "trong", "năm", "đào", "tạo", "bồi", "dưỡng", "cán",
    "bộ", "công", "chức", "viên", "tỉnh", "với", "theo", "thực", "hiện", "nhân", "dân", "là", "có",
    "không", "những", "một", "này", "để", "việc", "quản", "lý", "nhà", "nước", "đến", "về", "từ",
    "ban", "sở", "huyện", "xã", "kế", "hoạch", "số", "ngày", "tháng", "quyết", "định", "chính",
    "phủ", "nội", "vụ", "ủy", "tổ", "chủ", "trì", "phối", "hợp", "đơn", "vị", "cơ", "quan", "trên",
    "địa", "bàn", "lãnh", "đạo", "nghiệp", "chuyên", "môn", "kinh", "phí", "tiêu", "chuẩn",
    "chương", "trình", "nâng", "cao", "năng", "lực", "đội", "ngũ",
    ]
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> float:
    """Share of words that are frequent Vietnamese syllables (0..1)."""
    words = _WORD.findall(text[:200_000].lower())
    if not words:
        return 0.0
    return sum(w in _COMMON for w in words) / len(words)


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MIN_SCORE = 0.08  # real plans score 0.25-0.45; wrong decodings < 0.03


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls > max(3, len(sample) // 100)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"cannot be decoded as {encoding} at byte {exc.start}: {exc.reason}") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    even_nuls = raw[0::2].count(0)
    odd_nuls = raw[1::2].count(0)
    half = len(raw) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        candidate = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        candidate = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(candidate)
    except UnicodeDecodeError:
        return None


def _fix_legacy_in_unicode(text: str, warnings: list[str]) -> tuple[str, str | None]:
    """Text copied out of a legacy-font document into a Unicode file keeps the
    legacy bytes as Latin-1 letters ("Tieáng Vieät"). Convert when that reading
    is clearly more Vietnamese than the text as it stands."""
    base = vietnamese_score(text)
    if base >= 0.15 or not re.search(r"[\u00c0-\u00ff]", text):
        return text, None
    best, best_name, best_score = text, None, base
    for name, fn in (("vni", decode_vni_text), ("tcvn3", decode_tcvn3_text)):
        converted = fn(text)
        score = vietnamese_score(converted)
        if score > best_score + 0.1 and score >= _MIN_SCORE:
            best, best_name, best_score = converted, name, score
    if best_name:
        warnings.append(f"text was {best_name.upper()} legacy-font text stored as Unicode; converted")
    return best, best_name


def decode_bytes(raw: bytes, path: str = "<bytes>") -> Decoded:
    """Decode a file's bytes to NFC text or raise ReadError naming the problem."""
    if not raw.strip():
        raise ReadError(path, "file is empty")
    warnings: list[str] = []
    for bom, name in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, name, path)
            return Decoded(unicodedata.normalize("NFC", text), name.replace("-sig", ""), warnings)

    if b"\x00" in raw[:4096]:
        text = _utf16_without_bom(raw)
        if text is None or _looks_binary(text):
            raise ReadError(path, "binary content (NUL bytes), not a text document")
        return Decoded(unicodedata.normalize("NFC", text), "utf-16", warnings)

    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        text = None
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            # a file cut inside its last character: keep everything before it
            text = raw[: exc.start].decode("utf-8")
            encoding = "utf-8"
            warnings.append("file ends inside a UTF-8 character (truncated); last bytes dropped")
    if text is not None:
        if _looks_binary(text):
            raise ReadError(path, "binary content (control characters), not a text document")
        text, legacy = _fix_legacy_in_unicode(text, warnings)
        if legacy:
            encoding = f"utf-8+{legacy}"
        return Decoded(unicodedata.normalize("NFC", text), encoding, warnings)

    # 8-bit encodings: score each reading and keep the clear winner
    candidates: list[tuple[float, str, str]] = []
    for name, fn in (
        ("windows-1258", lambda b: b.decode("cp1258")),
        ("tcvn3", decode_tcvn3),
        ("vni", decode_vni),
    ):
        try:
            decoded = unicodedata.normalize("NFC", fn(raw))
        except UnicodeDecodeError:
            continue
        candidates.append((vietnamese_score(decoded), name, decoded))
    candidates.sort(reverse=True)
    if not candidates or candidates[0][0] < _MIN_SCORE:
        if candidates and _looks_binary(candidates[0][2]):
            raise ReadError(path, "binary content, not a text document")
        raise ReadError(
            path,
            "unknown encoding: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI (convert the file to UTF-8 and retry)",
        )
    score, name, text = candidates[0]
    if _looks_binary(text):
        raise ReadError(path, "binary content, not a text document")
    if len(candidates) > 1 and candidates[1][0] > score * 0.9:
        warnings.append(f"encoding guessed as {name} over {candidates[1][1]} by a small margin; check the text")
    return Decoded(text, name, warnings)
