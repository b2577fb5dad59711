"""Label Studio round trip, the parts that need no server: config, tasks with
predictions, the annotator diff and the import into annotations/."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from evaluation.data import AnnotatedDoc, Relation, Span, doc_from_task
from evaluation.gold_check import check_task
from pipeline.cli import app
from pipeline.labelstudio.config import labeling_config
from pipeline.labelstudio.diff import diff_docs
from pipeline.labelstudio.importer import import_tasks
from pipeline.schema import ENTITY_LABELS, RELATION_LABELS
from tests.conftest import ANNOTATIONS, CORPUS, ROOT, SEEDS

runner = CliRunner()


def test_config_has_every_label_with_a_distinct_colour():
    root = ET.fromstring(labeling_config())
    labels = {e.get("value"): e.get("background") for e in root.iter("Label")}
    assert set(labels) == set(ENTITY_LABELS)
    assert len(set(labels.values())) == len(ENTITY_LABELS)
    assert {e.get("value") for e in root.iter("Relation")} == set(RELATION_LABELS)
    text = next(root.iter("Text"))
    assert text.get("value") == "$text" and text.get("name") == "text"
    assert next(root.iter("Labels")).get("toName") == "text"
    result = runner.invoke(app, ["ls", "config"])
    assert result.exit_code == 0 and result.output == labeling_config()


def test_tasks_carry_predictions_with_exact_offsets(tmp_path):
    out = tmp_path / "tasks.json"
    result = runner.invoke(app, ["ls", "tasks", str(SEEDS["son-la"]), str(SEEDS["thanh-hoa"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["son-la-2021-2025", "thanh-hoa-2019-2020"]
    for task, path in zip(tasks, (SEEDS["son-la"], SEEDS["thanh-hoa"])):
        text = task["data"]["text"]
        assert text == path.read_text(encoding="utf-8")  # tabs, HTML fragments and all
        pred = task["predictions"][0]
        assert pred["model_version"].startswith("crf-")
        assert check_task(task, "t", key="predictions") == []
        spans = [r for r in pred["result"] if r["type"] == "labels"]
        rels = [r for r in pred["result"] if r["type"] == "relation"]
        assert len(spans) > 50 and rels
        for r in spans:
            v = r["value"]
            assert v["text"] == text[v["start"] : v["end"]] and 0.0 <= r["score"] <= 1.0


def test_offsets_survive_tasks_and_import_on_every_corpus_document(tmp_path):
    """The loop an annotator runs, minus the server: read, predict, make tasks,
    accept every prediction, import. Each span must come back at the same offsets
    over the reader's exact text (tabs, HTML fragments, long plans), and the
    imported files must pass the schema's independent checker."""
    import subprocess
    import sys

    from pipeline.labelstudio.tasks import make_tasks
    from pipeline.language import EXTRACT_COMPONENTS, load
    from pipeline.reading import read_document

    tasks, problems = make_tasks([CORPUS], load(EXTRACT_COMPONENTS), root=CORPUS.parent)
    assert problems == []
    assert len(tasks) == len(list(CORPUS.glob("*/*.txt"))) >= 25
    for t in tasks:
        t["annotations"] = [{"result": copy.deepcopy(t["predictions"][0]["result"])}]
    gold = tmp_path / "annotations"
    gold.mkdir()
    report = import_tasks(json.loads(json.dumps(tasks, ensure_ascii=False)), gold)
    assert sorted(report.added) == sorted(t["data"]["doc_id"] for t in tasks)
    assert not (report.conflicts or report.refused or report.updated)

    for t in tasks:
        source = CORPUS.parent / t["data"]["source"]
        stored_task = json.loads((gold / f"{t['data']['doc_id']}.json").read_text(encoding="utf-8"))[0]
        assert stored_task["data"]["text"] == read_document(source).text
        stored, predicted = doc_from_task(stored_task), doc_from_task(t, key="predictions")
        assert stored.spans == predicted.spans and stored.relations == predicted.relations
        for r in stored_task["annotations"][0]["result"]:
            if r["type"] == "labels":
                v = r["value"]
                assert stored_task["data"]["text"][v["start"] : v["end"]] == v["text"]
    checker = ROOT.parent / "shared" / "tools" / "check_gold.py"
    if checker.exists():  # the independent checker lives beside the repository
        files = sorted(str(f) for f in gold.glob("*.json"))
        run = subprocess.run([sys.executable, str(checker), *files], capture_output=True, text=True)
        assert run.returncode == 0 and "0 problems" in run.stdout, run.stdout + run.stderr


