-- Reminders sent (ADR 0126): one row per (case, participant, kind, the instant it is about), written in
-- the transaction that writes the reminder's notifications, so a reminder is sent once whatever the
-- restarts and however many sweeps run at once (a second insert of a key does nothing). A changed
-- deadline (a new proposal's RSVP deadline, a revised embargo end) is a new about_at, so a new reminder.
-- kind is a disclosure.Reminders.Kind label; about_at and sent_at are epoch ms UTC.
CREATE TABLE case_reminders (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    BIGINT  NOT NULL REFERENCES cases (id),
  org_id     BIGINT  NOT NULL REFERENCES organizations (id),
  kind       TEXT    NOT NULL,
  about_at   BIGINT  NOT NULL,
  sent_at    BIGINT  NOT NULL,
  notified   INTEGER NOT NULL,
  UNIQUE (case_id, org_id, kind, about_at)
);
