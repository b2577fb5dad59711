-- vnplan knowledge base (SQLite). Every fact carries doc_id and character
-- offsets into documents.text, so any row can be shown in its context.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id           TEXT PRIMARY KEY,
    source           TEXT,              -- file the text was read from
    format           TEXT,              -- txt, md, html, docx, pdf
    encoding         TEXT,              -- detected input encoding
    province         TEXT,              -- canonical province name, when known
    issuer           TEXT,              -- issuing body from the header
    number           TEXT,              -- document number ("269/QĐ-UBND")
    date             TEXT,              -- ISO date of signature
    kind             TEXT,              -- QUYẾT ĐỊNH, KẾ HOẠCH, ...
    title            TEXT,
    n_chars          INTEGER,
    text             TEXT NOT NULL,     -- NFC text all offsets point into
    warnings         TEXT,              -- JSON list of reader warnings
    pipeline_version TEXT,
    extracted_at     TEXT
);

-- the structure tree, flattened: parent_id links a node to its parent;
-- table rows and cells are segments too (kind 'row' / 'cell')
CREATE TABLE IF NOT EXISTS segments (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES segments(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,       -- document order within doc_id
    kind        TEXT NOT NULL,          -- header, heading, paragraph, list_item, table, row, cell, ...
    level       INTEGER,
    marker      TEXT,                   -- "1.1.", "a)", "-", row kind for rows
    col         INTEGER,                -- column index for cells
    header      TEXT,                   -- column header for cells
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT,                   -- convenience copy of the span (title text for headings)
    attrs       TEXT                    -- JSON
);
CREATE INDEX IF NOT EXISTS segments_doc ON segments(doc_id, kind);

CREATE TABLE IF NOT EXISTS header_fields (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    name    TEXT NOT NULL,              -- issuer, number, place, date, kind, title, ...
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT,
    value   TEXT
);
CREATE INDEX IF NOT EXISTS header_fields_doc ON header_fields(doc_id);

CREATE TABLE IF NOT EXISTS entities (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    label         TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value         TEXT,                 -- normalised value, JSON
    score         REAL,
    model_version TEXT,
    segment_id    INTEGER REFERENCES segments(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc_id, label);

CREATE TABLE IF NOT EXISTS relations (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    label         TEXT NOT NULL,
    head_id       INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    tail_id       INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    score         REAL,
    model_version TEXT
);
CREATE INDEX IF NOT EXISTS relations_doc ON relations(doc_id, label);
