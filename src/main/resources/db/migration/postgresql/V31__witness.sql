-- Accord as a C2SP tlog-witness (ADR 0144). witness_logs: the logs this instance witnesses, by origin,
-- with the signed-note verifier keys trusted for it (one per line) and who added it. witness_checkpoints:
-- per origin, the latest checkpoint cosigned (size 0 and no root until the first one); it advances only by
-- compare-and-set on size (and root at equal size), so two concurrent add-checkpoint requests cannot both
-- advance from the same old size (tlog-witness, "add-checkpoint").
CREATE TABLE witness_logs (
  origin      TEXT PRIMARY KEY,
  vkeys       TEXT NOT NULL,
  added_at    BIGINT NOT NULL,
  added_by    TEXT NOT NULL
);
CREATE TABLE witness_checkpoints (
  origin      TEXT PRIMARY KEY REFERENCES witness_logs (origin),
  origin_hash TEXT NOT NULL UNIQUE,
  size        BIGINT NOT NULL,
  root        TEXT,
  note        TEXT,
  updated_at  BIGINT NOT NULL
);
