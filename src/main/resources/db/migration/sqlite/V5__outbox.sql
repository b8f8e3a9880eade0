-- The ledger outbox (ADR 0085): every accountable event is written here in the same transaction as
-- the change it attests; the ledger writer moves it into the log and deletes the row in the
-- transaction that appends the entry, so a crash at any instant neither loses nor repeats an event.
-- event is the event's canonical JSON without "prev" (the writer chains it when it appends).
-- AUTOINCREMENT: an id is never reused, so a waiting caller never mistakes another event for its own.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  event       BLOB    NOT NULL,
  committed   INTEGER NOT NULL,
  staged_at   BIGINT  NOT NULL
);

-- Separate chains (ADR 0087): a public event's "prev" names only the subject's last public entry, so
-- a private event never shows through the chain. committed = 1 marks an entry held as a salted
-- commitment (it has a row in ledger_secrets).
ALTER TABLE ledger_entries ADD COLUMN committed INTEGER NOT NULL DEFAULT 0;
UPDATE ledger_entries SET committed = 1 WHERE idx IN (SELECT idx FROM ledger_secrets);
CREATE INDEX ledger_entries_chain ON ledger_entries (subject, committed, idx);
