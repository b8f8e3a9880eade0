-- Disclosure cases (ADR 0104): the case, its participants, embargo proposals and the case's own
-- event history. Times are BIGINT epoch ms, UTC; sets are TEXT JSON arrays parsed in Java.
-- The public id ACC-YYYY-NNNN is (year, sequence), unique; the service allocates the next sequence
-- of a year in the transaction that inserts the case, so ids have no gaps.

CREATE TABLE cases (
  id                     INTEGER PRIMARY KEY,
  public_id              TEXT    NOT NULL UNIQUE,
  year                   INTEGER NOT NULL,
  sequence               BIGINT  NOT NULL,
  title                  TEXT    NOT NULL,
  tlp                    TEXT    NOT NULL,
  owner_org_id           BIGINT  NOT NULL REFERENCES organizations (id),
  em_state               TEXT    NOT NULL,
  embargo_end            BIGINT,
  embargo_justification  TEXT,
  embargo_proposed_by    BIGINT  REFERENCES organizations (id),
  embargo_since          BIGINT,
  public_aware           SMALLINT NOT NULL,
  exploit_public         SMALLINT NOT NULL,
  attacks_observed       SMALLINT NOT NULL,
  event_count            BIGINT  NOT NULL,
  created_at             BIGINT  NOT NULL,
  updated_at             BIGINT  NOT NULL,
  UNIQUE (year, sequence)
);

CREATE TABLE case_participants (
  case_id          BIGINT   NOT NULL REFERENCES cases (id),
  org_id           BIGINT   NOT NULL REFERENCES organizations (id),
  member_id        BIGINT   REFERENCES members (id),
  roles            TEXT     NOT NULL,
  pec_state        TEXT     NOT NULL,
  vendor_aware     SMALLINT,
  fix_ready        SMALLINT,
  fix_deployed     SMALLINT,
  invited_at       BIGINT   NOT NULL,
  notified_at      BIGINT,
  viewed_at        BIGINT,
  acknowledged_at  BIGINT,
  PRIMARY KEY (case_id, org_id)
);
CREATE INDEX case_participants_org ON case_participants (org_id);

CREATE TABLE case_embargo_proposals (
  id             INTEGER PRIMARY KEY,
  case_id        BIGINT  NOT NULL REFERENCES cases (id),
  org_id         BIGINT  NOT NULL REFERENCES organizations (id),
  end_at         BIGINT  NOT NULL,
  justification  TEXT,
  rsvp_deadline  BIGINT  NOT NULL,
  state          TEXT    NOT NULL,
  proposed_at    BIGINT  NOT NULL
);
CREATE INDEX case_embargo_proposals_case ON case_embargo_proposals (case_id, state);

CREATE TABLE case_events (
  case_id       BIGINT NOT NULL REFERENCES cases (id),
  seq           BIGINT NOT NULL,
  type          TEXT   NOT NULL,
  at            BIGINT NOT NULL,
  actor_org     TEXT   NOT NULL,
  actor_member  TEXT,
  data          TEXT   NOT NULL,
  PRIMARY KEY (case_id, seq)
);
