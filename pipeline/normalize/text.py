"""Text keys for comparing Vietnamese names written in different styles.

Documents mix old and new tone placement ("Hoà"/"Hòa", "Uỷ"/"Ủy"), drop
diacritics in capitals ("SON LA") and vary case; matching names needs a key
that forgives exactly that and nothing more.
"""

from __future__ import annotations

import re
import unicodedata

# Vietnamese letters by case, as regular-expression classes. A range such as
# [A-ZĐÀ-Ỹ] is no "capital": À..Ỹ holds every lower-case Vietnamese letter too
# ("đ", "ư", "ợ"), so "được" passed for a capitalised word.
LOWER_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵfjwz"
UPPER_LETTERS = LOWER_LETTERS.upper()
LOWER = f"[{LOWER_LETTERS}]"
UPPER = f"[{UPPER_LETTERS}]"


# old-style tone placement -> new style (tone on the main vowel)
_TONE_STYLE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# only at the end of a syllable: "hoà" -> "hòa", but "hoạch" keeps its tone where it is
_TONE_RE = re.compile("(?:" + "|".join(_TONE_STYLE) + r")(?![^\W\d_])")


def name_key(text: str) -> str:
    """Lower case, new-style tones, single spaces, no markup."""
    s = unicodedata.normalize("NFC", text).lower()
    s = re.sub(r"[*_#<>/]+", " ", s)
    s = _TONE_RE.sub(lambda m: _TONE_STYLE[m.group(0)], s)
    return re.sub(r"\s+", " ", s).strip()


class _Marks(dict):
    """A ``str.translate`` table that deletes combining marks (category Mn),
    filled as characters are met: a table of all of Unicode would take a
    third of a second to build, and a per-character test in Python is slow
    on the first pages of a plan, which the province lookup folds."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def strip_diacritics(text: str) -> str:
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", s.translate(_MARKS))


def loose_key(text: str) -> str:
    """name_key without diacritics: last resort for capitals that lost them."""
    return strip_diacritics(name_key(text))
