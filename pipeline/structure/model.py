"""The typed structure tree. Every node carries character offsets into
``Document.text``; text is never copied into the tree except as convenience in
the JSON view, so the tree stays valid against the one text the KB stores."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass
class Field:
    """A labelled value of the header block (number, place, date, ...)."""

    name: str
    start: int
    end: int
    value: str | None = None  # normalised value where one exists (ISO date)


@dataclass
class Cell:
    start: int
    end: int
    column: int
    header: str | None = None  # column header text (joined header rows)


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]
    kind: str = "body"  # body | header | group | continuation | partial


@dataclass
class Node:
    """A block of the document.

    kind: header | heading | paragraph | list_item | table | footnote |
    recipients | signature | title | boilerplate
    """

    kind: str
    start: int
    end: int
    level: int = 0
    marker: str | None = None  # numbering or bullet as written ("1.1.", "a)", "-", "+")
    title: Span | None = None  # heading/list text without its marker and markup
    fields: list[Field] = field(default_factory=list)  # header / signature / footnote fields
    rows: list[Row] = field(default_factory=list)  # tables
    items: list[Span] = field(default_factory=list)  # recipients
    children: list[Node] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass
class Structure:
    """The whole tree plus flat indexes that later stages use constantly."""

    text_length: int
    nodes: list[Node]  # top-level nodes in document order

    def walk(self) -> Iterator[Node]:
        for node in self.nodes:
            yield from node.walk()

    def of_kind(self, kind: str) -> list[Node]:
        return [n for n in self.walk() if n.kind == kind]

    @property
    def header(self) -> Node | None:
        headers = self.of_kind("header")
        return headers[0] if headers else None

    @property
    def tables(self) -> list[Node]:
        return self.of_kind("table")

    def path_at(self, offset: int) -> list[Node]:
        """Nodes containing ``offset``, outermost first (the heading path)."""
        path: list[Node] = []
        level = self.nodes
        while True:
            hit = next((n for n in level if n.start <= offset < n.end), None)
            if hit is None:
                return path
            path.append(hit)
            level = hit.children

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """Plain JSON-ready data (with the covered text when ``text`` is given).
        Written out by hand: dataclasses.asdict deep-copies and is several
        times slower on documents with large tables."""

        def span(start: int, end: int, extra: dict[str, Any]) -> dict[str, Any]:
            d = {"start": start, "end": end, **extra}
            if text is not None:
                d["text"] = text[start:end]
            return d

        def conv(node: Node) -> dict[str, Any]:
            d: dict[str, Any] = {"kind": node.kind, "start": node.start, "end": node.end, "level": node.level}
            if text is not None:
                d["text"] = text[node.start : node.end]
            if node.marker is not None:
                d["marker"] = node.marker
            if node.title is not None:
                d["title"] = span(node.title.start, node.title.end, {})
            if node.fields:
                d["fields"] = [span(f.start, f.end, {"name": f.name, "value": f.value}) for f in node.fields]
            if node.rows:
                d["rows"] = [
                    {
                        "start": r.start,
                        "end": r.end,
                        "kind": r.kind,
                        "cells": [span(c.start, c.end, {"column": c.column, "header": c.header}) for c in r.cells],
                    }
                    for r in node.rows
                ]
            if node.items:
                d["items"] = [span(i.start, i.end, {}) for i in node.items]
            if node.attrs:
                d["attrs"] = dict(node.attrs)
            if node.children:
                d["children"] = [conv(c) for c in node.children]
            return d

        return {"text_length": self.text_length, "nodes": [conv(n) for n in self.nodes]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Structure:
        def conv(d: dict[str, Any]) -> Node:
            return Node(
                kind=d["kind"],
                start=d["start"],
                end=d["end"],
                level=d.get("level", 0),
                marker=d.get("marker"),
                title=Span(d["title"]["start"], d["title"]["end"]) if d.get("title") else None,
                fields=[Field(f["name"], f["start"], f["end"], f.get("value")) for f in d.get("fields", [])],
                rows=[
                    Row(
                        r["start"],
                        r["end"],
                        [Cell(c["start"], c["end"], c["column"], c.get("header")) for c in r["cells"]],
                        r.get("kind", "body"),
                    )
                    for r in d.get("rows", [])
                ],
                items=[Span(i["start"], i["end"]) for i in d.get("items", [])],
                children=[conv(c) for c in d.get("children", [])],
                attrs=d.get("attrs", {}),
            )

        return cls(text_length=data["text_length"], nodes=[conv(n) for n in data["nodes"]])


class PathIndex:
    """``Structure.path_at`` for many offsets of one tree: each level's node
    starts are bisected instead of scanned. A flat plan has hundreds of
    top-level nodes and thousands of entities, and the scan was most of the
    relation stage's indexing. Valid while the tree is unchanged; a level
    whose nodes are not in order without overlaps is scanned as before."""

    def __init__(self, structure: Structure) -> None:
        self.nodes = structure.nodes
        self._levels: dict[int, tuple[list[Node], list[int] | None]] = {}

    def _starts(self, level: list[Node]) -> list[int] | None:
        hit = self._levels.get(id(level))
        if hit is not None and hit[0] is level:
            return hit[1]
        ordered = all(a.end <= b.start for a, b in zip(level, level[1:]))
        starts = [n.start for n in level] if ordered else None
        self._levels[id(level)] = (level, starts)
        return starts

    def path_at(self, offset: int) -> list[Node]:
        path: list[Node] = []
        level = self.nodes
        while level:
            starts = self._starts(level)
            if starts is None:
                hit = next((n for n in level if n.start <= offset < n.end), None)
            else:
                # in order without overlaps, only the last node starting at or
                # before the offset can contain it
                i = bisect.bisect_right(starts, offset) - 1
                hit = level[i] if i >= 0 and level[i].start <= offset < level[i].end else None
            if hit is None:
                break
            path.append(hit)
            level = hit.children
        return path
