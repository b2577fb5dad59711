"""Training data as a user sets it: the gold documents plus the training
passages, which cross-validation never holds out (annotations/passages)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from evaluation.cv import cross_validate
from evaluation.data import AnnotatedDoc, load_docs
from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    gold, passages = tmp_path / "gold", tmp_path / "passages"
    gold.mkdir()
    passages.mkdir()
    for name in ("dien-bien-09", "cao-bang-19"):
        shutil.copy(ROOT / "annotations" / f"{name}.json", gold)
    shutil.copy(ROOT / "annotations" / "passages" / "lao-cai-b4.json", passages)
    return gold, passages


def _trained_on(out: Path) -> list[str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest["artefacts"]["entity_crf.crfsuite"]["trained_on"]


def test_train_learns_from_the_gold_and_the_passages(tmp_path):
    gold, passages = _folders(tmp_path)
    out = tmp_path / "models"
    args = ["train", "--gold", str(gold), "--passages", str(passages), "--out", str(out), "--max-iterations", "5"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _trained_on(out) == ["cao-bang-19", "dien-bien-09", "lao-cai-b4"]
    crf = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["artefacts"]["entity_crf.crfsuite"]
    assert (crf["gold_documents"], crf["passages"], crf["gold_weight"]) == (2, 1, 3)


def test_a_gold_weight_under_one_is_refused(tmp_path):
    gold, passages = _folders(tmp_path)
    result = runner.invoke(app, ["train", "--gold", str(gold), "--gold-weight", "0", "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "--gold-weight must be at least 1" in result.output


def test_no_passages_trains_on_the_gold_alone(tmp_path):
    gold, passages = _folders(tmp_path)
    out = tmp_path / "models"
    args = ["train", "--gold", str(gold), "--passages", str(passages), "--no-passages", "--out", str(out)]
    result = runner.invoke(app, [*args, "--max-iterations", "5"])
    assert result.exit_code == 0, result.output
    assert _trained_on(out) == ["cao-bang-19", "dien-bien-09"]


def test_a_missing_passages_folder_is_named_in_a_clear_error(tmp_path):
    gold, _ = _folders(tmp_path)
    result = runner.invoke(app, ["train", "--gold", str(gold), "--passages", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "nowhere: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_a_passage_with_a_gold_documents_id_is_refused(tmp_path):
    gold, passages = _folders(tmp_path)
    shutil.copy(gold / "cao-bang-19.json", passages)
    result = runner.invoke(app, ["train", "--gold", str(gold), "--passages", str(passages), "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "cao-bang-19" in result.output and "unique" in result.output


class _Recorder:
    """A system that remembers what each fold trained on and predicts nothing."""

    name = "recorder"
    folds: list[tuple[str, list[str]]] = []

    def fit(self, train: list[AnnotatedDoc]) -> None:
        self.train = [d.doc_id for d in train]

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]:
        (doc,) = docs
        _Recorder.folds.append((doc.doc_id, self.train))
        return [AnnotatedDoc(doc.doc_id, doc.text, [], [])]


def test_cross_validation_trains_every_fold_on_the_passages_and_never_holds_them_out(tmp_path):
    gold, passages = _folders(tmp_path)
    docs, extra = load_docs(gold), load_docs(passages)
    _Recorder.folds = []
    result = cross_validate(docs, {"recorder": _Recorder}, extra_train=extra)
    assert [held for held, _ in _Recorder.folds] == ["cao-bang-19", "dien-bien-09"]
    for held, train in _Recorder.folds:
        assert held not in train
        assert "lao-cai-b4" in train
    assert result.documents == ["cao-bang-19", "dien-bien-09"]
    assert result.extra_train == ["lao-cai-b4"]
    # pooled over the gold documents alone: every gold span missed, none of the passage's counted
    gold_spans = sum(len(d.spans) for d in docs)
    assert result.pooled["recorder"]["entities"]["strict"]["fn"] == gold_spans


def test_cross_validation_counts_each_gold_document_gold_weight_times(tmp_path):
    gold, passages = _folders(tmp_path)
    _Recorder.folds = []
    result = cross_validate(load_docs(gold), {"recorder": _Recorder}, extra_train=load_docs(passages), gold_weight=3)
    assert _Recorder.folds[0] == ("cao-bang-19", ["dien-bien-09"] * 3 + ["lao-cai-b4"])
    assert result.as_json()["gold_weight"] == 3
