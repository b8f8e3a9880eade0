-- Documents written when a case is published (ADR 0121) and served by the CSAF provider, the OSV
-- directory and the VEX routes (ADR 0122). Times are BIGINT epoch ms, UTC. A document is written once,
-- in the transaction that marks the case published, and never changed; its hashes are of its UTF-8 bytes.
-- kind is the format label (csaf, osv, openvex, cyclonedx-vex); path is the file's path under the
-- format's root, such as clear/2026/acc-2026-0001.json for CSAF.

CREATE TABLE published_documents (
  id           INTEGER PRIMARY KEY,
  case_id      BIGINT NOT NULL REFERENCES cases (id),
  kind         TEXT   NOT NULL,
  path         TEXT   NOT NULL,
  doc_id       TEXT   NOT NULL,
  title        TEXT   NOT NULL,
  content      TEXT   NOT NULL,
  sha256       TEXT   NOT NULL,
  sha512       TEXT   NOT NULL,
  released_at  BIGINT NOT NULL,
  UNIQUE (kind, path)
);
CREATE INDEX published_documents_case ON published_documents (case_id);

-- The case's stable UUID: the CSAF sharing group of its interim document (CSAF 2.1
-- distribution.sharing_group.id), created on first use.
CREATE TABLE case_sharing_groups (
  case_id  BIGINT NOT NULL PRIMARY KEY REFERENCES cases (id),
  uuid     TEXT   NOT NULL UNIQUE
);
