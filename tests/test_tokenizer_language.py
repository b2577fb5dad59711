"""Tokenizer offsets, gold alignment, and the spaCy pipeline API."""

from __future__ import annotations

import pytest

from pipeline.tokenizer import doc_offsets, split_glued, token_offsets, words_and_spaces
from tests.conftest import SEEDS, gold_tasks


def test_tokens_cover_text_exactly():
    text = "Số: 269 /QĐ-UBND\n\nSơn La, ngày 05/02/2021;  5.950 lượt người (95%)."
    toks = [text[s:e] for s, e in token_offsets(text)]
    assert toks[:8] == ["Số", ":", "269", "/", "QĐ", "-", "UBND", "Sơn"]
    assert "05" in toks and "%" in toks and "5" in toks and "950" in toks


def _random_texts(n: int) -> list[str]:
    import random

    rnd = random.Random(7)
    pieces = ["Sở", "a", " ", "  ", "\n", "\t", " \n", "\r\n", "\u00a0", "1.", "%", "/QĐ-UBND", "Chínhphủ"]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(n)]


def test_words_and_spaces_agree_with_spacy():
    """Our linear version against spaCy's own alignment, on the corpus and on
    whitespace-heavy random strings (leading, trailing, tabs, CRLF, nbsp)."""
    from spacy.util import get_words_and_spaces

    texts = [p.read_text(encoding="utf-8") for p in SEEDS.values()] + _random_texts(2000)
    for text in texts:
        offsets = token_offsets(text)
        assert words_and_spaces(text, offsets) == get_words_and_spaces([text[s:e] for s, e in offsets], text)


def test_doc_offsets_are_the_token_offsets(nlp):
    """Both ways: the tokenizer's remembered result, and read back from the
    Doc once the tokenizer has moved on to other texts."""
    texts = _random_texts(300) + ["Sở Nội vụ  chủ trì,\tphối hợp.\n\n"]
    docs = [nlp.make_doc(text) for text in texts]
    for text, doc in zip(texts, docs):
        assert doc.text == text
        assert doc_offsets(doc) == token_offsets(text)
    fresh = nlp.make_doc(texts[-1])
    assert doc_offsets(fresh) == token_offsets(texts[-1])


@pytest.mark.parametrize(
    "run, pieces",
    [
        ("Chínhphủ", ["Chính", "phủ"]),
        ("củaỦy", ["của", "Ủy"]),
        ("Thủtướng", ["Thủ", "tướng"]),
        ("KẾHOẠCH", ["KẾ", "HOẠCH"]),
        ("nghiêng", ["nghiêng"]),
        ("UBND", ["UBND"]),
        ("Website", ["Website"]),
    ],
)
def test_glued_syllables(run, pieces):
    assert [run[a:b] for a, b in split_glued(run)] == pieces


def test_every_gold_span_is_a_token_span(nlp):
    tasks = gold_tasks()
    assert tasks, "no gold found in annotations/"
    total = 0
    for task in tasks:
        text = task["data"]["text"]
        doc = nlp.make_doc(text)
        assert doc.text == text
        for item in task["annotations"][0]["result"]:
            if item["type"] != "labels":
                continue
            total += 1
            v = item["value"]
            span = doc.char_span(v["start"], v["end"])
            assert span is not None, (task["data"]["doc_id"], v["text"])
    assert total > 1000


def test_load_returns_spacy_pipeline(nlp):
    from spacy.language import Language

    assert isinstance(nlp, Language)
    assert nlp.pipe_names == [
        "vnplan_structure",
        "vnplan_sentences",
        "vnplan_entity_tagger",
        "vnplan_normalizer",
        "vnplan_relations",
    ]
    doc = nlp(SEEDS["quang-ngai"].read_text(encoding="utf-8"))
    assert doc._.structure.header.field("kind").value == "KẾ HOẠCH"
    # relations point at entities of the doc, with the schema's argument types
    ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert doc._.relations
    for rel in doc._.relations:
        assert (rel["head"]["start"], rel["head"]["end"], rel["head"]["label"]) in ents
        assert (rel["tail"]["start"], rel["tail"]["end"], rel["tail"]["label"]) in ents
        assert type(rel["label"]) is str
    sents = list(doc.sents)
    assert len(sents) > 50
    assert any(s.text.startswith("Thực hiện công tác đào tạo, bồi dưỡng cán bộ lãnh đạo") for s in sents)


def test_words_from_underthesea_have_offsets(nlp):
    doc = nlp("Giao Giám đốc Sở Nội vụ chủ trì, phối hợp với các sở.")
    words = [doc.text[s:e] for s, e in doc._.words]
    assert "Giám đốc" in words and "chủ trì" in words and "phối hợp" in words


def test_pipe_with_two_processes_matches_single(nlp):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS.values()]
    single = [d._.structure.to_dict() for d in nlp.pipe(texts)]
    multi = [d._.structure.to_dict() for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert single == multi


def test_loading_the_pipeline_does_not_import_torch():
    """torch is an optional extra that costs over a second to import: loading
    the CRF pipeline must not pull it in (thinc would), and torch must still
    import afterwards for the transformer backbone."""
    import subprocess
    import sys

    code = (
        "import sys, pipeline; pipeline.load(); print('torch' in sys.modules);"
        "import importlib.util; print(importlib.util.find_spec('torch') is not None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"
    if out[1] == "True":
        after = "import pipeline; pipeline.load(); import torch; print(torch.zeros(2).sum().item())"
        assert (
            subprocess.run([sys.executable, "-c", after], capture_output=True, text=True, check=True).stdout.strip()
            == "0.0"
        )
