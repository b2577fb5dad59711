"""Inter-annotator agreement: the scorer run with one pass as "gold" and the
other as "prediction". F1 is symmetric, so which pass plays gold does not
change the F1 figures (precision and recall swap).

    python -m evaluation.agreement annotations/iaa/pass1 annotations/iaa/pass2
"""

from __future__ import annotations

import sys
from pathlib import Path

from evaluation.data import load_docs
from evaluation.scoring import score
from pipeline.schema import ENTITY_LABELS, RELATION_LABELS


def agreement(a: Path, b: Path) -> dict:
    docs_a = load_docs(a)
    docs_b = {d.doc_id: d for d in load_docs(b)}
    shared = [d for d in docs_a if d.doc_id in docs_b]
    return {
        "documents": [d.doc_id for d in shared],
        "pooled": score(shared, [docs_b[d.doc_id] for d in shared]),
        "per_document": {d.doc_id: score([d], [docs_b[d.doc_id]]) for d in shared},
    }


def markdown_table(result: dict) -> str:
    pooled = result["pooled"]
    docs = result["documents"]
    head = (
        "| label | n (pass 1) | strict F1 | partial/relaxed F1 | " + " | ".join(f"{d} strict F1" for d in docs) + " |"
    )
    sep = "|" + "---|" * (4 + len(docs))
    lines = [head, sep]

    def row(kind, label, modes):
        strict_mode, loose_mode = modes
        p = pooled[kind]["per_label"][label]
        n = p[strict_mode]["tp"] + p[strict_mode]["fn"]
        if n == 0 and p[strict_mode]["fp"] == 0:
            return None
        per_doc = [result["per_document"][d][kind]["per_label"][label][strict_mode] for d in docs]
        cells = [f"{x['f1']:.3f}" if x["tp"] + x["fn"] + x["fp"] else "–" for x in per_doc]
        return f"| {label} | {n} | {p[strict_mode]['f1']:.3f} | {p[loose_mode]['f1']:.3f} | " + " | ".join(cells) + " |"

    for kind, labels, loose in (("entities", ENTITY_LABELS, "partial"), ("relations", RELATION_LABELS, "relaxed")):
        lines += [r for label in labels if (r := row(kind, label, ("strict", loose)))]
        total = pooled[kind]
        lines.append(
            f"| **all {kind}** | {total['strict']['tp'] + total['strict']['fn']} | **{total['strict']['f1']:.3f}** | "
            f"**{total[loose]['f1']:.3f}** | "
            + " | ".join(f"{result['per_document'][d][kind]['strict']['f1']:.3f}" for d in docs)
            + " |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    a, b = (Path(x) for x in sys.argv[1:3])
    print(markdown_table(agreement(a, b)))
