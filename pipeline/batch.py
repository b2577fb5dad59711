"""Documents in, records out, on one process or several.

The batch job and the benchmark both go through :func:`extract_records`.
Each worker reads its files, runs the spaCy pipeline with ``Language.pipe``
and builds the :class:`~pipeline.records.DocumentRecord`; only finished
records travel back to the caller, which writes them. spaCy's own
``n_process`` ships every Doc back instead and leaves the record building to
the parent, which on two cores made ``--jobs 2`` barely faster than one.

A file that cannot be read, or a document a component fails on, comes back
as an :class:`Outcome` with an ``error`` and no record: the batch goes on.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.document import Document
from pipeline.reading import ReadError, read_document
from pipeline.records import DocumentRecord, build_record

Source = Path | Document
_ERROR_KEY = "vnplan.error"
_INDEX_KEY = "vnplan.batch_index"
_NLP: Language | None = None  # the worker's pipeline (inherited on fork)


@dataclass
class Outcome:
    """What became of one input: its record, or the reason there is none."""

    source: str
    record: DocumentRecord | None = None
    error: str | None = None


def _error_handler(proc_name, proc, docs, exc) -> None:
    """Mark the failing Doc instead of aborting the whole batch."""
    for doc in docs:
        doc.user_data[_ERROR_KEY] = f"{proc_name} failed: {type(exc).__name__}: {exc}"


def load_extraction_pipeline() -> Language:
    from pipeline.language import EXTRACT_COMPONENTS, load

    nlp = load(EXTRACT_COMPONENTS)
    nlp.set_error_handler(_error_handler)
    return nlp


def _read(source: Source) -> tuple[Outcome, Document | None]:
    if isinstance(source, Document):
        return Outcome(source.source or source.doc_id), source
    try:
        return Outcome(str(source)), read_document(source)
    except ReadError as exc:
        return Outcome(str(source), error=exc.reason), None


def process_chunk(nlp: Language, sources: list[Source], batch_size: int = 4) -> list[Outcome]:
    """Read, extract and build the records of a few documents.

    spaCy drops a Doc whose component raised (after calling the error
    handler, which marks it), so the Docs are made here, numbered, and looked
    up again afterwards: a document missing from the output failed, and its
    own Doc says why."""
    read = [_read(s) for s in sources]
    made: list[tuple[Outcome, Document, Doc]] = []
    for outcome, document in read:
        if document is None:
            continue
        try:
            doc = nlp.make_doc(document.text)
        except Exception as exc:
            outcome.error = f"tokenizer failed: {type(exc).__name__}: {exc}"
            continue
        doc.user_data[_INDEX_KEY] = len(made)
        made.append((outcome, document, doc))
    done = {doc.user_data[_INDEX_KEY]: doc for doc in nlp.pipe((m[2] for m in made), batch_size=batch_size)}
    for i, (outcome, document, doc) in enumerate(made):
        if i not in done or _ERROR_KEY in doc.user_data:
            outcome.error = doc.user_data.get(_ERROR_KEY, "a pipeline component failed")
            continue
        try:
            outcome.record = build_record(document, done[i])
        except Exception as exc:  # a record that cannot be built fails its document, not the batch
            outcome.error = f"building the record failed: {type(exc).__name__}: {exc}"
    return [outcome for outcome, _ in read]


def _worker_init() -> None:
    global _NLP
    if _NLP is None:  # spawn start method: nothing inherited
        _NLP = load_extraction_pipeline()


def _worker_chunk(args: tuple[list[Source], int]) -> list[Outcome]:
    assert _NLP is not None
    return process_chunk(_NLP, *args)


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_records(
    sources: Iterable[Source], jobs: int = 1, batch_size: int = 4, nlp: Language | None = None
) -> Iterator[Outcome]:
    """Outcomes in input order. With ``jobs > 1`` the pipeline is loaded once
    here and the workers are forked from this process (they share the model
    pages); where fork is unavailable each worker loads its own."""
    global _NLP
    nlp = nlp or load_extraction_pipeline()
    if jobs <= 1:
        for chunk in _chunks(sources, batch_size):
            yield from process_chunk(nlp, chunk, batch_size)
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _NLP = nlp
    try:
        with ctx.Pool(jobs, initializer=_worker_init) as pool:
            work = ((chunk, batch_size) for chunk in _chunks(sources, batch_size))
            for outcomes in pool.imap(_worker_chunk, work):
                yield from outcomes
    finally:
        _NLP = None
