-- Need-to-know on case items (ADR 0112) and the per-case access log (ADR 0113). Times are BIGINT
-- epoch ms, UTC. Recipients are TEXT JSON arrays of member ids, set on TLP:RED items only (NULL
-- otherwise). The person who created an item is NULL when a machine token (the organization as a
-- whole) did, and for items stored before V12.

ALTER TABLE cases ADD COLUMN created_by_member BIGINT;
ALTER TABLE cases ADD COLUMN recipients TEXT;
ALTER TABLE case_vulnerabilities ADD COLUMN created_by_member BIGINT;
ALTER TABLE case_vulnerabilities ADD COLUMN recipients TEXT;
ALTER TABLE case_statuses ADD COLUMN set_by_member BIGINT;
ALTER TABLE case_statuses ADD COLUMN recipients TEXT;

-- The marking of a case event that tells of one item (a vulnerability, a status): the item's label
-- when the event was written, so the history shows the event to exactly those who see the item.
-- Events without a row here are the case's own and follow the case's visibility.
CREATE TABLE case_event_markings (
  case_id         BIGINT NOT NULL REFERENCES cases (id),
  seq             BIGINT NOT NULL,
  tlp             TEXT   NOT NULL,
  org_id          BIGINT NOT NULL REFERENCES organizations (id),
  creator_org     BIGINT NOT NULL REFERENCES organizations (id),
  creator_member  BIGINT,
  recipients      TEXT,
  PRIMARY KEY (case_id, seq)
);

-- Who viewed what of a case: one row per viewer (organization and member, NULL for a machine token)
-- and kind of view per flush window, with the first and last view and how many. Rows with org_id
-- NULL count views that were not recorded because the pending buffer was full (ADR 0113).
CREATE TABLE case_access_log (
  id           INTEGER PRIMARY KEY,
  case_id      BIGINT NOT NULL REFERENCES cases (id),
  org_id       BIGINT REFERENCES organizations (id),
  member_id    BIGINT,
  what         TEXT   NOT NULL,
  first_at     BIGINT NOT NULL,
  last_at      BIGINT NOT NULL,
  views        BIGINT NOT NULL
);
CREATE INDEX case_access_log_case ON case_access_log (case_id, first_at);
