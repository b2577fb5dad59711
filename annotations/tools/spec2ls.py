#!/usr/bin/env python3
"""Turn a hand-written annotation spec into a Label Studio task (gold JSON).

Why: typing character offsets by hand is where gold goes wrong. A spec lists the
spans *in document order* by their text; this tool finds each one after the
previous span, computes exact offsets into the NFC text, and refuses anything
it cannot place unambiguously. The resulting JSON is the gold of record; the
spec is only an authoring aid.

Spec format (UTF-8, one item per line, fields separated by TAB):

    # comment
    @seek TEXT                     move the cursor to the first TEXT after it
    ID  LABEL  SPAN_TEXT           a span: first SPAN_TEXT at/after the cursor
    ID  LABEL  SPAN_TEXT  CONTEXT  the SPAN_TEXT inside the first CONTEXT
    REL LABEL  HEAD_ID  TAIL_ID    a relation (head -> tail, as in the schema)

In TEXT, SPAN_TEXT and CONTEXT, ``\\n`` stands for a newline, ``\\t`` for a tab
``\\uXXXX`` for any code point (e.g. ``\\u00a0``, a no-break space) and
``\\\\`` for a backslash. After a span the cursor moves to its end.

Usage: spec2ls.py SPEC.ann DOC.txt DOC_ID SOURCE OUT.json
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path


class SpecError(ValueError):
    pass


def unescape(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s.startswith("\\u", i) and len(s) >= i + 6:
            out.append(chr(int(s[i + 2 : i + 6], 16)))
            i += 6
        elif s[i] == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def parse_spec(spec: str, text: str) -> list[dict]:
    cursor = 0
    results: list[dict] = []
    spans: dict[str, dict] = {}
    for lineno, raw in enumerate(spec.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"line {lineno}"
        if line.startswith("@seek "):
            target = unescape(line[len("@seek ") :])
            pos = text.find(target, cursor)
            if pos < 0:
                raise SpecError(f"{where}: @seek text not found after offset {cursor}: {target!r}")
            cursor = pos
            continue
        fields = line.split("\t")
        if fields[0] == "REL":
            if len(fields) != 4:
                raise SpecError(f"{where}: REL needs LABEL HEAD TAIL: {line!r}")
            _, label, head, tail = fields
            for sid in (head, tail):
                if sid not in spans:
                    raise SpecError(f"{where}: relation names unknown span {sid!r}")
            results.append(
                {
                    "from_id": head,
                    "to_id": tail,
                    "type": "relation",
                    "direction": "right",
                    "labels": [label],
                }
            )
            continue
        if len(fields) not in (3, 4):
            raise SpecError(f"{where}: expected ID LABEL TEXT [CONTEXT]: {line!r}")
        sid, label, span_text = fields[0], fields[1], unescape(fields[2])
        if sid in spans:
            raise SpecError(f"{where}: duplicate span id {sid!r}")
        if len(fields) == 4:
            context = unescape(fields[3])
            cpos = text.find(context, cursor)
            if cpos < 0:
                raise SpecError(f"{where}: context not found after offset {cursor}: {context!r}")
            inner = context.find(span_text)
            if inner < 0:
                raise SpecError(f"{where}: span text {span_text!r} not inside its context")
            start = cpos + inner
        else:
            start = text.find(span_text, cursor)
            if start < 0:
                raise SpecError(f"{where}: span text not found after offset {cursor}: {span_text!r}")
        end = start + len(span_text)
        item = {
            "id": sid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
        }
        spans[sid] = item
        results.append(item)
        cursor = end
    return results


def build_task(spec: str, text: str, doc_id: str, source: str) -> dict:
    return {
        "data": {"text": text, "doc_id": doc_id, "source": source},
        "annotations": [{"result": parse_spec(spec, text)}],
    }


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(__doc__)
        return 2
    spec_path, doc_path, doc_id, source, out = argv
    text = unicodedata.normalize("NFC", Path(doc_path).read_bytes().decode("utf-8-sig"))
    try:
        task = build_task(Path(spec_path).read_text(encoding="utf-8"), text, doc_id, source)
    except SpecError as exc:
        print(f"{spec_path}: {exc}", file=sys.stderr)
        return 1
    Path(out).write_text(json.dumps([task], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n_spans = sum(1 for r in task["annotations"][0]["result"] if r["type"] == "labels")
    n_rels = sum(1 for r in task["annotations"][0]["result"] if r["type"] == "relation")
    print(f"{out}: {n_spans} spans, {n_rels} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
