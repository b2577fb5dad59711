"""Optional transformer backbone: fine-tune a token classifier from a LOCAL
Hugging Face checkpoint (e.g. a PhoBERT the user downloaded) on the gold.

Nothing is downloaded: checkpoints are loaded with ``local_files_only=True``
and an error names the folder when it is not a checkpoint. Needs the
``[transformer]`` extra (torch pinned to the CPU build).

Labels are BIO over the same eight entity labels. Words are the syllable
tokens of :mod:`pipeline.tokenizer`; each is encoded separately so the
subword pieces map back to exact character offsets, and the first piece of a
word carries its label (the usual scheme for token classification).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.schema import ENTITY_LABELS

LABELS = ["O"] + [f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I")]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}


class BackboneError(RuntimeError):
    pass


def _require():
    try:
        import torch
        import transformers
    except ImportError as exc:  # pragma: no cover - exercised when the extra is missing
        raise BackboneError(
            f"the transformer backbone needs the [transformer] extra: pip install -e '.[transformer]' ({exc})"
        ) from None
    return torch, transformers


def _word_chunks(text: str, max_words: int = 120) -> list[list[tuple[int, int]]]:
    """Syllable tokens in chunks short enough for a 256-piece window."""
    from pipeline.tokenizer import token_offsets

    words = token_offsets(text)
    return [words[i : i + max_words] for i in range(0, len(words), max_words)]


def _encode(tokenizer, text: str, words: list[tuple[int, int]], tags: list[str] | None, max_len: int = 256):
    ids = [tokenizer.cls_token_id]
    labels = [-100]
    first_piece: list[int] = []
    for wi, (s, e) in enumerate(words):
        pieces = tokenizer.encode(text[s:e], add_special_tokens=False) or [tokenizer.unk_token_id]
        first_piece.append(len(ids))
        ids.extend(pieces)
        labels.append(LABEL2ID[tags[wi]] if tags else -100)
        labels.extend([-100] * (len(pieces) - 1))
    ids = ids[: max_len - 1] + [tokenizer.sep_token_id]
    labels = labels[: max_len - 1] + [-100]
    return ids, labels, first_piece


def _word_tags(words: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(words)
    for s, e, label in spans:
        first = True
        for i, (ws, we) in enumerate(words):
            if ws >= s and we <= e:
                tags[i] = ("B-" if first else "I-") + label
                first = False
    return tags


def fine_tune(
    checkpoint: Path,
    docs: list[Any],
    out: Path,
    epochs: int = 3,
    lr: float = 5e-5,
    seed: int = 0,
    console=None,
) -> list[float]:
    """Fine-tune ``checkpoint`` on gold ``docs`` (AnnotatedDoc), save it to
    ``out`` and return the mean training loss of each epoch."""
    torch, transformers = _require()
    checkpoint = Path(checkpoint)
    if not (checkpoint / "config.json").is_file():
        raise BackboneError(f"{checkpoint}: not a local Hugging Face checkpoint (no config.json)")
    torch.manual_seed(seed)
    tokenizer = transformers.AutoTokenizer.from_pretrained(checkpoint, local_files_only=True)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        checkpoint,
        local_files_only=True,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id=LABEL2ID,
        ignore_mismatched_sizes=True,
    )
    examples = []
    for doc in docs:
        spans = [(s.start, s.end, s.label) for s in doc.spans]
        for words in _word_chunks(doc.text):
            ids, labels, _ = _encode(tokenizer, doc.text, words, _word_tags(words, spans))
            examples.append((ids, labels))
    optim = torch.optim.AdamW(model.parameters(), lr=lr)
    model.train()
    losses: list[float] = []
    for epoch in range(epochs):
        total = 0.0
        for ids, labels in examples:
            out_ = model(input_ids=torch.tensor([ids]), labels=torch.tensor([labels]))
            out_.loss.backward()
            optim.step()
            optim.zero_grad()
            total += float(out_.loss.detach())
        losses.append(total / max(1, len(examples)))
        if console is not None:
            console.print(f"epoch {epoch + 1}/{epochs}: loss {losses[-1]:.4f}")
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return losses


@dataclass
class TransformerTagger:
    """Tags text with a fine-tuned checkpoint saved by :func:`fine_tune`."""

    model: Any
    tokenizer: Any

    @classmethod
    def load(cls, path: Path) -> TransformerTagger:
        _, transformers = _require()
        path = Path(path)
        if not (path / "config.json").is_file():
            raise BackboneError(f"{path}: not a fine-tuned vnplan checkpoint (no config.json)")
        model = transformers.AutoModelForTokenClassification.from_pretrained(path, local_files_only=True)
        tokenizer = transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
        model.eval()
        return cls(model, tokenizer)

    def tag(self, text: str) -> list[tuple[int, int, str, float]]:
        torch, _ = _require()
        spans: list[tuple[int, int, str, float]] = []
        for words in _word_chunks(text):
            ids, _, first = _encode(self.tokenizer, text, words, None)
            with torch.no_grad():
                logits = self.model(input_ids=torch.tensor([ids])).logits[0]
            probs = logits.softmax(-1)
            cur = None
            for wi, (s, e) in enumerate(words):
                if first[wi] >= len(ids) - 1:
                    break
                k = int(probs[first[wi]].argmax())
                tag, p = LABELS[k], float(probs[first[wi]][k])
                if tag == "O" or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                    if cur:
                        spans.append(tuple(cur))
                    cur = None if tag == "O" else [s, e, tag[2:], p]
                elif tag.startswith("B-"):
                    if cur:
                        spans.append(tuple(cur))
                    cur = [s, e, tag[2:], p]
                else:
                    cur[1] = e
            if cur:
                spans.append(tuple(cur))
        return spans
