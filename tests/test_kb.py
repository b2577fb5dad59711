"""The knowledge base after `vnplan extract corpus/`: the questions of the
relations issue answered by SQL, against values read by hand from the
documents; and the transaction / rerun / interruption behaviour."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    out = tmp_path_factory.mktemp("kb")
    result = runner.invoke(app, ["extract", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out / "kb.sqlite")
    yield conn
    conn.close()


def _split(cell: str | None) -> set[str]:
    return {x.strip() for x in (cell or "").split("|") if x.strip()}


# Sơn La appendix (read from the table): content prefix -> (chairs, coordinators)
SON_LA_ROWS = {
    "Tổ chức phổ biến, quán triệt": (
        {"Các cơ quan hành chính, đơn vị sự nghiệp thuộc tỉnh", "UBND huyện, thành phố"},
        {"Các cơ quan truyền thông"},
    ),
    "Thực hiện công tác luân chuyển": (
        {"Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh", "UBND huyện, thành phố"},
        {"Sở Nội vụ", "Ban Tổ chức tỉnh ủy"},
    ),
    "Tăng cường đầu tư xây dựng cơ sở vật chất": (
        {"Các cơ sở đào tạo, bồi dưỡng của tỉnh"},
        {"Sở Tài chính", "Sở Kế hoạch, đầu tư"},
    ),
    "Tham mưu UBND tỉnh phê duyệt": ({"Sở Nội vụ"}, None),
    "Tăng cường công tác quản lý, kiểm tra, hướng dẫn": ({"Sở Tài chính"}, None),
    "Theo dõi, kiểm tra, đôn đốc": ({"Sở Nội vụ"}, {"Các cơ quan có liên quan"}),
    "Nghiên cứu đổi cơ chế phân bổ": ({"Sở Tài chính"}, None),
    "Báo cáo thực hiện Kế hoạch đào tạo": ({"Sở Nội vụ"}, None),
}


def test_son_la_appendix_chairs_and_coordinators(kb):
    rows = kb.execute(
        "SELECT task, chairs, coordinators FROM tasks WHERE doc_id = 'son-la-2021-2025' AND start > ("
        " SELECT start FROM segments WHERE doc_id = 'son-la-2021-2025' AND kind = 'table')"
    ).fetchall()
    for prefix, (chairs, coordinators) in SON_LA_ROWS.items():
        match = [r for r in rows if r[0].startswith(prefix)]
        assert match, prefix
        task, got_chairs, got_coord = match[0]
        assert _split(got_chairs) == chairs, task
        if coordinators is not None:
            assert _split(got_coord) == coordinators, task
    # the continuation row "b) Kế hoạch ... hàng năm" inherits the chairs of row 2 and keeps its own deadline
    cont = kb.execute(
        "SELECT chairs, deadline FROM tasks WHERE doc_id = 'son-la-2021-2025' "
        "AND task LIKE 'Kế hoạch đào tạo, bồi dưỡng hàng năm%'"
    ).fetchone()
    assert _split(cont[0]) == {"Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh", "UBND huyện, thành phố"}
    assert cont[1] == "01/10 hàng năm"


# Quảng Ngãi programmes (read from the blocks): title prefix -> director, organiser, providers, quota
QUANG_NGAI = {
    "Đào tạo Trung cấp lý luận chính trị": (
        "Ban Thường vụ Tỉnh ủy",
        "Ban Thường vụ các huyện ủy, thị ủy, thành ủy và Đảng ủy trực thuộc Tỉnh ủy",
        {"Trường Chính trị tỉnh"},
        "460 học viên",
    ),
    "Đào tạo sau đại học": (
        "Ban Thường vụ Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        {"Học viện Chính trị Quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực III", "các cơ sở giáo dục khác"},
        None,
    ),
    "Bồi dưỡng kiến thức Quốc phòng - An ninh": (
        "Ban Thường vụ Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        {"Học viện Quốc Phòng", "Quân khu V", "Trường Quân sự tỉnh"},
        None,
    ),
}


def test_quang_ngai_programmes(kb):
    rows = kb.execute(
        "SELECT task, director, chairs, provider, quota, deadline FROM tasks WHERE doc_id = 'quang-ngai-2021'"
    ).fetchall()
    for prefix, (director, organiser, providers, quota) in QUANG_NGAI.items():
        match = [r for r in rows if r[0].startswith(prefix)]
        assert match, prefix
        _, got_dir, got_chairs, got_prov, got_quota, deadline = match[0]
        assert _split(got_dir) == {director}
        assert _split(got_chairs) == {organiser}
        assert _split(got_prov) == providers
        if quota:
            assert got_quota == quota
        assert deadline == "năm 2021"


def test_decrees_cited_by_more_than_one_province(kb):
    rows = dict(kb.execute("SELECT canonical_id, citing_provinces FROM citations WHERE n_provinces > 1").fetchall())
    # Nghị định 101/2017/NĐ-CP: Sơn La, Lạng Sơn, Quảng Ngãi (Điều 6 ...), Vĩnh Phúc, Lai Châu
    assert set(rows["nghi-dinh:101/2017/nd-cp"].split(",")) == {
        "Sơn La",
        "Lạng Sơn",
        "Quảng Ngãi",
        "Vĩnh Phúc",
        "Lai Châu",
    }
    # Nghị định 18/2010/NĐ-CP: Sóc Trăng, Gia Lai, Tây Ninh, Ninh Thuận, Hà Giang
    assert set(rows["nghi-dinh:18/2010/nd-cp"].split(",")) == {
        "Sóc Trăng",
        "Gia Lai",
        "Tây Ninh",
        "Ninh Thuận",
        "Hà Giang",
    }
    issuer = kb.execute("SELECT issuer FROM citations WHERE canonical_id = 'nghi-dinh:101/2017/nd-cp'").fetchone()
    assert issuer == ("Chính phủ",)
    # a local decision number is never joined across provinces
    assert not any("qd-ubnd" in k and "@" not in k for k in rows)


def test_percentage_targets_with_group(kb):
    rows = kb.execute(
        "SELECT target, grp, content, low, bound FROM targets WHERE doc_id = 'son-la-2021-2025' AND label = 'PERCENT'"
    ).fetchall()
    by_text = {}
    for r in rows:
        by_text.setdefault(r[0], []).append(r)
    # "+ Có ít nhất 75% viên chức được bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp."
    hits = [r for r in by_text["ít nhất 75%"] if r[1] == "viên chức"]
    assert hits and hits[0][2] == "được bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp"
    assert hits[0][3] == 75 and hits[0][4] == ">="
    # "Phấn đấu đến năm 2025, 100% cán bộ, công chức, viên chức từ tỉnh, huyện, xã đáp ứng ..."
    first = kb.execute(
        "SELECT grp, year FROM targets WHERE doc_id = 'son-la-2021-2025' AND target = '100%' ORDER BY start LIMIT 1"
    ).fetchone()
    assert first == ("cán bộ, công chức, viên chức từ tỉnh, huyện, xã", "2025")


def test_agencies_view_groups_aliases(kb):
    row = kb.execute("SELECT aliases, level FROM agencies WHERE canonical = 'Ủy ban nhân dân tỉnh Sơn La'").fetchone()
    aliases = set(row[0].split(","))
    assert "UBND tỉnh" in aliases and row[1] == "province"


# --- transactions, reruns, interruption -----------------------------------------


def _counts(db):
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "segments", "entities", "relations", "targets")
        }


def test_failed_rewrite_keeps_the_old_rows(tmp_path, monkeypatch):
    from pipeline.kb import store

    out = tmp_path / "out"
    doc = CORPUS / "passages" / "gia-lai-01.txt"
    assert runner.invoke(app, ["extract", str(doc), "--out", str(out)]).exit_code == 0
    before = _counts(out / "kb.sqlite")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store.KnowledgeBase, "_write_targets", boom)
    kb = store.KnowledgeBase(out / "kb.sqlite")
    from pipeline.document import Document
    from pipeline.language import EXTRACT_COMPONENTS, load
    from pipeline.records import build_record

    text = doc.read_text(encoding="utf-8")
    record = build_record(Document(doc_id="gia-lai-01", text=text), load(EXTRACT_COMPONENTS)(text))
    with pytest.raises(RuntimeError):
        kb.write_document(record)
    kb.close()
    assert _counts(out / "kb.sqlite") == before  # the half-written replacement was rolled back


def test_killed_batch_leaves_a_consistent_kb_and_rerun_completes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):  # enough documents for the kill to land mid-batch
        for p in sorted((CORPUS / "plans").glob("*.txt")):
            shutil.copy(p, src / f"{p.stem}-copy{i}.txt")
    out = tmp_path / "out"
    db = out / "kb.sqlite"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli.main", "extract", str(src), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    deadline = time.time() + 120
    written = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                written = _counts(db)["documents"]
            except sqlite3.OperationalError:
                continue
            if written >= 3:
                break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 3 <= written < 60, "the batch was not interrupted mid-way"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # every document that is there is whole: it has its segments and entities
        partial = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.doc_id = d.doc_id)"
            " OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id)"
        ).fetchone()[0]
        assert partial == 0
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    after = _counts(db)
    assert after["documents"] == 60
    clean = tmp_path / "clean"
    assert runner.invoke(app, ["extract", str(src), "--out", str(clean)]).exit_code == 0
    assert after == _counts(clean / "kb.sqlite")  # no duplicates: the same rows as a clean run
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 60
