"""Throughput benchmark: vnplan's whole extraction against underthesea.

    vnplan bench [--syllables 200000] [--jobs 2]
    python -m pipeline.bench [same options]

The corpus is repeated until it holds at least ``--syllables`` syllables. Each
measurement runs in a fresh subprocess, so model loading is not timed and
the peak memory reported is that measurement's own:

* vnplan: what ``vnplan extract`` runs (structure, entities, relations,
  normalisation, records) plus the knowledge-base writes, on 1 process and
  on ``--jobs`` processes (``pipeline.batch.extract_records``; the pool's
  start-up is timed);
* underthesea ``word_tokenize`` on the same documents;
* underthesea ``ner`` sentence by sentence on the same documents.

Figures are syllables per second (a syllable is a token made of letters or
digits) and ratios against the underthesea runs. Nothing here asserts a
target: the numbers are printed, and the README quotes a run.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def count_syllables(text: str) -> int:
    from pipeline.tokenizer import token_offsets

    return sum(1 for s, _e in token_offsets(text) if text[s].isalnum())


def corpus_texts(min_syllables: int) -> list[tuple[str, str]]:
    from pipeline.reading import iter_paths, read_document

    base = [(d.doc_id, d.text) for d in (read_document(p) for p in iter_paths([CORPUS]))]
    per_round = sum(count_syllables(t) for _, t in base)
    rounds = max(1, -(-min_syllables // per_round))
    return [(f"{doc_id}-r{r}", text) for r in range(rounds) for doc_id, text in base]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)  # ru_maxrss is in KiB on Linux


def _part_vnplan(texts: list[tuple[str, str]], jobs: int) -> dict:
    from pipeline.batch import extract_records, load_extraction_pipeline
    from pipeline.document import Document
    from pipeline.kb.store import KnowledgeBase

    nlp = load_extraction_pipeline()
    nlp("Sở Nội vụ chủ trì.")  # warm-up
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Path(tmp) / "kb.sqlite")
        documents = [Document(doc_id=d, text=t) for d, t in texts]
        start = time.perf_counter()
        for outcome in extract_records(documents, jobs=jobs, nlp=nlp):
            if outcome.record is None:
                raise RuntimeError(f"{outcome.source}: {outcome.error}")
            kb.write_document(outcome.record)
        seconds = time.perf_counter() - start
        kb.close()
    return {"seconds": seconds}


def _part_word_tokenize(texts: list[tuple[str, str]]) -> dict:
    from underthesea import word_tokenize

    word_tokenize("Sở Nội vụ chủ trì.")
    start = time.perf_counter()
    for _, text in texts:
        word_tokenize(text)
    return {"seconds": time.perf_counter() - start}


def _part_ner(texts: list[tuple[str, str]], max_syllables: int | None) -> dict:
    from underthesea import ner, sent_tokenize

    ner("Sở Nội vụ chủ trì.")
    sentences = [s for _, text in texts for para in text.split("\n") if para.strip() for s in sent_tokenize(para)]
    if max_syllables:
        kept, total = [], 0
        for s in sentences:
            if total >= max_syllables:
                break
            kept.append(s)
            total += count_syllables(s)
        sentences = kept
    start = time.perf_counter()
    for s in sentences:
        ner(s)
    return {"seconds": time.perf_counter() - start, "syllables": sum(count_syllables(s) for s in sentences)}


def _run_part(name: str, syllables: int, jobs: int, ner_syllables: int | None) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    cmd = [sys.executable, "-m", "pipeline.bench", "--part", name, "--syllables", str(syllables), "--jobs", str(jobs)]
    if ner_syllables:
        cmd += ["--ner-syllables", str(ner_syllables)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(syllables: int = 200_000, jobs: int = 2, ner_syllables: int | None = None, echo=print) -> dict:
    texts = corpus_texts(syllables)
    total = sum(count_syllables(t) for _, t in texts)
    echo(f"text: {len(texts)} documents, {total} syllables ({sum(len(t) for _, t in texts)} characters)")
    results = {"syllables": total, "documents": len(texts)}
    plan = [("vnplan", 1), ("word_tokenize", 1), ("ner", 1)]
    if jobs > 1:
        plan.insert(1, ("vnplan", jobs))
    for name, j in plan:
        echo(f"running {name}" + (f" --jobs {j}" if name == "vnplan" else "") + " ...")
        r = _run_part(name, syllables, j, ner_syllables)
        n = r.get("syllables", total)
        r["syllables_per_second"] = round(n / r["seconds"])
        results[f"{name}@{j}" if name == "vnplan" else name] = r
    v1 = results["vnplan@1"]["syllables_per_second"]
    results["ratios"] = {
        "vnplan / word_tokenize": round(v1 / results["word_tokenize"]["syllables_per_second"], 2),
        "vnplan / ner": round(v1 / results["ner"]["syllables_per_second"], 2),
    }
    if jobs > 1:
        results["ratios"][f"vnplan jobs={jobs} / jobs=1"] = round(
            results[f"vnplan@{jobs}"]["syllables_per_second"] / v1, 2
        )
    return results


def format_results(r: dict) -> str:
    lines = [f"{'run':<22}{'syllables/s':>14}{'seconds':>10}{'peak MB':>10}"]
    for key, value in r.items():
        if isinstance(value, dict) and "seconds" in value:
            lines.append(f"{key:<22}{value['syllables_per_second']:>14}{value['seconds']:>10.1f}{value['peak_mb']:>10}")
    lines.append("")
    for name, ratio in r["ratios"].items():
        lines.append(f"{name:<34}{ratio:>6}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--syllables", type=int, default=200_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--ner-syllables", type=int, default=None, help="cap the ner run (it is slow)")
    ap.add_argument("--part", choices=["vnplan", "word_tokenize", "ner"], help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if args.part:
        texts = corpus_texts(args.syllables)
        if args.part == "vnplan":
            result = _part_vnplan(texts, args.jobs)
        elif args.part == "word_tokenize":
            result = _part_word_tokenize(texts)
        else:
            result = _part_ner(texts, args.ner_syllables)
        result["peak_mb"] = _peak_mb()
        print(json.dumps(result))
        return
    results = run(args.syllables, args.jobs, args.ner_syllables)
    print(format_results(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
