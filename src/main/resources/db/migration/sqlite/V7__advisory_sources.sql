-- Advisories side by side (ADR 0100): a public advisory is keyed by its id and its source, the
-- importing organization, as OSV.dev keeps one record per source; another organization's import of the
-- same id is a second record beside the first, never refused and never a replacement. A private
-- advisory's scope already names its organization, so the key (advisory_id, scope, owner_org_id) keeps
-- its rules.
--
-- SQLite cannot drop a table's UNIQUE constraint, so advisories is rebuilt with the same row ids. Its
-- children (names, packages, matches, VEX documents) are left as they are: foreign keys are deferred to
-- the commit of this migration's transaction, by which time every parent row is back.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE advisories_v7 AS SELECT * FROM advisories;
DROP TABLE advisories;
CREATE TABLE advisories (
  id             INTEGER PRIMARY KEY,
  advisory_id    TEXT    NOT NULL,
  scope          TEXT    NOT NULL,
  owner_org_id   BIGINT  NOT NULL REFERENCES organizations (id),
  format         TEXT    NOT NULL,
  sha256         TEXT    NOT NULL,
  summary        TEXT    NOT NULL,
  aliases        TEXT    NOT NULL,
  published_at   BIGINT,
  modified_at    BIGINT,
  withdrawn_at   BIGINT,
  document       TEXT    NOT NULL,
  imported_at    BIGINT  NOT NULL,
  UNIQUE (advisory_id, scope, owner_org_id)
);
INSERT INTO advisories (id, advisory_id, scope, owner_org_id, format, sha256, summary, aliases, published_at, modified_at,
    withdrawn_at, document, imported_at)
  SELECT id, advisory_id, scope, owner_org_id, format, sha256, summary, aliases, published_at, modified_at, withdrawn_at,
    document, imported_at FROM advisories_v7;
DROP TABLE advisories_v7;
