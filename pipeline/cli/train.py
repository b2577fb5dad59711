"""``vnplan train`` and ``vnplan cv``: rebuild the shipped models from the gold,
and measure them by leave-one-document-out cross-validation."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import console, err_console, fail
from pipeline.entities.tagger import MAX_ITERATIONS

DEFAULT_GOLD = Path("annotations")
# synthetic passages, annotated by the same schema, that the models also learn from
# (annotations/passages/README.md); cross-validation never holds them out
DEFAULT_PASSAGES = Path("annotations/passages")


def _load_gold(gold: Path):
    from evaluation.data import TaskFormatError, load_docs

    if not gold.exists():
        fail(f"{gold}: no such file or folder")
    try:
        docs = load_docs(gold)
    except TaskFormatError as exc:
        fail(str(exc))
    if not docs:
        fail(f"{gold}: no gold tasks found")
    return docs


def _load_passages(passages: Path | None, gold_docs: list) -> list:
    """The training passages, unless switched off; a checkout without the
    default folder trains on the gold alone. Their ids must not be a gold
    document's (the held-out document of a fold would leak into training)."""
    if passages is None:
        return []
    if not passages.exists():
        if passages == DEFAULT_PASSAGES:
            return []
        fail(f"{passages}: no such file or folder")
    docs = _load_gold(passages)
    clash = sorted({d.doc_id for d in gold_docs} & {d.doc_id for d in docs})
    if clash:
        fail(f"{passages}: passages with the ids of gold documents ({', '.join(clash[:5])}); ids must be unique")
    return docs


_PASSAGES_HELP = "Extra training passages (Label Studio JSON file or folder); --no-passages: the gold alone."
# The real documents count three times the synthetic passages: with the passages
# the tagger reads unseen plans better (held-out sets), and the weight gives back
# part of what they cost on real documents' conventions (model card, experiment 58).
GOLD_WEIGHT = 3
_WEIGHT_HELP = "Times each gold document is repeated in the training data (the passages count once)."


