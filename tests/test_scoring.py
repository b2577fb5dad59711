"""The scorer on small cases whose answers are worked out by hand here."""

from __future__ import annotations

import pytest

from evaluation.data import AnnotatedDoc, Relation, Span, doc_from_task
from evaluation.scoring import match_spans, score

TEXT = "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức 75 lớp bồi dưỡng trong năm 2025."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567
SNV = Span(0, 9, "AGENCY")  # Sở Nội vụ
STC = Span(32, 44, "AGENCY")  # Sở Tài chính
TASK = Span(45, 69, "TASK")  # tổ chức 75 lớp bồi dưỡng
QUOTA = Span(53, 59, "QUOTA")  # 75 lớp
DATE = Span(76, 84, "DATE")  # năm 2025


def doc(spans=(), relations=()):
    return AnnotatedDoc("d", TEXT, list(spans), list(relations))


def test_offsets_in_the_fixture_are_right():
    assert TEXT[SNV.start : SNV.end] == "Sở Nội vụ"
    assert TEXT[STC.start : STC.end] == "Sở Tài chính"
    assert TEXT[TASK.start : TASK.end] == "tổ chức 75 lớp bồi dưỡng"
    assert TEXT[QUOTA.start : QUOTA.end] == "75 lớp"
    assert TEXT[DATE.start : DATE.end] == "năm 2025"
    assert TEXT[76:85] == "năm 2025."


def test_perfect_prediction():
    g = doc([SNV, STC, DATE])
    s = score([g], [doc([SNV, STC, DATE])])
    assert s["entities"]["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}


def test_boundary_error_counts_in_partial_only():
    # prediction "năm 2025." is one character too long: strict miss, partial hit
    g = doc([SNV, DATE])
    p = doc([SNV, Span(76, 85, "DATE")])
    s = score([g], [p])
    # strict: tp=1 (SNV), fp=1, fn=1 -> P=R=F=0.5
    assert s["entities"]["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert s["entities"]["partial"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert s["entities"]["per_label"]["DATE"]["strict"]["f1"] == 0.0
    assert s["entities"]["per_label"]["DATE"]["partial"]["f1"] == 1.0


def test_label_confusion_is_fp_and_fn_even_in_partial():
    g = doc([SNV])
    p = doc([Span(0, 9, "PERSON")])
    s = score([g], [p])
    for mode in ("strict", "partial"):
        assert s["entities"][mode]["tp"] == 0
        assert s["entities"][mode]["fp"] == 1
        assert s["entities"][mode]["fn"] == 1
    assert s["entities"]["per_label"]["PERSON"]["strict"]["fp"] == 1
    assert s["entities"]["per_label"]["AGENCY"]["strict"]["fn"] == 1


def test_duplicate_prediction_is_a_false_positive():
    g = doc([SNV])
    p = doc([SNV, SNV])
    s = score([g], [p])
    # one gold span can be matched once: tp=1, fp=1 -> P=0.5, R=1, F=2/3
    assert s["entities"]["strict"]["tp"] == 1 and s["entities"]["strict"]["fp"] == 1
    assert s["entities"]["strict"]["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_one_long_prediction_over_two_gold_spans_matches_once():
    # gold: QUOTA "75 lớp" and a second (artificial) QUOTA "bồi dưỡng"; one prediction covers both
    g = doc([Span(53, 59, "QUOTA"), Span(60, 69, "QUOTA")])
    p = doc([Span(53, 69, "QUOTA")])
    s = score([g], [p])
    assert s["entities"]["partial"]["tp"] == 1
    assert s["entities"]["partial"]["fp"] == 0
    assert s["entities"]["partial"]["fn"] == 1


def test_overlapping_predictions_greedy_by_overlap():
    # gold TASK 45-69; preds 45-55 (overlap 10) and 50-69 (overlap 19): the larger wins, the other is fp
    g = doc([TASK])
    p = doc([Span(45, 55, "TASK"), Span(50, 69, "TASK")])
    assert match_spans(p.spans, g.spans, partial=True).pairs == [(1, 0)]
    s = score([g], [p])
    assert s["entities"]["partial"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }


def test_relations_strict_and_relaxed():
    gold_rels = [
        Relation("CHAIRS", SNV, TASK),
        Relation("COORDINATES", STC, TASK),
        Relation("QUOTA_OF", TASK, QUOTA),
    ]
    g = doc([SNV, STC, TASK, QUOTA], gold_rels)
    short_task = Span(45, 59, "TASK")  # the TASK predicted too short: partial match only
    pred_rels = [
        Relation("CHAIRS", SNV, short_task),  # relaxed only
        Relation("CHAIRS", STC, short_task),  # wrong label (gold says COORDINATES): fp in both
        Relation("QUOTA_OF", short_task, QUOTA),  # relaxed only
    ]
    p = doc([SNV, STC, short_task, QUOTA], pred_rels)
    s = score([g], [p])
    assert s["relations"]["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 3, "fn": 3}
    # relaxed: CHAIRS and QUOTA_OF match -> tp=2, fp=1, fn=1 (COORDINATES missed)
    assert s["relations"]["relaxed"] == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "tp": 2,
        "fp": 1,
        "fn": 1,
    }
    assert s["relations"]["per_label"]["COORDINATES"]["relaxed"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert s["relations"]["per_label"]["CHAIRS"]["relaxed"]["tp"] == 1
    assert s["relations"]["per_label"]["CHAIRS"]["relaxed"]["fp"] == 1


def test_relaxed_needs_argument_labels_to_agree():
    g = doc([SNV, TASK], [Relation("CHAIRS", SNV, TASK)])
    wrong_head = Span(0, 9, "PERSON")
    p = doc([wrong_head, TASK], [Relation("CHAIRS", wrong_head, TASK)])
    s = score([g], [p])
    assert s["relations"]["relaxed"]["tp"] == 0


def test_missing_prediction_document_counts_as_empty_and_micro_sums_docs():
    g1 = AnnotatedDoc("a", TEXT, [SNV, DATE])
    g2 = AnnotatedDoc("b", TEXT, [STC])
    p1 = AnnotatedDoc("a", TEXT, [SNV, DATE, QUOTA])
    s = score([g1, g2], [p1])
    # a: tp=2 fp=1; b: fn=1 -> P=2/3, R=2/3
    assert s["entities"]["strict"] == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "tp": 2,
        "fp": 1,
        "fn": 1,
    }


def test_json_shape():
    s = score([doc([SNV])], [doc([SNV])])
    assert set(s) == {"entities", "relations"}
    assert set(s["entities"]) == {"strict", "partial", "per_label"}
    assert set(s["relations"]) == {"strict", "relaxed", "per_label"}
    assert set(s["entities"]["per_label"]["AGENCY"]) == {"strict", "partial"}
    assert set(s["relations"]["per_label"]["CHAIRS"]) == {"strict", "relaxed"}
    assert set(s["entities"]["strict"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def test_label_studio_left_direction_is_reversed():
    task = {
        "data": {"text": TEXT, "doc_id": "d"},
        "annotations": [
            {
                "result": [
                    {"id": "a", "type": "labels", "value": {"start": 0, "end": 9, "labels": ["AGENCY"]}},
                    {"id": "t", "type": "labels", "value": {"start": 45, "end": 69, "labels": ["TASK"]}},
                    {
                        "from_id": "t",
                        "to_id": "a",
                        "type": "relation",
                        "direction": "left",
                        "labels": ["CHAIRS"],
                    },
                ]
            }
        ],
    }
    d = doc_from_task(task)
    assert d.relations == [Relation("CHAIRS", SNV, TASK)]
