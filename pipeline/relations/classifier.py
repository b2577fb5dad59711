"""Relation classification over candidate pairs.

One multinomial logistic regression per argument type (agency-task decides
between CHAIRS, COORDINATES, DIRECTS, PROVIDES and none; the others between
their one label and none). Small, fast, and with 500 gold relations the
features (structure source, column/field role, cue words) carry most of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.relations.candidates import KINDS, Candidate, Ent, candidates
from pipeline.schema import RELATION_ARGS
from pipeline.structure.model import Structure
from pipeline.structure.segmenter import segment

NONE = "NONE"
# a LEGAL_REF has one issuer, a TASK one deadline: keep the best candidate only
SINGLE_TAIL = {"ISSUED_BY", "DEADLINE"}


@dataclass
class PredictedRelation:
    label: str
    head: Ent
    tail: Ent
    score: float


def _label_of(c: Candidate, gold: dict[tuple[Ent, Ent], str]) -> str:
    return gold.get((c.head, c.tail), NONE)


class RelationClassifier:
    def __init__(self, models: dict | None = None, version: str = "relations") -> None:
        self.models = models or {}
        self.version = version

    @classmethod
    def train(
        cls, examples: Iterable[tuple[str, list[tuple[int, int, str]], list[tuple[str, tuple, tuple]]]], C: float = 1.0
    ) -> RelationClassifier:
        """``examples``: (text, spans, relations) with relations as
        (label, (start, end, label), (start, end, label))."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        X: dict[str, list] = {k: [] for k in KINDS.values()}
        y: dict[str, list] = {k: [] for k in KINDS.values()}
        for text, spans, relations in examples:
            gold = {(Ent(*h), Ent(*t)): label for label, h, t in relations}
            for c in candidates(text, segment(text), spans):
                X[c.kind].append(c.features)
                y[c.kind].append(_label_of(c, gold))
        models = {}
        for kind in X:
            labels = set(y[kind])
            if len(labels) < 2:  # nothing to learn (e.g. no such relation in the training fold)
                models[kind] = next(iter(labels), NONE)
                continue
            model = make_pipeline(DictVectorizer(), LogisticRegression(C=C, max_iter=3000))
            model.fit(X[kind], y[kind])
            models[kind] = model
        return cls(models)

    def predict(
        self, text: str, structure: Structure, spans: list[tuple[int, int, str]], threshold: float = 0.5
    ) -> list[PredictedRelation]:
        by_kind: dict[str, list[Candidate]] = {}
        for c in candidates(text, structure, spans):
            by_kind.setdefault(c.kind, []).append(c)
        out: list[PredictedRelation] = []
        for kind, cands in by_kind.items():
            decided = [(c, structural_label(c)) for c in cands]
            out.extend(PredictedRelation(lab, c.head, c.tail, 1.0) for c, lab in decided if lab and lab != NONE)
            cands = [c for c, lab in decided if lab is None]
            if not cands:
                continue
            model = self.models.get(kind)
            if model is None or isinstance(model, str):
                if isinstance(model, str) and model != NONE:  # a fold with a single class
                    out.extend(PredictedRelation(model, c.head, c.tail, 1.0) for c in cands)
                continue
            probs = model.predict_proba([c.features for c in cands])
            classes = list(model.classes_)
            for c, p in zip(cands, probs):
                best = max((i for i, lab in enumerate(classes) if lab != NONE), key=lambda i: p[i], default=None)
                if best is not None and p[best] >= threshold:
                    label = str(classes[best])
                    if RELATION_ARGS[label] == (c.head.label, c.tail.label):
                        out.append(PredictedRelation(label, c.head, c.tail, round(float(p[best]), 4)))
        return _one_tail(out)

    def save(self, path: Path) -> None:
        """Plain JSON (vocabulary, coefficients, intercepts): no pickle in the
        shipped artefacts, and no scikit-learn import needed to use them."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": self.version, "models": {}}
        for kind, model in self.models.items():
            if isinstance(model, str):
                data["models"][kind] = {"constant": model}
                continue
            if isinstance(model, LinearModel):
                data["models"][kind] = model.as_json()
                continue
            vec, lr = model.steps[0][1], model.steps[-1][1]
            data["models"][kind] = {
                "classes": [str(c) for c in lr.classes_],
                "vocabulary": {k: int(v) for k, v in vec.vocabulary_.items()},
                "separator": vec.separator,
                "coef": lr.coef_.round(6).tolist(),
                "intercept": lr.intercept_.round(6).tolist(),
            }
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RelationClassifier:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        models: dict = {}
        for kind, m in data["models"].items():
            models[kind] = m["constant"] if "constant" in m else LinearModel.from_json(m)
        return cls(models, data.get("version", "relations"))


_FIELD_LABEL = {"directs": "DIRECTS", "chair": "CHAIRS", "provides": "PROVIDES"}
_ROW_LABEL = {"chair": "CHAIRS", "coord": "COORDINATES"}


def structural_label(c: Candidate) -> str | None:
    """The cases the layout decides on its own, whatever the training data:
    an agency in a labelled field of a programme ("Cơ quan chỉ đạo thực hiện:",
    "Đơn vị đào tạo:") relates to the programme's TASK; an agency in the chair
    or coordination column relates to the row's TASK; the time and number
    cells of a row give its DEADLINE and QUOTA_OF. None: let the model decide."""
    f = c.features
    if c.kind == "agency-task":
        if f["source"] == "field" and f["tail_kind"] == "heading":
            # an agency in the "Thời gian thực hiện:" or "Đối tượng:" field of a
            # programme ("theo thông báo của Học viện ...") is not one of its actors
            return _FIELD_LABEL.get(f["head_field"], NONE)
        if f["source"] in ("row", "row_above") and f["head_role"] in _ROW_LABEL and f["tail_role"] == "content":
            return _ROW_LABEL[f["head_role"]]
    if c.kind == "task-date":
        if f["source"] in ("row", "row_above") and f["tail_role"] == "time":
            return "DEADLINE"
        if f["source"] in ("section", "field") and f["tail_field"] == "time" and f["head_kind"] == "heading":
            return "DEADLINE"
    if c.kind == "task-quota" and f["source"] == "row" and f["tail_role"] in ("count", "time"):
        return "QUOTA_OF"
    return None


class LinearModel:
    """A fitted DictVectorizer + LogisticRegression, reduced to numbers:
    the same probabilities, computed with numpy."""

    def __init__(self, classes, vocabulary, separator, coef, intercept) -> None:
        import numpy as np

        self.classes_ = list(classes)
        self.vocabulary = vocabulary
        self.separator = separator
        self.coef = np.asarray(coef, dtype=float)
        self.intercept = np.asarray(intercept, dtype=float)

    @classmethod
    def from_json(cls, m: dict) -> LinearModel:
        return cls(m["classes"], m["vocabulary"], m.get("separator", "="), m["coef"], m["intercept"])

    def as_json(self) -> dict:
        return {
            "classes": self.classes_,
            "vocabulary": self.vocabulary,
            "separator": self.separator,
            "coef": self.coef.tolist(),
            "intercept": self.intercept.tolist(),
        }

    def predict_proba(self, rows: list[dict]):
        import numpy as np

        x = np.zeros((len(rows), len(self.vocabulary)))
        for i, row in enumerate(rows):
            for key, value in row.items():
                if isinstance(value, str):  # one-hot, as DictVectorizer does
                    j = self.vocabulary.get(f"{key}{self.separator}{value}")
                    if j is not None:
                        x[i, j] = 1.0
                else:
                    j = self.vocabulary.get(key)
                    if j is not None:
                        x[i, j] = float(value)
        scores = x @ self.coef.T + self.intercept
        if scores.shape[1] == 1:  # binary: sklearn keeps one column for the positive class
            p = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


def _one_tail(rels: list[PredictedRelation]) -> list[PredictedRelation]:
    best: dict[tuple[str, Ent], PredictedRelation] = {}
    keep: list[PredictedRelation] = []
    for r in rels:
        if r.label in SINGLE_TAIL:
            key = (r.label, r.head)
            if key not in best or r.score > best[key].score:
                best[key] = r
        else:
            keep.append(r)
    return keep + list(best.values())


def rule_relations(text: str, structure: Structure, spans: list[tuple[int, int, str]]) -> list[PredictedRelation]:
    """The pure-rules configuration: the structural cases, plus cue-word rules
    for free text (no trained component)."""
    out: list[PredictedRelation] = []
    for c in candidates(text, structure, spans):
        label = structural_label(c)
        f = c.features
        if label is None:
            if c.kind == "agency-task":
                if f["source"] == "section" and not f["tail_own_actor"]:
                    label = "CHAIRS"
                elif f["source"] == "block" and f["order"] == "head_first":
                    label = (
                        "COORDINATES"
                        if f["bef_phoihop"] and f["bef_voi"]
                        else ("CHAIRS" if f["btw_chutri"] or f["bef_giao"] else None)
                    )
            elif c.kind == "legal-agency":
                if (
                    f["order"] == "head_first"
                    and f["btw_cua"]
                    and f["n_between_tail_label"] == "<=0"
                    and f["dist"] in ("<=1", "<=3", "<=10", "<=30")
                ):
                    label = "ISSUED_BY"
            elif c.kind == "task-date" and f["source"] == "block" and f["order"] == "head_first":
                label = "DEADLINE" if f["btw_truoc"] and f["dist"] in ("<=1", "<=3", "<=10") else None
            elif c.kind == "task-quota" and f["source"] == "block" and f["order"] == "head_first":
                label = "QUOTA_OF" if f["btw_colon"] and f["dist"] in ("<=1", "<=3", "<=10") else None
        if label and label != NONE:
            out.append(PredictedRelation(label, c.head, c.tail, 1.0))
    return _one_tail(out)
