"""The optional transformer backbone, on a tiny BERT built here from a config
(nothing is downloaded). Skipped only when the [transformer] extra is absent."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from evaluation.data import AnnotatedDoc, Span  # noqa: E402
from pipeline.entities.transformer import BackboneError, TransformerTagger, fine_tune  # noqa: E402
from pipeline.tokenizer import token_offsets  # noqa: E402

TEXT = "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức 75 lớp bồi dưỡng trong năm 2025."


@pytest.fixture()
def tiny_checkpoint(tmp_path):
    words = sorted({TEXT[s:e] for s, e in token_offsets(TEXT)})
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(vocab), do_lower_case=False, tokenize_chinese_chars=False)
    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=256,
    )
    torch.manual_seed(0)
    ckpt = tmp_path / "tiny-bert"
    transformers.BertForTokenClassification(config).save_pretrained(ckpt)
    tokenizer.save_pretrained(ckpt)
    return ckpt


def test_fine_tune_learns_and_tags_with_exact_offsets(tiny_checkpoint, tmp_path):
    gold = AnnotatedDoc("d", TEXT, [Span(5, 14, "AGENCY"), Span(37, 49, "AGENCY"), Span(81, 89, "DATE")])
    assert TEXT[5:14] == "Sở Nội vụ" and TEXT[37:49] == "Sở Tài chính" and TEXT[81:89] == "năm 2025"
    out = tmp_path / "fine-tuned"
    losses = fine_tune(tiny_checkpoint, [gold], out, epochs=30, lr=3e-3)
    assert losses[-1] < losses[0] / 2  # it learns the example
    tagger = TransformerTagger.load(out)
    spans = tagger.tag(TEXT)
    assert (5, 14, "AGENCY") in [(s, e, label) for s, e, label, _ in spans]
    for s, e, label, p in spans:
        assert 0 <= s < e <= len(TEXT) and 0.0 <= p <= 1.0 and label


def test_missing_checkpoint_is_a_clear_error(tmp_path):
    with pytest.raises(BackboneError, match="not a local Hugging Face checkpoint"):
        fine_tune(tmp_path, [], tmp_path / "out")


def test_cli_backbone_and_component(tiny_checkpoint, tmp_path, monkeypatch):
    """`vnplan train --backbone` fine-tunes; the component then tags with it."""
    import json

    from typer.testing import CliRunner

    import pipeline
    from pipeline.cli import app

    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            [
                {
                    "data": {"text": TEXT, "doc_id": "d"},
                    "annotations": [
                        {
                            "result": [
                                {"id": "a", "type": "labels", "value": {"start": 5, "end": 14, "labels": ["AGENCY"]}},
                            ]
                        }
                    ],
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "models"
    result = CliRunner().invoke(
        app, ["train", "--gold", str(gold), "--backbone", str(tiny_checkpoint), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "transformer" / "config.json").is_file()
    monkeypatch.setenv("VNPLAN_MODELS", str(out))
    nlp = pipeline.load(("vnplan_structure", "vnplan_transformer_tagger", "vnplan_normalizer"))
    doc = nlp(TEXT)
    assert all(
        ent.label_ in {"AGENCY", "LEGAL_REF", "DATE", "PERCENT", "QUOTA", "MONEY", "PERSON", "TASK"} for ent in doc.ents
    )
    assert any(ent.text == "năm 2025" and ent._.value["start"] == "2025-01-01" for ent in doc.ents)


def test_cli_backbone_bad_path_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["train", "--backbone", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "not a local Hugging Face checkpoint" in result.output and "Traceback" not in result.output
