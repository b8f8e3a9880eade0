-- Thread pages and unread counts kept in memory (ADR 0136). A thread's revision grows with every message
-- posted to it and every edit of one of its messages, in the same transaction (store.CaseMessages), so a
-- process that keeps a thread's messages under the revision it read sees another process's post or edit
-- at its next read of the thread row. Read markers are not part of it: they are read on every request.
ALTER TABLE case_threads ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
