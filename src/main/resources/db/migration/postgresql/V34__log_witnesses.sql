-- This log, witnessed (ADR 0153). log_witnesses: the C2SP witnesses this instance's log submits its
-- checkpoints to (name and cosignature/v1 vkey, submission prefix URL), with the size each witness said it
-- cosigned last (from a cosignature or a 409 text/x.tlog.size answer) and the last attempt's outcome.
-- log_cosignatures: the cosignature lines collected, per checkpoint size and witness, appended to the
-- checkpoint and receipts served. witness_alerts: refusals worth a human's look, on both sides: a witness
-- refusing this log's consistent checkpoint (refused_by_witness), and a log this instance witnesses
-- presenting a checkpoint, signed by its trusted key, that conflicts with what was cosigned (fork_presented).
CREATE TABLE log_witnesses (
  name          TEXT PRIMARY KEY,
  vkey          TEXT NOT NULL,
  url           TEXT NOT NULL,
  witness_size  BIGINT NOT NULL,
  failures      INTEGER NOT NULL,
  last_status   INTEGER,
  last_error    TEXT,
  last_at       BIGINT,
  added_at      BIGINT NOT NULL,
  added_by      TEXT NOT NULL
);
CREATE TABLE log_cosignatures (
  tree_size     BIGINT NOT NULL,
  witness       TEXT NOT NULL REFERENCES log_witnesses (name),
  line          TEXT NOT NULL,
  cosigned_at   BIGINT NOT NULL,
  PRIMARY KEY (tree_size, witness)
);
CREATE TABLE witness_alerts (
  kind          TEXT NOT NULL,
  subject       TEXT NOT NULL,
  tree_size     BIGINT NOT NULL,
  status        INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  first_at      BIGINT NOT NULL,
  last_at       BIGINT NOT NULL,
  times         BIGINT NOT NULL,
  PRIMARY KEY (kind, subject, tree_size, status)
);
