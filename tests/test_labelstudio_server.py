"""Annotator round trip against a real Label Studio server: push two seed
documents with predictions, make an annotator's edits through the API (delete
a span, change a label, move a boundary, add a relation), pull, import, and
check that the gold holds exactly those edits with exact offsets.

The server is installed in its own virtual environment and started by
tests/labelstudio_server.py (allow ~3 minutes the first time); it is always
stopped. Set VNPLAN_SKIP_LABEL_STUDIO=1 to skip locally.
"""

from __future__ import annotations

import copy
import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ANNOTATIONS, SEEDS

pytestmark = pytest.mark.integration
runner = CliRunner()
PROJECT = "vnplan integration"
DOCS = ("lang-son", "quang-ngai")


@pytest.fixture(scope="module")
def server():
    if os.environ.get("VNPLAN_SKIP_LABEL_STUDIO") == "1":
        pytest.skip("VNPLAN_SKIP_LABEL_STUDIO=1")
    pytest.importorskip("label_studio_sdk")
    from tests import labelstudio_server

    srv = labelstudio_server.start()
    try:
        yield srv
    finally:
        srv.stop()
    assert srv.process.poll() is not None


@pytest.fixture()
def env(server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", server.token)
    from pipeline.labelstudio.server import client

    return client()


def _edit(result: list[dict], text: str) -> tuple[list[dict], dict]:
    """An annotator's edits on a prediction: returns (new result, what changed)."""
    result = [copy.deepcopy(r) for r in result if r["type"] == "labels"] + [
        copy.deepcopy(r) for r in result if r["type"] == "relation"
    ]
    spans = [r for r in result if r["type"] == "labels"]
    for r in spans:
        r.pop("score", None)
    # 1. delete the first DATE span (and any relation that used it)
    deleted = next(r for r in spans if r["value"]["labels"] == ["DATE"])
    result = [r for r in result if r is not deleted and deleted["id"] not in (r.get("from_id"), r.get("to_id"))]
    # 2. change a label: the first LEGAL_REF becomes a DATE (its relations go with it)
    relabel = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["LEGAL_REF"])
    relabel["value"]["labels"] = ["DATE"]
    result = [r for r in result if relabel["id"] not in (r.get("from_id"), r.get("to_id"))]
    # 3. move the end of the first multi-word AGENCY back by one syllable
    moved = next(
        r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["AGENCY"] and " " in r["value"]["text"]
    )
    v = moved["value"]
    v["end"] = v["start"] + v["text"].rindex(" ")
    v["text"] = text[v["start"] : v["end"]]
    # 4. add a relation: the first AGENCY chairs the first TASK (if not already there)
    agency = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["AGENCY"])
    task = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["TASK"])
    result = [
        r
        for r in result
        if not (r["type"] == "relation" and r.get("from_id") == agency["id"] and r.get("to_id") == task["id"])
    ]
    result.append(
        {"from_id": agency["id"], "to_id": task["id"], "type": "relation", "direction": "right", "labels": ["CHAIRS"]}
    )
    return result, {
        "deleted": deleted["value"],
        "relabelled": relabel["value"],
        "moved": v,
        "relation": (agency["value"], task["value"]),
    }


def _spans(result):
    return {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in result if r["type"] == "labels"}


def _relations(result):
    by_id = {
        r["id"]: (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
        for r in result
        if r["type"] == "labels"
    }
    return {(r["labels"][0], by_id[r["from_id"]], by_id[r["to_id"]]) for r in result if r["type"] == "relation"}


def test_round_trip(env, server, tmp_path, monkeypatch):
    paths = [str(SEEDS[d]) for d in DOCS]
    result = runner.invoke(app, ["ls", "push", *paths, "--project", PROJECT])
    assert result.exit_code == 0, result.output
    assert "2 tasks imported" in result.output
    assert server.token not in result.output  # the key is never printed
    again = runner.invoke(app, ["ls", "push", *paths, "--project", PROJECT])
    assert "0 tasks imported, 2 already there" in again.output

    from pipeline.labelstudio.server import find_project

    project = find_project(env, PROJECT)
    tasks = list(env.tasks.list(project=project.id))
    assert len(tasks) == 2
    expected = {}
    for t in tasks:
        text = t.data["text"]
        (pred,) = list(env.predictions.list(task=t.id))
        if t.data["doc_id"] == "lang-son-2025":
            new_result, changes = _edit(pred.result, text)
        else:
            new_result, changes = copy.deepcopy(pred.result), None  # accepted as predicted
            for r in new_result:
                r.pop("score", None)
        env.annotations.create(id=t.id, result=new_result)
        expected[t.data["doc_id"]] = (new_result, changes, pred.result)

    pulled = tmp_path / "pulled.json"
    result = runner.invoke(app, ["ls", "pull", "--project", PROJECT, "--out", str(pulled)])
    assert result.exit_code == 0, result.output
    assert "2 annotated" in result.output
    gold = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, gold, ignore=shutil.ignore_patterns("iaa", "specs", "tools", "*.md"))
    result = runner.invoke(app, ["ls", "import", str(pulled), "--annotations", str(gold)])
    assert result.exit_code == 0, result.output

    for doc_id, (new_result, changes, predicted) in expected.items():
        stored = json.loads((gold / f"{doc_id}.json").read_text(encoding="utf-8"))[0]
        text = SEEDS[doc_id.split("-20")[0]].read_text(encoding="utf-8")
        assert stored["data"]["text"] == text  # tabs, markup, every character
        stored_result = stored["annotations"][0]["result"]
        assert _spans(stored_result) == _spans(new_result)  # exactly the annotator's spans
        assert _relations(stored_result) == _relations(new_result)
        for r in stored_result:
            if r["type"] == "labels":
                assert r["value"]["text"] == text[r["value"]["start"] : r["value"]["end"]]
        if changes is None:
            assert _spans(stored_result) == _spans(predicted)
            continue
        d, rl, mv = changes["deleted"], changes["relabelled"], changes["moved"]
        assert (d["start"], d["end"], "DATE") not in _spans(stored_result)
        assert (rl["start"], rl["end"], "DATE") in _spans(stored_result)
        assert (rl["start"], rl["end"], "LEGAL_REF") not in _spans(stored_result)
        assert (mv["start"], mv["end"], "AGENCY") in _spans(stored_result)
        a, t = changes["relation"]
        assert ("CHAIRS", (a["start"], a["end"], "AGENCY"), (t["start"], t["end"], "TASK")) in _relations(stored_result)


def test_wrong_key_and_unreachable_server_are_one_line(server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "not-a-valid-token")
    result = runner.invoke(app, ["ls", "pull", "--project", PROJECT, "--out", "x.json"])
    assert result.exit_code == 1 and "LABEL_STUDIO_API_KEY" in result.output
    assert "not-a-valid-token" not in result.output and "Traceback" not in result.output
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://127.0.0.1:9")
    result = runner.invoke(app, ["ls", "pull", "--project", PROJECT, "--out", "x.json"])
    assert result.exit_code == 1 and "cannot reach Label Studio" in result.output
    monkeypatch.delenv("LABEL_STUDIO_URL")
    result = runner.invoke(app, ["ls", "pull", "--project", PROJECT, "--out", "x.json"])
    assert result.exit_code == 1 and "set LABEL_STUDIO_URL" in result.output
