"""``vnplan segment FILE``: the document outline, or the tree as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.tree import Tree

from pipeline.cli.common import console, fail
from pipeline.reading import ReadError, read_document
from pipeline.structure.lines import plain
from pipeline.structure.model import Node
from pipeline.structure.segmenter import segment as run_segment


def _short(text: str, width: int = 90) -> str:
    text = plain(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _label(node: Node, text: str) -> str:
    if node.kind == "header":
        fields = ", ".join(f"{f.name}: {_short(text[f.start : f.end], 50)}" for f in node.fields)
        return f"[bold magenta]HEADER[/] {fields}"
    if node.kind == "heading":
        title = text[node.title.start : node.title.end] if node.title else ""
        return f"[bold]{node.marker or '#'}[/] {_short(title)}"
    if node.kind == "table":
        body = sum(1 for r in node.rows if r.kind in ("body", "partial", "continuation"))
        header = node.attrs.get("header")
        cols = " | ".join(_short(h or "", 18) for h in header) if header else "no header row"
        layout, n_cols = node.attrs.get("layout"), node.attrs.get("columns")
        return f"[bold cyan]TABLE[/] {layout} {n_cols} cols, {body} rows: {cols}"
    if node.kind == "recipients":
        return f"[bold green]NƠI NHẬN[/] {len(node.items)} recipients"
    if node.kind == "signature":
        fields = ", ".join(f"{f.name}: {_short(text[f.start : f.end], 40)}" for f in node.fields)
        return f"[bold green]SIGNATURE[/] {fields}"
    if node.kind == "footnote":
        return f"[dim]footnote {node.marker}: {_short(text[node.title.start : node.title.end], 60)}[/]"
    if node.kind == "list_item":
        return f"{node.marker} {_short(text[node.title.start : node.title.end], 70)}"
    return f"[dim]{node.kind}: {_short(text[node.start : node.end], 70)}[/]"


def _add(tree: Tree, node: Node, text: str, details: bool) -> None:
    if node.kind in ("paragraph", "list_item", "title", "boilerplate") and not details:
        for child in node.children:
            _add(tree, child, text, details)
        return
    branch = tree.add(_label(node, text), highlight=False)
    if node.kind == "table" and details:
        for i, row in enumerate(node.rows):
            cells = " | ".join(_short(text[c.start : c.end], 25) for c in row.cells)
            branch.add(f"[dim]{i:>2} {row.kind}[/]: {cells}", highlight=False)
    for child in node.children:
        _add(branch, child, text, details)


def segment(
    file: Annotated[Path, typer.Argument(help="Document to segment (.txt, .md, .html, .docx, .pdf).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the structure tree as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", "-d", help="Show paragraphs, list items and table rows.")
    ] = False,
) -> None:
    """Print the outline of a document: header, headings, tables, recipients, signature."""
    try:
        document = read_document(file)
    except ReadError as exc:
        fail(str(exc))
    structure = run_segment(document.text)
    if as_json:
        typer.echo(json.dumps(structure.to_dict(document.text), ensure_ascii=False, indent=1))
        return
    tree = Tree(
        f"[bold]{document.doc_id}[/] ({document.format}, {document.encoding}, {len(document.text)} chars)",
        highlight=False,
    )
    for node in structure.nodes:
        _add(tree, node, document.text, details)
    console.print(tree)
    for warning in document.warnings:
        console.print(f"[yellow]warning:[/] {warning}")
