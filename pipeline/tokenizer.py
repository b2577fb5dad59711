"""A syllable tokenizer that keeps exact character offsets.

Vietnamese writes one syllable per space-separated unit, so syllables (plus
digits and single punctuation marks) are the natural tokens; word segments
from underthesea are a separate, optional layer (``pipeline.words``). Tokens
never span punctuation, letter/digit changes or glued syllables ("Chínhphủ",
"năm2003": conversion damage), so every gold span boundary is a token
boundary and ``doc.char_span`` always succeeds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_", re.UNICODE)
_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_SYLLABLE = re.compile(rf"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[{_VOWELS}]+(?:ng|nh|ch|[cmnpt])?")


def _syllabify(lower: str) -> list[tuple[int, int]] | None:
    """Best segmentation of ``lower`` into valid syllables: fewest pieces, then
    most pieces that start with a consonant ("thủ|tướng", not "thủt|ướng")."""
    n = len(lower)
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (pieces, -onsets, prev)
    best[0] = (0, 0, -1)
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 8) + 1):
            if _SYLLABLE.fullmatch(lower, i, j):
                onset = 0 if lower[i] in _VOWELS else 1
                cand = (best[i][0] + 1, best[i][1] - onset, i)
                if best[j] is None or cand[:2] < best[j][:2]:
                    best[j] = cand
    if best[n] is None:
        return None
    pieces, j = [], n
    while j > 0:
        i = best[j][2]
        pieces.append((i, j))
        j = i
    return pieces[::-1]


@lru_cache(maxsize=50_000)
def split_glued(run: str) -> tuple[tuple[int, int], ...]:
    """Split an alphabetic run into syllables when it is several glued ones.

    Case changes inside the run ("củaỦy") always split. A part that is one
    valid syllable stays whole; otherwise it is split only when syllables cover
    all of it, so English words and abbreviations ("UBND", "Website") stay whole.
    Cached: every word of four letters or more comes here, and a plan uses a
    few thousand distinct ones."""
    cuts = [0] + [i for i in range(1, len(run)) if run[i - 1].islower() and run[i].isupper()] + [len(run)]
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        part = run[a:b].lower()
        if b - a <= 2 or _SYLLABLE.fullmatch(part):
            out.append((a, b))
            continue
        pieces = _syllabify(part)
        if pieces is None or len(pieces) < 2:
            out.append((a, b))
        else:
            out.extend((a + x, a + y) for x, y in pieces)
    return tuple(out)


def token_offsets(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if e - s > 3 and text[s].isalpha():
            pieces = split_glued(text[s:e])
            if len(pieces) > 1:
                out.extend((s + a, s + b) for a, b in pieces)
                continue
        append((s, e))  # one piece is the whole run
    return out


TEXT_KEY = "vnplan.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, without its cost: spaCy rebuilds the string from every
    token on each access (a Python object per token), which was a quarter of
    the extraction time when each component read it a few times. The
    tokenizer keeps the original string; a Doc made elsewhere falls back."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def words_and_spaces(text: str, offsets: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """What ``spacy.util.get_words_and_spaces`` returns for these tokens, from
    their offsets: one space after a token is its trailing space, any other
    run of text between tokens is a token of its own. spaCy's version
    searches each word in a copy of the rest of the text, quadratic in the
    length of a plan."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for s, e in offsets:
        if s > pos:
            words.append(text[pos:s])
            spaces.append(False)
        words.append(text[s:e])
        if e < len(text) and text[e] == " ":
            spaces.append(True)
            pos = e + 1
        else:
            spaces.append(False)
            pos = e
    if pos < len(text):
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


# The offsets of the last few texts the tokenizer saw, keyed by the identity
# of the text object: the entity component asks for them right after the
# tokenizer computed them (the Doc keeps that same string, see text_of).
_RECENT_OFFSETS: dict[int, tuple[str, list[tuple[int, int]]]] = {}


def _remember(text: str, offsets: list[tuple[int, int]]) -> None:
    if len(_RECENT_OFFSETS) >= 8:
        _RECENT_OFFSETS.pop(next(iter(_RECENT_OFFSETS)))
    _RECENT_OFFSETS[id(text)] = (text, offsets)


def doc_offsets(doc: Doc) -> list[tuple[int, int]]:
    """``token_offsets(doc.text)`` without tokenizing again: the tokenizer's
    own result when this Doc is one of the last it made, else read back from
    the Doc's tokens (its whitespace tokens left out)."""
    text = doc.user_data.get(TEXT_KEY)
    hit = _RECENT_OFFSETS.get(id(text)) if isinstance(text, str) else None
    if hit is not None and hit[0] is text:
        return list(hit[1])
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    return [(i, i + n) for i, n, space in rows if not space]


class SyllableTokenizer:
    """spaCy tokenizer: ``doc.text == text`` exactly, whitespace kept as
    whitespace tokens where it is more than one space."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        offsets = token_offsets(text)
        _remember(text, offsets)
        words, spaces = words_and_spaces(text, offsets)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serialises the tokenizer with the pipeline; it has no state
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> SyllableTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> SyllableTokenizer:
        return self


@registry.tokenizers("vnplan.syllable_tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return SyllableTokenizer(nlp.vocab)

    return make
