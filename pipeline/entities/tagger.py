"""The trained sequence tagger (CRF over syllable tokens, BIO tags).

It predicts all eight labels: for LEGAL_REF, DATE, PERCENT, QUOTA and MONEY
the deterministic recognisers' output is a feature, so the tagger copies them
where they are right and learns where the annotators decided otherwise (a
date inside a TASK, a bare number in a quota-table cell).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.entities.features import TokenSeq, sequences
from pipeline.structure.model import Structure
from pipeline.structure.segmenter import segment

_EDGE = set(".,;:)]}(*-–+") | {" ", "\t", "\n"}


@dataclass
class TaggedSpan:
    start: int
    end: int
    label: str
    score: float


def gold_tags(seqs: list[TokenSeq], spans: Iterable[tuple[int, int, str]]) -> list[list[str]]:
    starts_by_seq = [[s for s, _ in seq.offsets] for seq in seqs]
    tags = [["O"] * len(seq.offsets) for seq in seqs]
    flat: list[tuple[int, int, int]] = []  # (start, seq index, token index)
    for si, seq in enumerate(seqs):
        for ti, (s, _e) in enumerate(seq.offsets):
            flat.append((s, si, ti))
    flat.sort()
    keys = [f[0] for f in flat]
    for start, end, label in spans:
        i = bisect.bisect_left(keys, start)
        first = True
        while i < len(flat) and flat[i][0] < end:
            _, si, ti = flat[i]
            tags[si][ti] = ("B-" if first else "I-") + label
            first = False
            i += 1
    del starts_by_seq
    return tags


def decode(text: str, seq: TokenSeq, tags: list[str], marginals: list[float] | None = None) -> list[TaggedSpan]:
    """Spans from BIO tags; ``marginals`` holds each token's probability of
    its own tag (a span's score is their mean)."""
    spans: list[TaggedSpan] = []
    cur: list | None = None

    def close():
        if cur is None:
            return
        s, e, label, probs = cur
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            spans.append(TaggedSpan(s, e, label, round(sum(probs) / len(probs), 4) if probs else 1.0))

    for i, tag in enumerate(tags):
        s, e = seq.offsets[i]
        prob = marginals[i] if marginals else 1.0
        if tag == "O":
            close()
            cur = None
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "B" or cur is None or cur[2] != label:
            close()
            cur = [s, e, label, [prob]]
        else:
            cur[1] = e
            cur[3].append(prob)
    close()
    return spans


@dataclass
class _Loaded:
    """A model opened for tagging only."""

    tagger: object
    path: Path


# One set of training settings for `vnplan train` and `vnplan cv`, so the
# cross-validated figures describe the shipped model.
C1 = 0.05
C2 = 0.05
MAX_ITERATIONS = 150


class EntityTagger:
    """Wraps a sklearn-crfsuite CRF: train from gold, save/load, tag a text."""

    def __init__(self, crf=None) -> None:
        self.crf = crf

    @classmethod
    def train(
        cls,
        examples: Iterable[tuple[str, list[tuple[int, int, str]]]],
        c1: float = C1,
        c2: float = C2,
        max_iterations: int = MAX_ITERATIONS,
        seed: int = 0,
    ) -> EntityTagger:
        import sklearn_crfsuite

        X, y = [], []
        for text, spans in examples:
            seqs = sequences(text, segment(text))
            for seq, tags in zip(seqs, gold_tags(seqs, spans)):
                X.append(seq.features)
                y.append(tags)
        crf = sklearn_crfsuite.CRF(
            algorithm="lbfgs", c1=c1, c2=c2, max_iterations=max_iterations, all_possible_transitions=True
        )
        del seed  # L-BFGS on a fixed feature order is deterministic
        crf.fit(X, y)
        return cls(crf)

    def save(self, path: Path) -> None:
        import shutil

        path.parent.mkdir(parents=True, exist_ok=True)
        source = self.crf.path if isinstance(self.crf, _Loaded) else self.crf.modelfile.name
        shutil.copyfile(source, path)

    @classmethod
    def load(cls, path: Path) -> EntityTagger:
        """Load with CRFsuite's own tagger: sklearn-crfsuite is only needed to
        train, and importing it (and scikit-learn) would double the load time."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return cls(_Loaded(tagger, Path(path)))

    def tag(
        self, text: str, structure: Structure | None = None, seqs: list[TokenSeq] | None = None
    ) -> list[TaggedSpan]:
        """Tag a text. Uses CRFsuite's tagger directly: one Viterbi pass per
        sequence, and the marginal probability of each chosen tag only inside
        entities (the span score); sklearn-crfsuite's all-labels marginals cost
        more than the tagging itself."""
        seqs = sequences(text, structure or segment(text)) if seqs is None else seqs
        tagger = self.crf.tagger_ if not isinstance(self.crf, _Loaded) else self.crf.tagger
        out: list[TaggedSpan] = []
        for seq in seqs:
            tagger.set(seq.features)
            tags = tagger.tag()
            if all(t == "O" for t in tags):
                continue
            marginals = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
            out.extend(decode(text, seq, tags, marginals))
        return out
