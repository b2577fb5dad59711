"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI.

Old provincial files were typed in 8-bit fonts (.VnTime, VNI-Times) whose bytes
mean Vietnamese letters only through the font. Decoded as Latin-1 they look
like "TiÕng ViÖt" (TCVN3) or "Tieáng Vieät" (VNI). The tables below map them to
Unicode; ``pipeline.reading.encodings`` decides which one (if any) applies.

TCVN3 is one byte per letter (only lower-case accented letters exist, the
capitals live in a separate "H" font with the same codes). VNI writes a base
letter followed by one or two modifier bytes.
"""

from __future__ import annotations

import re

# --- TCVN3 (TCVN 5712:1993, "ABC") -----------------------------------------
_TCVN3_PAIRS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

#: Latin-1 character -> Unicode letter
TCVN3_TO_UNICODE: dict[str, str] = {chr(b): u for b, u in _TCVN3_PAIRS.items()}
UNICODE_TO_TCVN3: dict[str, str] = {u: chr(b) for b, u in _TCVN3_PAIRS.items()}


def decode_tcvn3(raw: bytes) -> str:
    return "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in raw.decode("latin-1"))


def encode_tcvn3(text: str) -> bytes:
    """Encode to TCVN3 (used by tests to make samples). Capitals without a
    TCVN3 code point are written with the lower-case code, as the ABC fonts do."""
    out = []
    for ch in text:
        code = UNICODE_TO_TCVN3.get(ch) or UNICODE_TO_TCVN3.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out).encode("latin-1")


# --- VNI (VNI-Windows) ------------------------------------------------------
# Sequences written after a base letter, lower-case form (upper-case letters use
# the upper-case Latin-1 twin of the modifier).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# modifiers on â/ê/ô (circumflex + tone)
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# modifiers on ă (breve + tone)
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _build_vni() -> dict[str, str]:
    import unicodedata

    table: dict[str, str] = {}

    def add(seq: str, uni: str) -> None:
        uni = unicodedata.normalize("NFC", uni)
        table[seq] = uni
        table[seq.upper()] = uni.upper()

    for base in "aeouy":
        for mod, tone in _VNI_TONES.items():
            add(base + mod, base + tone)
    for base, circ in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for mod, tone in _VNI_CIRC.items():
            add(base + mod, circ + tone)
    for mod, tone in _VNI_BREVE.items():
        add("a" + mod, "ă" + tone)
    # ơ and ư are single bytes (ô, ö), toned by a following tone byte
    for single, letter in (("ô", "ơ"), ("ö", "ư")):
        add(single, letter)
        for mod, tone in _VNI_TONES.items():
            add(single + mod, letter + tone)
    # i and a few single-byte letters
    add("í", "í")
    add("ì", "ì")
    add("æ", "ỉ")
    add("ó", "ĩ")
    add("ò", "ị")
    add("î", "ỵ")
    add("ñ", "đ")
    return table


VNI_TO_UNICODE: dict[str, str] = _build_vni()
UNICODE_TO_VNI: dict[str, str] = {}
for _seq, _uni in sorted(VNI_TO_UNICODE.items(), key=lambda kv: len(kv[0])):
    # prefer the upper-case sequence for upper-case letters and the shortest form
    if _uni not in UNICODE_TO_VNI or (_uni.isupper() and _seq.isupper()):
        UNICODE_TO_VNI[_uni] = _seq
# "í" and friends are identity in Latin-1; they must not be re-mapped on encode
for _same in ("í", "ì", "Í", "Ì"):
    UNICODE_TO_VNI[_same] = _same

# longest sequences first so "ôù" wins over "ô"
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))


def decode_vni_text(text: str) -> str:
    """Map VNI sequences in a Latin-1 view of the bytes to Unicode letters."""
    return _VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def decode_vni(raw: bytes) -> str:
    return decode_vni_text(raw.decode("latin-1"))


def encode_vni(text: str) -> bytes:
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(UNICODE_TO_VNI.get(ch, ch))
    return "".join(out).encode("latin-1")


def decode_tcvn3_text(text: str) -> str:
    return "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
