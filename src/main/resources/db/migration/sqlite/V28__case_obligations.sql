-- Obligations tracked per participant (ADR 0138). Adopting a plan adds one row per notification a rule
-- pack asks of a party the plan tells: who (organization_id), what (pack, rule_id, stage, recipients as
-- a JSON list, citation), the clock and term its due time counts from, and the facts it assumes (JSON).
-- An obligation is one per (case, organization, pack, rule): a later adoption adds only new ones and
-- never rewrites one. public_id is random (no count leaks through it). While open, its due time is
-- computed from the case's clocks; due_at is the due time frozen when it was met or missed. done_at is
-- the participant's time, recorded_at the instance's; missed_at the sweep's mark, kept when a late
-- fulfilment follows. Times are BIGINT epoch ms, UTC.
CREATE TABLE case_obligations (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  public_id          TEXT    NOT NULL UNIQUE,
  case_id            BIGINT  NOT NULL REFERENCES cases (id),
  plan_id            BIGINT  NOT NULL REFERENCES case_plans (id),
  organization_id    BIGINT  NOT NULL REFERENCES organizations (id),
  wave               INTEGER NOT NULL,
  pack               TEXT    NOT NULL,
  rule_id            TEXT    NOT NULL,
  stage              TEXT    NOT NULL,
  citation           TEXT    NOT NULL,
  clock              TEXT    NOT NULL,
  within             TEXT,
  after_rule         TEXT,
  recipients         TEXT    NOT NULL,
  assumes            TEXT    NOT NULL,
  created_at         BIGINT  NOT NULL,
  due_at             BIGINT,
  done_at            BIGINT,
  reference          TEXT,
  late               INTEGER,
  recorded_at        BIGINT,
  recorded_by_member BIGINT  REFERENCES members (id),
  missed_at          BIGINT,
  UNIQUE (case_id, organization_id, pack, rule_id)
);
CREATE INDEX case_obligations_open ON case_obligations (recorded_at, missed_at);

-- The conflicts of an adopted plan its case owner or the coordinator acknowledged (ADR 0139): the
-- conflict by its number in the plan, its kind, who and when. Once per conflict.
CREATE TABLE case_plan_conflict_acks (
  plan_id         BIGINT  NOT NULL REFERENCES case_plans (id),
  conflict        INTEGER NOT NULL,
  kind            TEXT    NOT NULL,
  acknowledged_at BIGINT  NOT NULL,
  by_org          BIGINT  NOT NULL REFERENCES organizations (id),
  by_member       BIGINT  REFERENCES members (id),
  PRIMARY KEY (plan_id, conflict)
);
