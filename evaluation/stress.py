"""Scores of the shipped models on the synthetic stress sets.

The 25 gold documents are all the real annotated text there is, and the
written rules were tuned reading their cross-validation errors, so the LODO
figure is partly in-sample. The stress sets in ``evaluation/stress_sets/``
are passages written and annotated by independent annotation passes that
never saw the pipeline: plans, decisions, news items and tables from
provinces absent from the corpus, with the conversion damage and web chrome
the held-out data has. They are synthetic (not published documents), so
they are a check of how the rules and the models carry over to unseen
wording, not a substitute for real held-out plans. Which sets were read
while developing is recorded in ``evaluation/stress_sets/README.md``. Since
round 8 the sets that were read are training data (``annotations/passages``),
and the folder holds the held-out sets only: D, E and G.

    python -m evaluation.stress [--out evaluation/reports/stress.md]

runs the shipped pipeline and its rules-only configuration on every set and
writes one table per set (and the pooled figures).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from evaluation.data import AnnotatedDoc, load_docs
from evaluation.predict import predict
from evaluation.scoring import score

SETS = Path(__file__).parent / "stress_sets"
LABELS = ("AGENCY", "TASK", "LEGAL_REF", "DATE", "QUOTA", "CHAIRS", "COORDINATES", "DEADLINE", "QUOTA_OF")


def _row(name: str, scores: dict) -> list[str]:
    ents, rels = scores["entities"], scores["relations"]
    cells = [
        name,
        f"{ents['strict']['f1']:.3f} / {ents['partial']['f1']:.3f}",
        f"{rels['strict']['f1']:.3f} / {rels['relaxed']['f1']:.3f}",
    ]
    for label in LABELS:
        block, loose = (ents, "partial") if label in ents["per_label"] else (rels, "relaxed")
        s = block["per_label"].get(label)
        cells.append(f"{s['strict']['f1']:.2f} / {s[loose]['f1']:.2f}" if s else "-")
    return cells


def run(sets: list[Path]) -> dict[str, dict[str, dict]]:
    from pipeline.language import RULES_COMPONENTS, load

    systems = {"vnplan": load(), "vnplan-rules": load(components=RULES_COMPONENTS)}
    results: dict[str, dict[str, dict]] = {}
    pooled: dict[str, tuple[list[AnnotatedDoc], list[AnnotatedDoc]]] = {name: ([], []) for name in systems}
    for folder in sets:
        gold = load_docs(folder)
        for name, nlp in systems.items():
            pred = predict(nlp, gold)
            results.setdefault(folder.name, {})[name] = score(gold, pred)
            pooled[name][0].extend(gold)
            pooled[name][1].extend(pred)
    results["all"] = {name: score(g, p) for name, (g, p) in pooled.items()}
    return results


def markdown(results: dict[str, dict[str, dict]], counts: dict[str, int]) -> str:
    head = ["set", "entities strict / partial", "relations strict / relaxed", *LABELS]
    lines = [
        "# Stress sets (synthetic, independently annotated)",
        "",
        "Strict / partial (entities) and strict / relaxed (relations) F1 of the",
        "shipped models; `python -m evaluation.stress`. See",
        "`evaluation/stress_sets/README.md` for what each set is and which were",
        "read while developing.",
        "",
        "| system | " + " | ".join(head) + " |",
        "|" + "---|" * (len(head) + 1),
    ]
    for set_name, by_system in results.items():
        for system, scores in by_system.items():
            label = f"{set_name} ({counts.get(set_name, sum(counts.values()))} docs)"
            lines.append("| " + " | ".join([system, *_row(label, scores)]) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", type=Path, help="set folders (default: every folder of stress_sets/)")
    parser.add_argument("--out", type=Path, default=Path("evaluation/reports/stress.md"))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    sets = args.sets or sorted(p for p in SETS.iterdir() if p.is_dir())
    counts = {p.name: len(load_docs(p)) for p in sets}
    results = run(sets)
    text = markdown(results, counts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
