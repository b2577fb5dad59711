"""Relation classification over candidate pairs.

The pairs that the layout or a schema cue phrase settles are decided first by
``structural_label``; the rest go to one multinomial logistic regression per
argument type (agency-task decides between CHAIRS, COORDINATES, DIRECTS,
PROVIDES and none; the others between their one label and none). Small, fast,
and with 500 gold relations the features (structure source, column/field role,
cue words) carry most of it.
"""

from __future__ import annotations

import json
import re
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
_ROW_LABEL = {"chair": "CHAIRS", "coord": "COORDINATES", "provides": "PROVIDES"}
_DEADLINE_LINK = re.compile(
    r"^(?:trong|vào|trước|chậm nhất(?: là| vào)?|hoàn thành(?: trước| trong)?|đến hết|xong trước)$"
)
_ISSUED_LINK = re.compile(r"(?:^|\s)(?:ký |đã )?ban hành(?: tại)?$")
# table columns whose agencies are never a row's actors
_NO_ACTOR_COLUMNS = {"product", "time", "note", "count", "stt"}


def structural_label(c: Candidate) -> str | None:
    """The cases the layout and the schema's cue phrases decide on their own,
    whatever the training data: an agency in a labelled field of a programme
    ("Cơ quan chỉ đạo thực hiện:", "Đơn vị đào tạo:") relates to the
    programme's TASK; an agency in the chair or coordination column relates to
    the row's TASK, one in any other column to none; the time and number cells
    of a row give its DEADLINE and QUOTA_OF; role phrases ("phối hợp với X",
    "do X tổ chức", "theo chỉ đạo của X", "kế hoạch của X", "X có trách nhiệm
    <task>") and duty-section headings settle agency-task pairs; "<task> trước
    / trong <date>", "<course>: <count>", "X ban hành <document>" the others.
    None: let the model decide.

    These rules come first in both configurations: with 25 annotated plans the
    trained model sees each rare layout a handful of times, and it lost to the
    same rules on PROVIDES, DIRECTS and QUOTA_OF when it decided them alone."""
    f = c.features
    if f.get("tail_sentence_task"):
        # a date or count in a later sentence with a task of its own is that task's
        return NONE
    if c.kind == "agency-task":
        if f["source"] == "field":
            # an agency in the "Thời gian thực hiện:" or "Đối tượng:" field of a
            # programme ("theo thông báo của Học viện ...") is not one of its actors;
            # nor is any field agency an actor of the lines of another field
            return _FIELD_LABEL.get(f["head_field"], NONE) if f["tail_kind"] == "heading" else NONE
        if f["source"] in ("row", "row_above") and f["tail_role"] == "content":
            if f["head_role"] in _ROW_LABEL:
                return _ROW_LABEL[f["head_role"]]
            if f["head_role"] in _NO_ACTOR_COLUMNS:
                # "Quyết định của UBND tỉnh" in a product cell, "Theo kế hoạch của
                # Học viện ..." in a time cell: named, but not an actor (D9.5, D9.6)
                return NONE
            if f["head_role"] == "content" and f["source"] == "row" and f["head_lcue"] != "coord":
                # a body named inside the task cell of a table that has actor columns
                # is an object of the task ("hướng dẫn các cơ quan, đơn vị ..."), not
                # its actor; "phối hợp với X" there is handled below
                return NONE if f["head_lcue"] != "assign" and f["head_rcue"] != "chair" else "CHAIRS"
        if f["tail_clause_actor"] or (
            f["source"] == "block" and f["tail_kind"] == "paragraph" and not f["same_sentence"]
        ):
            # "X chủ trì <task>; Y cân đối, bố trí kinh phí": a later clause with a
            # doer of its own is that doer's, not X's; and in running text a body
            # acts in its own sentence (D8.1), not in the next one of a news item
            return NONE
        cue = f["head_lcue"]
        adjacent = f["n_between_tail_label"] == "<=0"  # no other task between the two
        if f["head_rcue"] == "assigns" and f["order"] == "head_first" and f["source"] in ("block", "intro"):
            # "UBND tỉnh giao / đề nghị / yêu cầu X <task>": the assigner gets no
            # relation, only the assignee does (schema 7, 14)
            return NONE
        if (
            cue == "coord"
            and f["order"] == "head_first"
            and (f["source"] in ("section", "intro") or f["source"] == "block" and adjacent)
        ):
            # "Chủ trì, phối hợp với X, Y:" heading a sub-list, or "phối hợp
            # với X <task>" in the task's own sentence: X coordinates (schema 7)
            return "COORDINATES"
        if (
            f["source"] == "block"
            and adjacent
            and f["same_sentence"]
            and (cue == "joint" or cue == "do" and f["order"] == "tail_first" and f["head_rcue"] in ("org", "other"))
        ):
            # "<course> do X, Y tổ chức / mở lớp", "liên kết với X": X provides
            # the course right before it (D8.5)
            return "PROVIDES"
        if cue == "directs_of" and f["source"] == "block" and f["order"] == "tail_first" and adjacent:
            # "<task> theo chỉ đạo của X": X directs it (D7.7f, D8.4); "theo chỉ
            # đạo của X tại Chỉ thị ..." only cites X's document
            return "DIRECTS" if f["head_rcue"] != "cite" else NONE
        if f["source"] == "intro" and f["tail_intro"] == "duties" and f["tail_block_actor"]:
            return NONE  # the item names its own doer (D8.1)
        if f["source"] == "intro" and not f["tail_block_actor"]:
            # an introduction's bodies and the items it governs: "X chỉ đạo ...:"
            # directs, "Giao / chỉ đạo / đề nghị X ...:" makes X the chair (D8.3, D8.4)
            if f["head_rcue"] == "directs":
                return "DIRECTS"
            if (
                cue in ("assign", "directs")
                or f["tail_intro"] == "duties"
                and (cue == "lead" or f["head_rcue"] == "sets")
            ):
                # "Sở X đề ra các nhiệm vụ ..., như sau:" assigns X the items (D8.3)
                return "CHAIRS"
            if cue in ("of", "obj"):
                return NONE
        if f["source"] == "section" and f["tail_intro"] == "directs" and cue == "lead":
            # "2. Ban cán sự Đảng UBND tỉnh / Chỉ đạo UBND tỉnh chỉ đạo các cơ quan:
            # - ...": the heading agency is the subject of the "Chỉ đạo" and directs
            # every item (two-step direction, D8.4)
            return "DIRECTS"
        if f["source"] == "section" and cue == "lead" and f["tail_intro"] != "directs" and f["subject"] == "-":
            # a heading that is an agency ("2.1. Sở Nội vụ", "Trách nhiệm của X:")
            # chairs the duties below it, except those that name their own doer (D8.1)
            if f["tail_own_actor"]:
                return NONE
            if f["head_rcue"] in ("end", "colon", "resp"):
                return "CHAIRS"
        if f["source"] == "section" and cue == "other" and f["subject"] == "-":
            # the body sits inside a heading about something else ("Tăng cường liên
            # kết với các trường ... có quan hệ hợp tác với tỉnh"): no duty heading
            return NONE
        if cue == "do":
            # "do X tổ chức" names who provides the course before it (above), never
            # the doer of what follows
            return NONE
        if f["source"] == "section" and cue == "assign" and not f["tail_own_actor"]:
            # "2.4. Giao các cơ sở đào tạo, bồi dưỡng" heading a duty section
            return "CHAIRS"
        if f["subject"] != "-" and cue in ("lead", "assign", "directs", "chair", "other"):
            # the task's own stated doer, alone or in a list, maybe through a duty
            # phrase: "Giám đốc Sở Nội vụ, Thủ trưởng các sở căn cứ Quyết định thi
            # hành", "Sở Tài chính có trách nhiệm bố trí ..." (D8.1, D7.9)
            return "CHAIRS"
        if f["source"] in ("block", "near") and cue in ("of", "obj"):
            # "kế hoạch của X", "báo cáo X", "gửi X": owner, recipient or object
            return NONE
        if f["source"] == "section" and cue in ("of", "obj"):
            # the heading names the body only as owner or recipient: "(Ban hành
            # kèm theo Quyết định ... của UBND tỉnh)", "Báo cáo UBND tỉnh (thông
            # qua Sở Nội vụ):" head no duty section
            return NONE
    if c.kind == "task-date":
        if f["source"] in ("row", "row_above") and f["tail_role"] == "time":
            return "DEADLINE"
        if f["source"] == "block" and (
            _DEADLINE_LINK.match(f["date_link"]) or f["date_cue"] != "-" and f["date_link"] == "-"
        ):
            # "<task> trong năm 2019", "<task> trước ngày 31/12": the task's own
            # completion time; a bare year after a plan's name has no such word (D8.6)
            return "DEADLINE"
        if f["source"] in ("section", "field") and f["tail_field"] == "time" and f["head_kind"] == "heading":
            return "DEADLINE"
    if c.kind == "task-quota":
        if f["source"] == "row" and f["tail_role"] in ("count", "time"):
            return "QUOTA_OF"
        if f["source"] == "block" and f["order"] == "tail_first":
            # a count before a course line belongs to the line before it, or to a
            # total sentence, never to the course that follows (D10.4, D10.5)
            return NONE
        if f["source"] == "block" and f["order"] == "head_first":
            # "- <course>: 19.547 lượt người", "Tổ chức bồi dưỡng trong nước: 74 lớp
            # với 10.625 chỉ tiêu": the counts after a course line up to the next
            # course are its own (D8.7, D10.4, D10.5)
            # in running text, only up to the end of the sentence: the next sentences
            # of a news paragraph report other counts; a programme item may give its
            # count after a sentence on its trainees ("Là cán bộ ... . Số lượng: khoảng 50")
            in_sentence = f["same_sentence"] or f["tail_kind"] != "paragraph"
            return "QUOTA_OF" if f["n_between_head_label"] == "<=0" and in_sentence else NONE
        if (
            f["source"] in ("section", "field")
            and f["tail_field"] == "quota"
            and f["head_kind"] == "heading"
            and f["n_between_tail_label"] == "<=0"
        ):
            # "Số lượng (đào tạo): dự kiến 145 chỉ tiêu" under a programme title: the
            # field's first count is the programme's; the counts of its breakdown
            # lines belong to those lines (D10.2, D10.4)
            return "QUOTA_OF"
    if c.kind == "legal-agency" and f["source"] == "block" and f["n_between_tail_label"] == "<=0":
        link = f["legal_link"]
        if _ISSUED_LINK.search(link) or (link == "tại" and f["legal_letter"]):
            return "ISSUED_BY"
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
        vocabulary, separator = self.vocabulary, self.separator
        ii: list[int] = []
        jj: list[int] = []
        values: list[float] = []
        for i, row in enumerate(rows):
            for key, value in row.items():
                if value is False:  # a zero, as DictVectorizer leaves it
                    continue
                if isinstance(value, str):  # one-hot, as DictVectorizer does
                    j = vocabulary.get(f"{key}{separator}{value}")
                    value = 1.0
                else:
                    j = vocabulary.get(key)
                if j is not None:
                    ii.append(i)
                    jj.append(j)
                    values.append(float(value))
        # one assignment for the whole batch: setting cells one by one was
        # most of this function's time (no key repeats within a row)
        x[ii, jj] = values
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
