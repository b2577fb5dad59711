from __future__ import annotations

import json
import os
from pathlib import Path

# rich wraps at 80 columns when there is no terminal; tests read whole lines
os.environ.setdefault("COLUMNS", "200")

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ANNOTATIONS = ROOT / "annotations"
SEEDS = {
    "son-la": CORPUS / "plans" / "son-la-2021-2025.txt",
    "lang-son": CORPUS / "plans" / "lang-son-2025.txt",
    "quang-ngai": CORPUS / "plans" / "quang-ngai-2021.txt",
    "soc-trang": CORPUS / "plans" / "soc-trang-2011-2015.txt",
    "thanh-hoa": CORPUS / "plans" / "thanh-hoa-2019-2020.txt",
}


def gold_files() -> list[Path]:
    return sorted(ANNOTATIONS.glob("*.json"))


def gold_tasks() -> list[dict]:
    tasks = []
    for path in gold_files():
        tasks.extend(json.loads(path.read_text(encoding="utf-8")))
    return tasks


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()
