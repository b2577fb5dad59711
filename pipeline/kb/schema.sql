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

-- each percentage or quota target with what it constrains: computed at write
-- time from the target's sentence, list item and headings
CREATE TABLE IF NOT EXISTS targets (
    entity_id   INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    label       TEXT NOT NULL,          -- PERCENT or QUOTA
    target      TEXT NOT NULL,          -- the span ("ít nhất 95%")
    low         REAL,
    high        REAL,
    number      REAL,
    unit        TEXT,
    bound       TEXT,
    grp         TEXT,                   -- the group it applies to ("cán bộ, công chức cấp xã")
    content     TEXT,                   -- what is required of them
    year        TEXT,                   -- the year/period it is due, when the text gives one
    sentence    TEXT,
    headings    TEXT,                   -- heading path, outermost first, " > " separated
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS targets_doc ON targets(doc_id);

-- one row per TASK with its arguments (surface text and canonical agency names)
CREATE VIEW IF NOT EXISTS tasks AS
SELECT t.id AS task_id, t.doc_id, d.province, t.text AS task, t.start, t.end,
  (SELECT group_concat(a.text, ' | ') FROM relations r JOIN entities a ON a.id = r.head_id
     WHERE r.tail_id = t.id AND r.label = 'CHAIRS') AS chairs,
  (SELECT group_concat(json_extract(a.value, '$.canonical'), ' | ') FROM relations r
     JOIN entities a ON a.id = r.head_id WHERE r.tail_id = t.id AND r.label = 'CHAIRS') AS chairs_canonical,
  (SELECT group_concat(a.text, ' | ') FROM relations r JOIN entities a ON a.id = r.head_id
     WHERE r.tail_id = t.id AND r.label = 'COORDINATES') AS coordinators,
  (SELECT group_concat(a.text, ' | ') FROM relations r JOIN entities a ON a.id = r.head_id
     WHERE r.tail_id = t.id AND r.label = 'DIRECTS') AS director,
  (SELECT group_concat(a.text, ' | ') FROM relations r JOIN entities a ON a.id = r.head_id
     WHERE r.tail_id = t.id AND r.label = 'PROVIDES') AS provider,
  (SELECT e.text FROM relations r JOIN entities e ON e.id = r.tail_id
     WHERE r.head_id = t.id AND r.label = 'DEADLINE' LIMIT 1) AS deadline,
  (SELECT json_extract(e.value, '$.end') FROM relations r JOIN entities e ON e.id = r.tail_id
     WHERE r.head_id = t.id AND r.label = 'DEADLINE' LIMIT 1) AS deadline_iso,
  (SELECT group_concat(e.text, ' | ') FROM relations r JOIN entities e ON e.id = r.tail_id
     WHERE r.head_id = t.id AND r.label = 'QUOTA_OF') AS quota,
  (SELECT sum(json_extract(e.value, '$.number')) FROM relations r JOIN entities e ON e.id = r.tail_id
     WHERE r.head_id = t.id AND r.label = 'QUOTA_OF') AS quota_number
FROM entities t JOIN documents d ON d.doc_id = t.doc_id
WHERE t.label = 'TASK';

-- cited documents, joined across provinces by canonical id
CREATE VIEW IF NOT EXISTS citations AS
SELECT json_extract(e.value, '$.canonical_id') AS canonical_id,
       json_extract(e.value, '$.type') AS type,
       json_extract(e.value, '$.number') AS number,
       json_extract(e.value, '$.symbol') AS symbol,
       json_extract(e.value, '$.year') AS year,
       (SELECT json_extract(a.value, '$.canonical') FROM relations r JOIN entities a ON a.id = r.tail_id
          JOIN entities e2 ON e2.id = r.head_id
          WHERE r.label = 'ISSUED_BY' AND json_extract(e2.value, '$.canonical_id') = json_extract(e.value, '$.canonical_id')
          LIMIT 1) AS issuer,
       min(e.text) AS example,
       count(*) AS mentions,
       count(DISTINCT e.doc_id) AS n_documents,
       count(DISTINCT d.province) AS n_provinces,
       group_concat(DISTINCT e.doc_id) AS citing_documents,
       group_concat(DISTINCT d.province) AS citing_provinces
FROM entities e JOIN documents d ON d.doc_id = e.doc_id
WHERE e.label = 'LEGAL_REF' AND json_extract(e.value, '$.canonical_id') IS NOT NULL
GROUP BY json_extract(e.value, '$.canonical_id');

-- agencies by canonical name, with their surface forms
CREATE VIEW IF NOT EXISTS agencies AS
SELECT json_extract(e.value, '$.canonical') AS canonical,
       json_extract(e.value, '$.level') AS level,
       json_extract(e.value, '$.kind') AS kind,
       group_concat(DISTINCT e.text) AS aliases,
       count(*) AS mentions,
       count(DISTINCT e.doc_id) AS n_documents,
       group_concat(DISTINCT e.doc_id) AS documents
FROM entities e
WHERE e.label = 'AGENCY'
GROUP BY json_extract(e.value, '$.canonical');
