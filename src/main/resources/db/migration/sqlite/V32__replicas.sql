-- Replicas over one PostgreSQL (ADR 0146). On SQLite one process writes and applies the feed itself;
-- AUTOINCREMENT never reuses an id.
--
-- The change feed: one row per committed change that an in-memory index depends on (SBOM edges and
-- deployments of the exposure graph, claims, advisories, VEX, case membership), written in the
-- change's own transaction. Writers take one transaction-level advisory lock before they insert, so
-- ids commit in id order and a replica that has read id N has seen every change below N. payload is
-- JSON (TEXT), read in Java; kind names an app.replicas.ChangeKind.
CREATE TABLE changes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT    NOT NULL,
  payload     TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);

-- Which log index each outbox event got, written by the log writer in the transaction that appends
-- it: a replica that staged the event but does not lead the log writer reads its index here.
CREATE TABLE outbox_appended (
  outbox_id    BIGINT PRIMARY KEY,
  idx          BIGINT NOT NULL,
  appended_at  BIGINT NOT NULL
);
CREATE INDEX outbox_appended_at ON outbox_appended (appended_at);

-- Rate-limit counters shared by every replica: one row per counted request, by scope and the SHA-256
-- of the key (a client address is never stored in the clear); rows older than the window are deleted
-- as the key is counted again.
CREATE TABLE rate_limit_hits (
  scope     TEXT   NOT NULL,
  key_hash  TEXT   NOT NULL,
  at        BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_key ON rate_limit_hits (scope, key_hash, at);
