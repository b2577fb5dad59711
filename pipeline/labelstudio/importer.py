"""Merging corrected Label Studio tasks into annotations/ (one file per
doc_id). Malformed items are refused with a message naming them; a task
whose text is not the text the existing gold (or the corpus file) has is a
conflict and is refused too, because its offsets would point elsewhere."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.gold_check import check_task


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _gold_task(task: dict) -> dict:
    """Keep what the gold format needs: data and the first annotation's result."""
    data = task["data"]
    result = task["annotations"][0]["result"]
    return {
        "data": {"text": data["text"], "doc_id": data["doc_id"], "source": data.get("source", "")},
        "annotations": [{"result": result}],
    }


def import_tasks(tasks: list[dict], annotations: Path, source_name: str = "import") -> ImportReport:
    report = ImportReport()
    seen: set[str] = set()
    for i, task in enumerate(tasks):
        data = task.get("data") or {}
        doc_id = data.get("doc_id")
        where = f"{source_name}[{doc_id or i}]"
        if not doc_id:
            report.refused.append(f"{where}: no data.doc_id")
            continue
        if doc_id in seen:
            report.conflicts.append(f"{where}: doc_id appears twice in the import")
            continue
        seen.add(doc_id)
        if not task.get("annotations"):
            report.refused.append(f"{where}: no annotations (predictions alone are not gold)")
            continue
        problems = check_task(task, where)
        if problems:
            report.refused.append("; ".join(problems[:3]) + (" ..." if len(problems) > 3 else ""))
            continue
        target = annotations / f"{doc_id}.json"
        new = _gold_task(task)
        if target.is_file():
            old = json.loads(target.read_text(encoding="utf-8"))[0]
            if old["data"]["text"] != new["data"]["text"]:
                report.conflicts.append(f"{where}: text differs from {target} (another version of the document)")
                continue
            if old["annotations"][0]["result"] == new["annotations"][0]["result"]:
                report.unchanged.append(doc_id)
                continue
            report.updated.append(doc_id)
        else:
            report.added.append(doc_id)
        tmp = target.with_suffix(".json.tmp")  # never leave a half-written gold file
        tmp.write_text(json.dumps([new], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    return report
