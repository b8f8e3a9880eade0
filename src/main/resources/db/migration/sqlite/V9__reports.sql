-- Vulnerability reports (ADR 0106): the report as parsed, who sent it (an organization and member, or
-- nobody for an anonymous report, which has a follow-up secret stored only as its SHA-256), the Report
-- Management state of each participant, and the messages between finder and coordinator. Times are
-- BIGINT epoch ms, UTC. The public id RPT-... is random, so ids reveal neither order nor volume.

CREATE TABLE reports (
  id                  INTEGER PRIMARY KEY,
  public_id           TEXT    NOT NULL UNIQUE,
  reporter_org_id     BIGINT  REFERENCES organizations (id),
  reporter_member_id  BIGINT  REFERENCES members (id),
  follow_hash         TEXT    UNIQUE,
  title               TEXT    NOT NULL,
  body                TEXT    NOT NULL,
  case_id             BIGINT  REFERENCES cases (id),
  duplicate           SMALLINT NOT NULL,
  created_at          BIGINT  NOT NULL,
  updated_at          BIGINT  NOT NULL
);
CREATE INDEX reports_reporter ON reports (reporter_org_id);

CREATE TABLE report_states (
  report_id   BIGINT NOT NULL REFERENCES reports (id),
  org_id      BIGINT NOT NULL REFERENCES organizations (id),
  state       TEXT   NOT NULL,
  updated_at  BIGINT NOT NULL,
  PRIMARY KEY (report_id, org_id)
);

CREATE TABLE report_messages (
  id          INTEGER PRIMARY KEY,
  report_id   BIGINT NOT NULL REFERENCES reports (id),
  author      TEXT   NOT NULL,
  body        TEXT   NOT NULL,
  at          BIGINT NOT NULL
);
CREATE INDEX report_messages_report ON report_messages (report_id, id);
