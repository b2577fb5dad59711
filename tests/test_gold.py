"""The gold in annotations/ passes the schema checks, and its texts are the
corpus files byte for byte (offsets would be meaningless otherwise)."""

from __future__ import annotations

import csv

from evaluation.gold_check import check_files, check_task
from tests.conftest import ANNOTATIONS, CORPUS, ROOT, gold_files


def test_gold_passes_schema_checks():
    files = gold_files()
    assert len(files) >= 25
    assert check_files(files, corpus_root=ROOT) == []


def test_every_corpus_document_has_gold():
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as fh:
        doc_ids = {row["doc_id"] for row in csv.DictReader(fh)}
    assert doc_ids == {p.stem for p in gold_files()}


def test_iaa_passes_are_valid_gold():
    passes = sorted((ANNOTATIONS / "iaa").glob("pass*"))
    assert len(passes) == 2
    for folder in passes:
        files = sorted(folder.glob("*.json"))
        assert len(files) >= 2
        assert check_files(files, corpus_root=ROOT) == []


def test_stress_sets_are_valid_gold_over_their_own_texts():
    """The synthetic stress sets (evaluation/stress_sets) pass the same checks,
    their texts included, so that their scores mean what the corpus's do."""
    sets = sorted(p for p in (ROOT / "evaluation" / "stress_sets").iterdir() if p.is_dir())
    assert len(sets) >= 3
    for folder in sets:
        files = sorted(folder.glob("*.json"))
        assert len(files) >= 6
        assert check_files(files, corpus_root=ROOT) == []


def test_training_passages_are_valid_gold_with_their_own_ids_and_texts():
    """The synthetic training passages (annotations/passages) pass the same
    checks; their ids are unique and none is a corpus document's, and each
    names its text file, which holds the annotated text byte for byte."""
    from evaluation.data import load_docs

    folder = ANNOTATIONS / "passages"
    files = sorted(folder.glob("*.json"))
    assert len(files) >= 50
    assert check_files(files, corpus_root=ROOT) == []
    docs = load_docs(folder)
    ids = [d.doc_id for d in docs]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {p.stem for p in gold_files()}
    for doc in docs:
        assert (ROOT / doc.source).read_text(encoding="utf-8") == doc.text, doc.doc_id


def test_checker_catches_the_usual_mistakes():
    text = "Sở Nội vụ chủ trì."
    task = {
        "data": {"text": text, "doc_id": "x"},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "type": "labels",
                        "value": {"start": 0, "end": 10, "text": "Sở Nội vụ ", "labels": ["AGENCY"]},
                    },
                    {
                        "id": "b",
                        "type": "labels",
                        "value": {"start": 3, "end": 9, "text": "Nội vụ", "labels": ["ORG"]},
                    },
                    {
                        "id": "c",
                        "type": "labels",
                        "value": {"start": 10, "end": 17, "text": "chủ trì", "labels": ["TASK"]},
                    },
                    {"from_id": "c", "to_id": "a", "type": "relation", "labels": ["CHAIRS"]},
                ]
            }
        ],
    }
    problems = "\n".join(check_task(task, "t"))
    assert "starts or ends on space" in problems
    assert "bad labels ['ORG']" in problems
    assert "joins wrong labels" in problems


def test_stress_report_scores_each_set_for_both_systems():
    """python -m evaluation.stress on one set: both systems scored, the
    pooled row written, and the trained pipeline ahead of its rules alone."""
    from evaluation.stress import markdown, run

    results = run([ROOT / "evaluation" / "stress_sets" / "D"])
    assert set(results) == {"D", "all"}
    a = results["D"]
    assert a["vnplan"]["entities"]["strict"]["f1"] > a["vnplan-rules"]["entities"]["strict"]["f1"]
    assert a["vnplan"]["relations"]["strict"]["f1"] > a["vnplan-rules"]["relations"]["strict"]["f1"]
    text = markdown(results, {"D": 8})
    assert "| vnplan | D (8 docs) |" in text and "| vnplan-rules | all (8 docs) |" in text
