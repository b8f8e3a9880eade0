-- Exercises (ADR 0158): a simulation posted to /api/v1/exercises or a live tabletop, who started it, and its
-- report once there is one. A tabletop's own cases, events and log live in its sandbox's data directory,
-- never here. Times are BIGINT epoch ms, UTC.
CREATE TABLE exercises (
  id              TEXT    NOT NULL PRIMARY KEY,
  kind            TEXT    NOT NULL,
  organization_id BIGINT  NOT NULL REFERENCES organizations (id),
  member_email    TEXT,
  scenario        TEXT    NOT NULL,
  state           TEXT    NOT NULL,
  created_at      BIGINT  NOT NULL,
  ended_at        BIGINT,
  report_json     TEXT,
  report_html     TEXT
);
