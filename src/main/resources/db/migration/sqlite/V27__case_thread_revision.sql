-- Thread pages and unread counts kept in memory (ADR 0136). Each revision below grows in the transaction
-- of the write it follows (store.CaseMessages), so a process that keeps what it read under the revision
-- it read first sees another process's write at its next read of that revision:
-- - a thread's revision, with every message posted to it and every edit of one of its messages;
-- - a case's message revision, with every message posted to it or edited (the list of its threads and
--   their revisions is kept under it);
-- - a reader's marks revision in a case, with every mark-read of that reader there (its markers are kept
--   under it).
ALTER TABLE case_threads ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN message_revision BIGINT NOT NULL DEFAULT 0;
CREATE TABLE case_reader_marks (
  case_id    BIGINT NOT NULL REFERENCES cases (id),
  org_id     BIGINT NOT NULL,
  member_id  BIGINT NOT NULL,
  revision   BIGINT NOT NULL,
  PRIMARY KEY (case_id, org_id, member_id)
);
