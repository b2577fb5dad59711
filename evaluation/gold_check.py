"""The project's own gold checker: the checks of shared/tools/check_gold.py
(offsets, NFC, text equality, edges, overlaps, relation arguments,
duplicates), plus the project's: unique doc_ids across files and data.text
equal to the corpus file it names."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.schema import ENTITY_LABELS, RELATION_ARGS

EDGE = set(".,;:)]}") | {" ", "\t", "\n", "\r"}


def check_task(task: dict, where: str, key: str = "annotations") -> list[str]:
    problems: list[str] = []
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        return [f"{where}: data.text missing"]
    if not unicodedata.is_normalized("NFC", text):
        problems.append(f"{where}: data.text is not NFC")
    blocks = task.get(key) or []
    if not blocks:
        return problems + [f"{where}: no {key}"]
    spans: dict[str, tuple[int, int, str]] = {}
    relations = []
    for item in blocks[0].get("result") or []:
        if item.get("type") == "labels":
            v = item.get("value") or {}
            sid, s, e, labels = item.get("id"), v.get("start"), v.get("end"), v.get("labels") or []
            if sid in spans:
                problems.append(f"{where}: duplicate span id {sid}")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.append(f"{where}: span {sid} bad offsets {s}-{e}")
                continue
            if len(labels) != 1 or labels[0] not in ENTITY_LABELS:
                problems.append(f"{where}: span {sid} bad labels {labels}")
                continue
            if v.get("text") is not None and v["text"] != text[s:e]:
                problems.append(f"{where}: span {sid} text differs from data.text[{s}:{e}]")
            if text[s] in EDGE or text[e - 1] in EDGE:
                problems.append(f"{where}: span {sid} {text[s:e]!r} starts or ends on space/punctuation")
            spans[sid] = (s, e, labels[0])
        elif item.get("type") == "relation":
            relations.append(item)
        else:
            problems.append(f"{where}: unknown result type {item.get('type')!r}")
    ordered = sorted(spans.items(), key=lambda kv: kv[1][:2])
    for (a, (_s1, e1, _)), (b, (s2, _e2, _)) in zip(ordered, ordered[1:]):
        if s2 < e1:
            problems.append(f"{where}: spans {a} and {b} overlap")
    seen = set()
    for r in relations:
        labels = r.get("labels") or []
        if len(labels) != 1 or labels[0] not in RELATION_ARGS:
            problems.append(f"{where}: relation bad labels {labels}")
            continue
        h, t = r.get("from_id"), r.get("to_id")
        if r.get("direction", "right") == "left":
            h, t = t, h
        if h not in spans or t not in spans:
            problems.append(f"{where}: relation {labels[0]} {h}->{t} names a missing span")
            continue
        if (spans[h][2], spans[t][2]) != RELATION_ARGS[labels[0]]:
            problems.append(f"{where}: relation {labels[0]} {h}->{t} joins wrong labels")
        if (h, t, labels[0]) in seen:
            problems.append(f"{where}: relation {labels[0]} {h}->{t} repeated")
        seen.add((h, t, labels[0]))
    return problems


def check_files(files: list[Path], corpus_root: Path | None = None, key: str = "annotations") -> list[str]:
    problems: list[str] = []
    ids: Counter[str] = Counter()
    for path in files:
        try:
            tasks = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: cannot read: {exc}")
            continue
        if not isinstance(tasks, list):
            problems.append(f"{path}: top level is not a list of tasks")
            continue
        for i, task in enumerate(tasks):
            data = task.get("data") or {}
            doc_id = data.get("doc_id", str(i))
            ids[doc_id] += 1
            where = f"{path}[{doc_id}]"
            problems.extend(check_task(task, where, key))
            if corpus_root is not None and data.get("source"):
                source = corpus_root / data["source"]
                if not source.is_file():
                    problems.append(f"{where}: data.source {data['source']} not found")
                elif unicodedata.normalize("NFC", source.read_bytes().decode("utf-8-sig")) != data.get("text"):
                    problems.append(f"{where}: data.text differs from {data['source']}")
    problems.extend(f"doc_id {d} appears in {n} tasks" for d, n in ids.items() if n > 1)
    return problems