def training_documents(gold: list, passages: list, gold_weight: int = GOLD_WEIGHT) -> list:
    """The gold documents ``gold_weight`` times, then the passages once."""
    if gold_weight < 1:
        fail(f"--gold-weight must be at least 1 (got {gold_weight})")
    return gold * gold_weight + passages


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def train(
    gold: Annotated[Path, typer.Option("--gold", help="Gold Label Studio JSON file or folder.")] = DEFAULT_GOLD,
    passages: Annotated[Path, typer.Option("--passages", help=_PASSAGES_HELP)] = DEFAULT_PASSAGES,
    no_passages: Annotated[bool, typer.Option("--no-passages", help="Do not add the training passages.")] = False,
    gold_weight: Annotated[int, typer.Option("--gold-weight", help=_WEIGHT_HELP)] = GOLD_WEIGHT,
    out: Annotated[Path | None, typer.Option("--out", help="Model folder (default: models/).")] = None,
    max_iterations: Annotated[int, typer.Option(help="CRF L-BFGS iterations.")] = MAX_ITERATIONS,
    backbone: Annotated[
        Path | None,
        typer.Option(
            "--backbone",
            help="Fine-tune a token classifier from "
            "this local Hugging Face checkpoint "
            "instead (needs the [transformer] extra).",
        ),
    ] = None,
) -> None:
    """Train the entity tagger on the gold and write it, with a manifest, to models/."""
    from pipeline.entities.tagger import EntityTagger
    from pipeline.models import models_dir

    gold_docs = _load_gold(gold)
    passage_docs = _load_passages(None if no_passages else passages, gold_docs)
    docs = training_documents(gold_docs, passage_docs, gold_weight)
    out = out or models_dir()
    out.mkdir(parents=True, exist_ok=True)
    if backbone is not None:
        from pipeline.entities.transformer import BackboneError, fine_tune

        try:
            fine_tune(backbone, docs, out / "transformer", console=console)
        except BackboneError as exc:
            fail(str(exc))
        console.print(
            f"fine-tuned {backbone} -> {out / 'transformer'}; use it with "
            f"pipeline.load() components ('vnplan_structure', 'vnplan_transformer_tagger', ...)"
        )
        return
    from evaluation.systems import relation_examples
    from pipeline.relations.classifier import RelationClassifier

    started = time.perf_counter()
    examples = [(d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]
    crf_path = out / "entity_crf.crfsuite"
    EntityTagger.train(examples, max_iterations=max_iterations).save(crf_path)
    rel_path = out / "relations.json"
    RelationClassifier.train(relation_examples(docs)).save(rel_path)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    artefacts = manifest.setdefault("artefacts", {})
    common = {
        "trained_on": sorted({d.doc_id for d in docs}),
        "gold_documents": len(gold_docs),
        "passages": len(passage_docs),
        "gold_weight": gold_weight,
        "spans": sum(len(d.spans) for d in gold_docs + passage_docs),
        "relations": sum(len(d.relations) for d in gold_docs + passage_docs),
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    for path, prefix, extra in ((crf_path, "crf", {"max_iterations": max_iterations}), (rel_path, "rel", {})):
        digest = _sha256(path)
        artefacts[path.name] = {"version": f"{prefix}-{digest[:8]}", "sha256_16": digest, **common, **extra}
        console.print(f"{path} ({path.stat().st_size // 1024} KiB, version {prefix}-{digest[:8]})")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    console.print(
        f"trained on {len(gold_docs)} gold documents (x{gold_weight}) and {len(passage_docs)} passages "
        f"in {time.perf_counter() - started:.1f}s"
    )


def cv(
    gold: Annotated[Path, typer.Option("--gold", help="Gold Label Studio JSON file or folder.")] = DEFAULT_GOLD,
    passages: Annotated[Path, typer.Option("--passages", help=_PASSAGES_HELP)] = DEFAULT_PASSAGES,
    no_passages: Annotated[bool, typer.Option("--no-passages", help="Do not add the training passages.")] = False,
    gold_weight: Annotated[int, typer.Option("--gold-weight", help=_WEIGHT_HELP)] = GOLD_WEIGHT,
    out: Annotated[Path, typer.Option("--out", help="Report folder.")] = Path("evaluation/reports"),
    systems: Annotated[
        str, typer.Option(help="Comma-separated systems to compare.")
    ] = "vnplan,vnplan-rules,underthesea-ner",
    errors: Annotated[bool, typer.Option(help="Also write an error report for vnplan.")] = True,
) -> None:
    """Leave-one-document-out cross-validation, with the two baselines in the same run.
    The training passages are in every fold's training data and are never held out:
    the figures are on the gold documents alone."""
    from rich.progress import Progress

    from evaluation.cv import cross_validate, write_report
    from evaluation.errors import error_report, errors_markdown
    from evaluation.systems import FACTORIES

    docs = _load_gold(gold)
    extra = _load_passages(None if no_passages else passages, docs)
    training_documents([], [], gold_weight)  # the same check as train's
    names = [s.strip() for s in systems.split(",") if s.strip()]
    unknown = [n for n in names if n not in FACTORIES]
    if unknown:
        fail(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(FACTORIES)}")
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("cross-validation", total=len(docs) * len(names))

        def step(message: str) -> None:
            progress.update(task, description=message)
            progress.advance(task)

        result = cross_validate(
            docs, {n: FACTORIES[n] for n in names}, progress=step, extra_train=extra, gold_weight=gold_weight
        )
    md, js = write_report(result, out)
    if errors and "vnplan" in result.predictions:
        (out / "cv-errors.md").write_text(
            errors_markdown(error_report(docs, result.predictions["vnplan"])), encoding="utf-8"
        )
    from pipeline.cli.evaluate import scores_table

    for name in names:
        console.print(scores_table(result.pooled[name], f"{name} (pooled over {len(docs)} held-out documents)"))
    console.print(f"report: {md} and {js}")