TEXT = "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức 75 lớp bồi dưỡng trong năm 2025."
SNV, STC = Span(0, 9, "AGENCY"), Span(32, 44, "AGENCY")
TASK, QUOTA, DATE = Span(45, 69, "TASK"), Span(53, 59, "QUOTA"), Span(76, 84, "DATE")


def test_diff_counts_each_kind_of_edit():
    predicted = AnnotatedDoc(
        "d",
        TEXT,
        [SNV, STC, Span(45, 52, "TASK"), DATE, Span(53, 59, "PERCENT")],
        [Relation("CHAIRS", SNV, Span(45, 52, "TASK"))],
    )
    # the annotator: kept SNV and DATE, deleted STC, moved the TASK's end, changed PERCENT -> QUOTA
    # (a label change on the same offsets), added a QUOTA_OF relation
    annotated = AnnotatedDoc(
        "d", TEXT, [SNV, DATE, TASK, QUOTA], [Relation("CHAIRS", SNV, TASK), Relation("QUOTA_OF", TASK, QUOTA)]
    )
    # TASK 45-69 overlaps QUOTA 53-59; that is fine for the diff, which is not gold
    d = diff_docs(predicted, annotated)
    assert d["accepted"] == {"AGENCY": 1, "DATE": 1}
    assert d["deleted"] == {"AGENCY": 1}
    assert d["edited"] == {"TASK": 1, "QUOTA": 1}
    assert sum(d["added"].values()) == 0
    assert d["relations_deleted"] == {"CHAIRS": 1}  # its TASK argument moved
    assert d["relations_added"] == {"CHAIRS": 1, "QUOTA_OF": 1}


@pytest.fixture()
def gold_dir(tmp_path):
    folder = tmp_path / "annotations"
    folder.mkdir()
    src = ANNOTATIONS / "ha-noi-06.json"
    (folder / "ha-noi-06.json").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_import_adds_updates_and_refuses(gold_dir):
    task = json.loads((gold_dir / "ha-noi-06.json").read_text(encoding="utf-8"))[0]
    same = copy.deepcopy(task)
    edited = copy.deepcopy(task)
    dropped = edited["annotations"][0]["result"].pop(0)  # the annotator deleted the first span
    edited["annotations"][0]["result"] = [
        r
        for r in edited["annotations"][0]["result"]
        if r.get("from_id") != dropped["id"] and r.get("to_id") != dropped["id"]
    ]
    new = copy.deepcopy(task)
    new["data"]["doc_id"] = "ha-noi-06-copy"
    other_text = copy.deepcopy(task)
    other_text["data"]["doc_id"] = "ha-noi-06"
    other_text["data"]["text"] = task["data"]["text"] + " "
    bad = copy.deepcopy(task)
    bad["data"]["doc_id"] = "broken"
    bad["annotations"][0]["result"][0]["value"]["end"] = 10**6

    report = import_tasks([same], gold_dir)
    assert report.unchanged == ["ha-noi-06"] and not report.updated
    report = import_tasks([edited, new, bad], gold_dir)
    assert report.updated == ["ha-noi-06"] and report.added == ["ha-noi-06-copy"]
    assert len(report.refused) == 1 and "bad offsets" in report.refused[0]
    stored = doc_from_task(json.loads((gold_dir / "ha-noi-06.json").read_text(encoding="utf-8"))[0])
    assert len(stored.spans) == len(doc_from_task(task).spans) - 1
    report = import_tasks([other_text], gold_dir)
    assert report.conflicts and "text differs" in report.conflicts[0]
    assert not (gold_dir / "broken.json").exists()


def test_import_cli_reports_and_exits_1_on_refusal(gold_dir, tmp_path):
    bad = json.loads((gold_dir / "ha-noi-06.json").read_text(encoding="utf-8"))
    bad[0]["annotations"][0]["result"][0]["value"]["labels"] = ["ORG"]
    file = tmp_path / "export.json"
    file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["ls", "import", str(file), "--annotations", str(gold_dir)])
    assert result.exit_code == 1
    assert "refused" in result.output and "bad labels" in result.output and "Traceback" not in result.output
