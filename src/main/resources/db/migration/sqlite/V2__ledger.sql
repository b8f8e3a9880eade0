-- Transparency ledger: the Merkle log stored as C2SP tlog-tiles, its entries, signed checkpoints,
-- and the secrets of private (committed) events.
-- Entries, tiles and the checkpoint of one append batch are written in one transaction.

-- One row per log entry (the tlog-tiles entry bundles are cut from these). subject and event_hash
-- index each subject's hash chain: the newest row of a subject is its head, which the next event of
-- that subject names as "prev". For a private event they are not public.
CREATE TABLE ledger_entries (
  idx         INTEGER PRIMARY KEY,
  data        BLOB    NOT NULL,
  subject     TEXT    NOT NULL,
  event_hash  BLOB    NOT NULL
);
CREATE INDEX ledger_entries_subject ON ledger_entries (subject, idx);

-- Hash tiles: up to 256 hashes at tree height 8*level, starting at node 256*idx. A partial tile is
-- rewritten as it grows; its first width hashes never change.
CREATE TABLE ledger_tiles (
  level   INTEGER NOT NULL,
  idx     BIGINT  NOT NULL,
  width   INTEGER NOT NULL,
  hashes  BLOB    NOT NULL,
  PRIMARY KEY (level, idx)
);

-- Every signed checkpoint: one per append batch (receipts prove against it); published_at is set
-- when the publisher made it the log's current checkpoint.
CREATE TABLE ledger_checkpoints (
  tree_size     BIGINT  PRIMARY KEY,
  root          BLOB    NOT NULL,
  note          TEXT    NOT NULL,
  created_at    BIGINT  NOT NULL,
  published_at  BIGINT
);

-- Salt and event of each private entry, revealed to auditors after publication.
CREATE TABLE ledger_secrets (
  idx    INTEGER PRIMARY KEY,
  salt   BLOB    NOT NULL,
  event  BLOB    NOT NULL
);
