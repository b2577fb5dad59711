"""extract_records: the same records on one process or two, in input order,
and a failing file or document reported without stopping the batch."""

from __future__ import annotations

import json

from spacy.language import Language
from typer.testing import CliRunner

from pipeline.batch import extract_records, load_extraction_pipeline
from pipeline.cli import app
from pipeline.document import Document
from tests.conftest import CORPUS

runner = CliRunner()


def _inputs(tmp_path):
    passages = sorted((CORPUS / "passages").glob("*.txt"))[:6]
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    return passages[:3] + [bad] + passages[3:]


def test_two_processes_give_the_same_records_in_order(tmp_path):
    sources = _inputs(tmp_path)
    one = list(extract_records(sources, jobs=1, batch_size=2))
    two = list(extract_records(sources, jobs=2, batch_size=2))
    assert [o.source for o in one] == [str(p) for p in sources] == [o.source for o in two]
    assert one[3].record is None and "not a valid .docx" in one[3].error
    assert two[3].record is None and two[3].error == one[3].error
    for a, b in zip(one, two):
        if a.record is not None:
            assert json.dumps(a.record.to_json(), sort_keys=True) == json.dumps(b.record.to_json(), sort_keys=True)
    assert sum(o.record is not None for o in two) == 6
    assert all(o.record.entities for o in two if o.record is not None)


@Language.component("vnplan_test_explode")
def explode(doc):
    if "BOOM" in doc.text:
        raise ValueError("cannot handle this one")
    return doc


def test_a_component_failure_fails_its_document_only():
    nlp = load_extraction_pipeline()
    nlp.add_pipe("vnplan_test_explode", name="explode", last=True)
    docs = [
        Document.from_text("Sở Nội vụ chủ trì.", doc_id="a"),
        Document.from_text("BOOM Sở Tài chính phối hợp.", doc_id="b"),
        Document.from_text("UBND tỉnh chỉ đạo.", doc_id="c"),
    ]
    outcomes = list(extract_records(docs, nlp=nlp, batch_size=1))
    assert [o.record.doc_id if o.record else None for o in outcomes] == ["a", None, "c"]
    assert "explode failed: ValueError: cannot handle this one" in outcomes[1].error


def test_cli_jobs_two_writes_every_document(tmp_path):
    sources = _inputs(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sources:
        (folder / p.name).write_bytes(p.read_bytes())
    result = runner.invoke(app, ["extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1  # the broken file
    assert "broken.docx" in result.output
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["doc_id"] for x in lines) == sorted(p.stem for p in sources if p.suffix == ".txt")
