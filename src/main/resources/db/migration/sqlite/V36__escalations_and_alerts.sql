-- Graduated escalation and anomaly alerts (ADR 0155, issue 12 items 5 and 6).
--
-- case_escalations: one row per step a deadline took, unique per (case, deadline, level), so concurrent
-- sweeps on one instance or on several replicas take each step once: the insert that wins stages the
-- step's case event in its transaction, the others insert nothing. deadline_key names the deadline
-- within its case (a pledge term for a participant, or an obligation); source is commitment or
-- obligation; step_at is when the step fell due (due time plus the ladder's offset), taken_at when the
-- sweep took it. A deadline kept late keeps its rows: nothing is deleted.
CREATE TABLE case_escalations (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id         BIGINT  NOT NULL REFERENCES cases (id),
  deadline_key    TEXT    NOT NULL,
  source          TEXT    NOT NULL,
  organization_id BIGINT  NOT NULL REFERENCES organizations (id),
  level           TEXT    NOT NULL,
  due_at          BIGINT  NOT NULL,
  step_at         BIGINT  NOT NULL,
  taken_at        BIGINT  NOT NULL,
  UNIQUE (case_id, deadline_key, level)
);

-- case_alerts: one row per anomaly raised, unique per (case, kind, subject): the subject says what it
-- is about (the A or X event's sequence number, a fix and the day count, a deadline), so a sweep raises
-- each once. public_id is random (no count leaks through it); data is the alert as JSON.
CREATE TABLE case_alerts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  public_id  TEXT    NOT NULL UNIQUE,
  case_id    BIGINT  NOT NULL REFERENCES cases (id),
  kind       TEXT    NOT NULL,
  subject    TEXT    NOT NULL,
  raised_at  BIGINT  NOT NULL,
  data       TEXT    NOT NULL,
  UNIQUE (case_id, kind, subject)
);
CREATE INDEX case_alerts_raised ON case_alerts (raised_at);
