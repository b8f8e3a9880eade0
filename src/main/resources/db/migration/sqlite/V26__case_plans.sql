-- Notification plans of cases (ADR 0133, 0134). A case has at most one draft and at most one adopted
-- plan (the partial unique indexes); adopting a draft supersedes the adopted plan, which is kept.
-- Recomputing deletes the previous draft: ids are never reused, so a stale draft id is refused, never
-- taken for a newer draft. body is the plan as JSON (waves, recipients with their reasons, withheld
-- counts, notes; room per wave for rules and conflicts). Times are BIGINT epoch ms, UTC.
CREATE TABLE case_plans (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id            BIGINT  NOT NULL REFERENCES cases (id),
  state              TEXT    NOT NULL,
  strategy           TEXT    NOT NULL,
  computed_at        BIGINT  NOT NULL,
  computed_by_org    BIGINT  NOT NULL REFERENCES organizations (id),
  computed_by_member BIGINT  REFERENCES members (id),
  adopted_at         BIGINT,
  adopted_by_org     BIGINT  REFERENCES organizations (id),
  adopted_by_member  BIGINT  REFERENCES members (id),
  body               TEXT    NOT NULL
);
CREATE INDEX case_plans_case ON case_plans (case_id, state);
CREATE UNIQUE INDEX case_plans_one_draft ON case_plans (case_id) WHERE state = 'draft';
CREATE UNIQUE INDEX case_plans_one_adopted ON case_plans (case_id) WHERE state = 'adopted';

-- One row per wave of a plan, what the sweep reads: its kind, due time and gate (copied from the body),
-- when it went out (sent_at), and for the publication wave when the case owner was told it is due
-- (told_at; the publication wave is sent when the case is published).
CREATE TABLE case_plan_waves (
  plan_id  BIGINT  NOT NULL REFERENCES case_plans (id),
  number   INTEGER NOT NULL,
  kind     TEXT    NOT NULL,
  due_at   BIGINT  NOT NULL,
  gate     TEXT,
  sent_at  BIGINT,
  told_at  BIGINT,
  PRIMARY KEY (plan_id, number)
);
CREATE INDEX case_plan_waves_due ON case_plan_waves (sent_at, due_at);
