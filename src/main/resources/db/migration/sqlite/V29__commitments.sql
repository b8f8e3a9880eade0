-- Commitments (ADR 0140): pledges an organization publishes, and arrangements a foundation or sector
-- body publishes for others to join. public_id is random (cmt_ and 16 hex digits), not the row id.
-- current_version moves only from the version a supersede read (UPDATE ... WHERE current_version =
-- :read), and (commitment_id, version) is the primary key of the versions: the versions of one
-- commitment are a chain 1, 2, 3 ... with no gap and no fork. No version is ever deleted or rewritten;
-- a superseded one gets superseded_at. body is the version's document as JSON (PledgeDocument.describe).
-- Times are BIGINT epoch ms, UTC. Every row is written with its commitment.* event in the outbox.
CREATE TABLE commitments (
  id               INTEGER PRIMARY KEY,
  public_id        TEXT    NOT NULL UNIQUE,
  org_id           BIGINT  NOT NULL REFERENCES organizations (id),
  kind             TEXT    NOT NULL,
  current_version  INTEGER NOT NULL,
  created_at       BIGINT  NOT NULL
);
CREATE INDEX commitments_org ON commitments (org_id);

CREATE TABLE commitment_versions (
  commitment_id        BIGINT  NOT NULL REFERENCES commitments (id),
  version              INTEGER NOT NULL,
  body                 TEXT    NOT NULL,
  published_at         BIGINT  NOT NULL,
  published_by_member  BIGINT  REFERENCES members (id),
  superseded_at        BIGINT,
  PRIMARY KEY (commitment_id, version)
);

-- Who joined which version of an arrangement, and which admin did (the joining organization's own act).
CREATE TABLE commitment_members (
  commitment_id     BIGINT  NOT NULL REFERENCES commitments (id),
  version           INTEGER NOT NULL,
  org_id            BIGINT  NOT NULL REFERENCES organizations (id),
  joined_at         BIGINT  NOT NULL,
  joined_by_member  BIGINT  REFERENCES members (id),
  PRIMARY KEY (commitment_id, version, org_id),
  FOREIGN KEY (commitment_id, version) REFERENCES commitment_versions (commitment_id, version)
);
CREATE INDEX commitment_members_org ON commitment_members (org_id);
