-- Case vulnerabilities and statuses per participant and product (ADR 0107). Times are BIGINT epoch
-- ms, UTC. The affected packages are a TEXT JSON array of {"purl", "range"} with the range as vers:
-- text, parsed again in Java. The times a participant was notified, first viewed the case and
-- acknowledged it stay on case_participants (V8): they are the participant's, not one product's.

CREATE TABLE case_vulnerabilities (
  id          INTEGER PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES cases (id),
  alias       TEXT   NOT NULL,
  affected    TEXT   NOT NULL,
  cvss        TEXT,
  tlp         TEXT   NOT NULL,
  org_id      BIGINT NOT NULL REFERENCES organizations (id),
  created_at  BIGINT NOT NULL
);
CREATE INDEX case_vulnerabilities_case ON case_vulnerabilities (case_id);

-- vex_status NULL means not yet checked; 'not_affected' is a checked answer. Never conflated.
CREATE TABLE case_statuses (
  case_id        BIGINT NOT NULL REFERENCES cases (id),
  org_id         BIGINT NOT NULL REFERENCES organizations (id),
  product        TEXT   NOT NULL,
  vex_status     TEXT,
  justification  TEXT,
  involvement    TEXT   NOT NULL,
  tlp            TEXT   NOT NULL,
  set_by_org     BIGINT NOT NULL REFERENCES organizations (id),
  updated_at     BIGINT NOT NULL,
  PRIMARY KEY (case_id, org_id, product)
);
