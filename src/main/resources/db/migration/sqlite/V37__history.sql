-- A track record from history (ADR 0156). One history_imports row per file (its SHA-256 is unique: a file
-- is imported once), one history_cases row per vulnerability and vendor (unique across files: a
-- vulnerability's history is stated once). body is the row as its history.case_imported event holds it
-- (HistoryRow.toData). Rows are written with their events in the outbox and never changed. Times are
-- BIGINT epoch ms, UTC.
CREATE TABLE history_imports (
  id           INTEGER PRIMARY KEY,
  sha256       TEXT    NOT NULL UNIQUE,
  file_name    TEXT    NOT NULL,
  org_id       BIGINT  NOT NULL REFERENCES organizations (id),
  member_id    BIGINT  REFERENCES members (id),
  row_count    INTEGER NOT NULL,
  imported_at  BIGINT  NOT NULL
);

CREATE TABLE history_cases (
  id                 INTEGER PRIMARY KEY,
  public_id          TEXT    NOT NULL UNIQUE,
  import_id          BIGINT  NOT NULL REFERENCES history_imports (id),
  vulnerability_key  TEXT    NOT NULL,
  vendor_key         TEXT    NOT NULL,
  body               TEXT    NOT NULL,
  UNIQUE (vulnerability_key, vendor_key)
);
CREATE INDEX history_cases_import ON history_cases (import_id);
