"""The CLI as a user runs it: segment, extract (batch, bad files, reruns)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import CORPUS, SEEDS

runner = CliRunner()


def test_segment_outline():
    result = runner.invoke(app, ["segment", str(SEEDS["son-la"])])
    assert result.exit_code == 0, result.output
    for expected in (
        "HEADER",
        "number: 269 /QĐ-UBND",
        "2.1. Sở Nội vụ",
        "TABLE tab 6 cols, 18 rows",
        "SIGNATURE",
        "signer: Hoàng Quốc Khánh",
        "NƠI NHẬN 9 recipients",
        "IV. NHIỆM VỤ VÀ GIẢI PHÁP",
    ):
        assert expected in result.output


def test_segment_json_roundtrips():
    result = runner.invoke(app, ["segment", str(SEEDS["thanh-hoa"]), "--json"])
    assert result.exit_code == 0
    tree = json.loads(result.output)
    tables = [n for n in tree["nodes"] if n["kind"] == "table"]
    assert tables and tables[0]["attrs"]["layout"] == "broken"


def test_segment_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["segment", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "bad.txt" in result.output and "binary" in result.output


@pytest.fixture()
def batch(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CORPUS / "passages", src / "passages")
    (src / "empty.txt").write_bytes(b"")
    (src / "zip.docx").write_bytes(b"PK\x03\x04 truncated")
    return src


def _count(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_extract_batch_skips_bad_files_and_writes_the_rest(batch, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(batch), "--out", str(out)])
    assert result.exit_code == 1  # some files were bad
    assert "empty.txt" in result.output and "file is empty" in result.output
    assert "zip.docx" in result.output and "not a valid .docx" in result.output
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 20
    rec = next(r for r in records if r["doc_id"] == "gia-lai-01")
    assert rec["metadata"]["number"] == "837/QĐ-UBND"
    assert rec["metadata"]["province"] == "Gia Lai"
    assert rec["structure"]["nodes"][0]["kind"] == "header"
    db = out / "kb.sqlite"
    assert _count(db, "SELECT count(*) FROM documents") == 20
    assert _count(db, "SELECT count(*) FROM header_fields WHERE name='number' AND doc_id='gia-lai-01'") == 1


def test_rerun_replaces_without_duplicates(batch, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["extract", str(batch / "passages"), "--out", str(out)])
    db = out / "kb.sqlite"
    n_segments = _count(db, "SELECT count(*) FROM segments")
    result = runner.invoke(app, ["extract", str(batch / "passages" / "ha-noi-06.txt"), "--out", str(out)])
    assert result.exit_code == 0
    assert _count(db, "SELECT count(*) FROM documents") == 20
    assert _count(db, "SELECT count(*) FROM segments") == n_segments
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20 and len({json.loads(x)["doc_id"] for x in lines}) == 20


def test_extract_seed_table_rows_reach_the_kb(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(SEEDS["son-la"]), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(out / "kb.sqlite") as conn:
        rows = conn.execute(
            """SELECT c2.text FROM segments r
               JOIN segments c1 ON c1.parent_id = r.id AND c1.col = 1
               JOIN segments c2 ON c2.parent_id = r.id AND c2.col = 2
               WHERE r.kind = 'row' AND r.marker = 'body' AND c1.text LIKE 'Báo cáo thực hiện%'"""
        ).fetchall()
    assert rows == [("Sở Nội vụ",)]


def test_extract_nothing_found(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no documents found" in result.output


def test_corpus_manifest_drives_the_batch(tmp_path):
    import csv

    with (CORPUS / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 25
    for row in rows:
        assert (CORPUS / row["file"]).is_file(), row["file"]
        assert row["doc_id"] == (CORPUS / row["file"]).stem
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _count(out / "kb.sqlite", "SELECT count(*) FROM documents") == 25  # README.md is not a document
    provinces = {r["doc_id"]: r["province"] for r in rows}
    with sqlite3.connect(out / "kb.sqlite") as conn:
        found = dict(conn.execute("SELECT doc_id, province FROM documents"))
    assert found == provinces
