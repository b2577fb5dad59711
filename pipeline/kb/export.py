"""Export the knowledge base's tables and views for pandas, polars or DuckDB."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

TABLES = (
    "documents",
    "segments",
    "header_fields",
    "entities",
    "relations",
    "targets",
    "tasks",
    "citations",
    "agencies",
)
FORMATS = ("parquet", "csv", "jsonl")


def export(kb: Path, fmt: str, out: Path) -> dict[str, int]:
    """Write one file per table/view; returns the row counts."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{kb}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    counts: dict[str, int] = {}
    try:
        for name in TABLES:
            cur = conn.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cur.description]
            rows = [dict(zip(columns, r)) for r in cur.fetchall()]
            counts[name] = len(rows)
            path = out / f"{name}.{fmt}"
            if fmt == "jsonl":
                with path.open("w", encoding="utf-8") as fh:
                    for row in rows:
                        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            elif fmt == "csv":
                with path.open("w", encoding="utf-8", newline="") as fh:
                    writer = csv.DictWriter(fh, fieldnames=columns)
                    writer.writeheader()
                    writer.writerows(rows)
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = (
                    pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
                )
                pq.write_table(table, path)
    finally:
        conn.close()
    return counts
