"""Writing document records into the SQLite knowledge base.

One document = one transaction: its old rows are deleted and the new ones
inserted together, so a re-extraction replaces a document atomically, other
documents are untouched, and a batch killed half way leaves only whole
documents behind (a rerun then replaces them, never duplicates).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.records import DocumentRecord

SCHEMA_VERSION = "1"
_DOC_TABLES = ("targets", "relations", "entities", "header_fields", "segments", "documents")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class KnowledgeBase:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL never corrupts the file and a killed process loses
        # nothing it committed (the log is in the OS's hands); only a power cut
        # can undo the last documents, which a rerun redoes. FULL's fsync per
        # document was a tenth of a batch's wall time.
        self.conn.execute("PRAGMA synchronous = NORMAL")
        schema = resources.files("pipeline.kb").joinpath("schema.sql").read_text("utf-8")
        with self.conn:
            # views carry no data: recreate them so an older KB gets the current definitions
            for (view,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
                self.conn.execute(f"DROP VIEW IF EXISTS {view}")
            self.conn.executescript(schema)
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def doc_ids(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT doc_id FROM documents")}

    def delete_document(self, doc_id: str) -> None:
        with self.conn:
            self._delete(doc_id)

    def _delete(self, doc_id: str) -> None:
        for table in _DOC_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def write_document(self, record: DocumentRecord) -> None:
        """Replace everything known about ``record.doc_id`` in one transaction."""
        with self.conn:
            self._delete(record.doc_id)
            meta = record.metadata
            self.conn.execute(
                "INSERT INTO documents(doc_id, source, format, encoding, province, issuer, number, date,"
                " kind, title, n_chars, text, warnings, pipeline_version, extracted_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    record.doc_id,
                    record.source,
                    record.format,
                    record.encoding,
                    meta.get("province"),
                    meta.get("issuer"),
                    meta.get("number"),
                    meta.get("date"),
                    meta.get("kind"),
                    meta.get("title"),
                    len(record.text),
                    record.text,
                    _json(record.warnings),
                    record.pipeline_version or __version__,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )
            segment_spans = self._write_structure(record)
            entity_ids = self._write_entities(record, segment_spans)
            self._write_targets(record, entity_ids)
            for rel in record.relations:
                self.conn.execute(
                    "INSERT INTO relations(doc_id, label, head_id, tail_id, score, model_version) VALUES (?,?,?,?,?,?)",
                    (
                        record.doc_id,
                        rel.label,
                        entity_ids[rel.head],
                        entity_ids[rel.tail],
                        rel.score,
                        rel.model_version,
                    ),
                )

    def _write_structure(self, record: DocumentRecord) -> list[tuple[int, int, int]]:
        """Insert the tree; returns (start, end, id) of the innermost-first
        segments for linking entities to the segment that contains them."""
        text = record.text
        spans: list[tuple[int, int, int]] = []
        order = 0

        def insert(
            kind, start, end, parent, level=None, marker=None, col=None, header=None, shown=None, attrs=None
        ) -> int:
            nonlocal order
            order += 1
            cur = self.conn.execute(
                "INSERT INTO segments(doc_id, parent_id, ord, kind, level, marker, col, header, start, end,"
                " text, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    record.doc_id,
                    parent,
                    order,
                    kind,
                    level,
                    marker,
                    col,
                    header,
                    start,
                    end,
                    shown if shown is not None else text[start:end],
                    _json(attrs or None),
                ),
            )
            spans.append((start, end, cur.lastrowid))
            return cur.lastrowid

        def walk(node: dict[str, Any], parent: int | None) -> None:
            title = node.get("title")
            shown = text[title["start"] : title["end"]] if title else None
            attrs = dict(node.get("attrs", {}))
            if node.get("items"):
                attrs["items"] = [text[i["start"] : i["end"]] for i in node["items"]]
            sid = insert(
                node["kind"],
                node["start"],
                node["end"],
                parent,
                node.get("level"),
                node.get("marker"),
                shown=shown,
                attrs=attrs,
            )
            for f in node.get("fields", []):
                if node["kind"] == "header":
                    self.conn.execute(
                        "INSERT INTO header_fields(doc_id, name, start, end, text, value) VALUES (?,?,?,?,?,?)",
                        (
                            record.doc_id,
                            f["name"],
                            f["start"],
                            f["end"],
                            text[f["start"] : f["end"]],
                            f.get("value"),
                        ),
                    )
                else:
                    insert("field", f["start"], f["end"], sid, marker=f["name"])
            for row in node.get("rows", []):
                rid = insert("row", row["start"], row["end"], sid, marker=row.get("kind"))
                for cell in row["cells"]:
                    insert("cell", cell["start"], cell["end"], rid, col=cell["column"], header=cell.get("header"))
            for child in node.get("children", []):
                walk(child, sid)

        for node in record.structure.get("nodes", []):
            walk(node, None)
        # innermost first: shortest spans win when locating an entity
        spans.sort(key=lambda s: s[1] - s[0])
        return spans

    def _write_targets(self, record: DocumentRecord, entity_ids: list[int]) -> None:
        from pipeline.kb.targets import compute_targets

        for t in compute_targets(record):
            ent = record.entities[t.entity_index]
            v = ent.value or {}
            self.conn.execute(
                "INSERT INTO targets(entity_id, doc_id, label, target, low, high, number, unit, bound, grp, content,"
                " year, sentence, headings, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    entity_ids[t.entity_index],
                    record.doc_id,
                    ent.label,
                    ent.text,
                    v.get("low"),
                    v.get("high"),
                    v.get("number"),
                    v.get("unit"),
                    v.get("bound"),
                    t.grp,
                    t.content,
                    t.year,
                    t.sentence,
                    t.headings,
                    ent.start,
                    ent.end,
                ),
            )

    def _write_entities(self, record: DocumentRecord, segment_spans: list[tuple[int, int, int]]) -> list[int]:
        ids = []
        for ent in record.entities:
            segment_id = next((sid for s, e, sid in segment_spans if s <= ent.start and ent.end <= e and e > s), None)
            cur = self.conn.execute(
                "INSERT INTO entities(doc_id, label, start, end, text, value, score, model_version,"
                " segment_id) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    record.doc_id,
                    ent.label,
                    ent.start,
                    ent.end,
                    ent.text,
                    _json(ent.value),
                    ent.score,
                    ent.model_version,
                    segment_id,
                ),
            )
            ids.append(cur.lastrowid)
        return ids
