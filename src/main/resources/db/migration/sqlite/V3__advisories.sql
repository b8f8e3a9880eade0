-- Advisories, their affected packages, the persisted matches (advisory x package version), VEX
-- documents and statements, and the exploitation evidence feeds (KEV, EPSS). Times are epoch
-- milliseconds (UTC); JSON is TEXT.

-- One row per advisory. scope is 'public' or 'org:<organization id>' for a privately imported one, so
-- the same id may exist once publicly and once privately per organization without either being
-- visible to, or blocked by, anyone else.
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
  UNIQUE (advisory_id, scope)
);

-- Every name of an advisory (its id and aliases), for lookups by CVE and for VEX statements.
CREATE TABLE advisory_names (
  advisory_pk  BIGINT NOT NULL REFERENCES advisories (id),
  name         TEXT   NOT NULL,
  PRIMARY KEY (advisory_pk, name)
);
CREATE INDEX advisory_names_name ON advisory_names (name);

-- The affected entries, in document order; spec is the entry as JSON (ranges, versions, vers).
CREATE TABLE advisory_packages (
  advisory_pk  BIGINT   NOT NULL REFERENCES advisories (id),
  position     INTEGER  NOT NULL,
  ecosystem    TEXT     NOT NULL,
  name         TEXT     NOT NULL,
  package_key  TEXT     NOT NULL,
  spec         TEXT     NOT NULL,
  evaluable    SMALLINT NOT NULL,
  PRIMARY KEY (advisory_pk, position)
);
CREATE INDEX advisory_packages_key ON advisory_packages (package_key);

-- Which package versions each advisory affects; products and deployments follow from the graph.
CREATE TABLE advisory_matches (
  advisory_pk   BIGINT NOT NULL REFERENCES advisories (id),
  component_id  BIGINT NOT NULL REFERENCES components (id),
  PRIMARY KEY (advisory_pk, component_id)
);
CREATE INDEX advisory_matches_component ON advisory_matches (component_id);

-- Matcher bookkeeping: 'component_watermark' is the highest component id matched against every advisory.
CREATE TABLE matcher_state (
  name   TEXT   PRIMARY KEY,
  value  BIGINT NOT NULL
);

-- coordinator = 1 when a coordinator uploaded it: its statements apply to any product; otherwise only
-- to the products whose SBOMs the uploading organization supplied.
CREATE TABLE vex_documents (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT    NOT NULL UNIQUE,
  format           TEXT    NOT NULL,
  author           TEXT    NOT NULL,
  uploader_org_id  BIGINT  NOT NULL REFERENCES organizations (id),
  uploaded_at      BIGINT  NOT NULL,
  coordinator      SMALLINT NOT NULL,
  statement_count  INTEGER NOT NULL,
  advisory_pk      BIGINT  REFERENCES advisories (id)
);

CREATE TABLE vex_statements (
  id                INTEGER PRIMARY KEY,
  document_id       BIGINT  NOT NULL REFERENCES vex_documents (id),
  vulnerability     TEXT    NOT NULL,
  aliases           TEXT    NOT NULL,
  product           TEXT    NOT NULL,
  product_key       TEXT    NOT NULL,
  product_version   TEXT    NOT NULL,
  product_range     TEXT    NOT NULL,
  subcomponents     TEXT    NOT NULL,
  status            TEXT    NOT NULL,
  justification     TEXT    NOT NULL,
  impact_statement  TEXT    NOT NULL,
  action_statement  TEXT    NOT NULL,
  stated_at         BIGINT
);

-- Every name a statement's vulnerability goes by, for lookups by any of an advisory's names.
CREATE TABLE vex_statement_names (
  statement_id  BIGINT NOT NULL REFERENCES vex_statements (id),
  name          TEXT   NOT NULL,
  PRIMARY KEY (statement_id, name)
);
CREATE INDEX vex_statement_names_name ON vex_statement_names (name);

-- Evidence feeds: each import is a snapshot; the entries of the latest snapshot per feed are kept.
-- published is the feed's own timestamp, exactly (decisions cite it); published_at orders snapshots.
CREATE TABLE feed_snapshots (
  id            INTEGER PRIMARY KEY,
  feed          TEXT    NOT NULL,
  version       TEXT    NOT NULL,
  published_at  BIGINT  NOT NULL,
  published     TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  entry_count   INTEGER NOT NULL,
  imported_at   BIGINT  NOT NULL
);
CREATE INDEX feed_snapshots_feed ON feed_snapshots (feed, published_at);

CREATE TABLE kev_entries (
  cve          TEXT   PRIMARY KEY,
  snapshot_id  BIGINT NOT NULL REFERENCES feed_snapshots (id),
  entry        TEXT   NOT NULL
);

CREATE TABLE epss_scores (
  cve          TEXT             PRIMARY KEY,
  snapshot_id  BIGINT           NOT NULL REFERENCES feed_snapshots (id),
  epss         DOUBLE PRECISION NOT NULL,
  percentile   DOUBLE PRECISION NOT NULL
);
