-- Product claims and per-uploader documents (ADRs 0091-0094).
--
-- 1. A product namespace (a PURL without version, or a prefix ending in '/') belongs to an
--    organization through a claim the coordinator approves; being the first to upload an SBOM no
--    longer makes anyone a product's supplier. At most one approved claim per namespace, and one open
--    (pending or approved) claim per organization and namespace.
-- 2. SBOM and VEX documents are unique per uploading organization, not instance-wide: another
--    organization's upload of the same bytes is its own document, never a duplicate of someone
--    else's. SQLite cannot drop a column's UNIQUE constraint, so both tables are rebuilt, children
--    first, inside this migration's transaction.
-- 3. A VEX document remembers whether it was uploaded privately.

CREATE TABLE product_claims (
  id          INTEGER PRIMARY KEY,
  public_id   TEXT    NOT NULL UNIQUE,
  org_id      BIGINT  NOT NULL REFERENCES organizations (id),
  namespace   TEXT    NOT NULL,
  state       TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  decided_at  BIGINT
);
CREATE INDEX product_claims_org ON product_claims (org_id);
CREATE UNIQUE INDEX product_claims_one_owner ON product_claims (namespace) WHERE state = 'approved';
CREATE UNIQUE INDEX product_claims_one_open ON product_claims (org_id, namespace) WHERE state IN ('pending', 'approved');

-- SBOM documents: keep the rows, drop the instance-wide UNIQUE (sha256).
CREATE TABLE edges_v6 AS SELECT * FROM edges;
DROP TABLE edges;
CREATE TABLE sbom_documents_v6 AS SELECT * FROM sbom_documents;
DROP TABLE sbom_documents;
CREATE TABLE sbom_documents (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT    NOT NULL,
  product_id       BIGINT  NOT NULL REFERENCES products (id),
  format           TEXT    NOT NULL,
  spec_version     TEXT    NOT NULL,
  uploader_org_id  BIGINT  NOT NULL REFERENCES organizations (id),
  uploaded_at      BIGINT  NOT NULL,
  component_count  INTEGER NOT NULL,
  edge_count       INTEGER NOT NULL,
  warnings         TEXT    NOT NULL,
  replaced_by      BIGINT,
  UNIQUE (sha256, uploader_org_id)
);
INSERT INTO sbom_documents (id, sha256, product_id, format, spec_version, uploader_org_id, uploaded_at, component_count,
    edge_count, warnings, replaced_by)
  SELECT id, sha256, product_id, format, spec_version, uploader_org_id, uploaded_at, component_count, edge_count, warnings,
    replaced_by FROM sbom_documents_v6;
DROP TABLE sbom_documents_v6;
CREATE INDEX sbom_documents_product ON sbom_documents (product_id, uploader_org_id);
CREATE TABLE edges (
  document_id  BIGINT   NOT NULL REFERENCES sbom_documents (id),
  parent_id    BIGINT   NOT NULL REFERENCES components (id),
  child_id     BIGINT   NOT NULL REFERENCES components (id),
  relation     SMALLINT NOT NULL,
  inferred     SMALLINT NOT NULL,
  PRIMARY KEY (document_id, parent_id, child_id, relation)
) WITHOUT ROWID;
INSERT INTO edges (document_id, parent_id, child_id, relation, inferred)
  SELECT document_id, parent_id, child_id, relation, inferred FROM edges_v6;
DROP TABLE edges_v6;
CREATE INDEX edges_child ON edges (child_id);

-- VEX documents: the same, with their statements and the statements' names.
CREATE TABLE vex_statement_names_v6 AS SELECT * FROM vex_statement_names;
DROP TABLE vex_statement_names;
CREATE TABLE vex_statements_v6 AS SELECT * FROM vex_statements;
DROP TABLE vex_statements;
CREATE TABLE vex_documents_v6 AS SELECT * FROM vex_documents;
DROP TABLE vex_documents;
CREATE TABLE vex_documents (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT    NOT NULL,
  format           TEXT    NOT NULL,
  author           TEXT    NOT NULL,
  uploader_org_id  BIGINT  NOT NULL REFERENCES organizations (id),
  uploaded_at      BIGINT  NOT NULL,
  coordinator      SMALLINT NOT NULL,
  statement_count  INTEGER NOT NULL,
  advisory_pk      BIGINT  REFERENCES advisories (id),
  is_private       SMALLINT NOT NULL DEFAULT 0,
  UNIQUE (sha256, uploader_org_id)
);
INSERT INTO vex_documents (id, sha256, format, author, uploader_org_id, uploaded_at, coordinator, statement_count, advisory_pk,
    is_private)
  SELECT d.id, d.sha256, d.format, d.author, d.uploader_org_id, d.uploaded_at, d.coordinator, d.statement_count, d.advisory_pk,
    CASE WHEN EXISTS (SELECT 1 FROM advisories a WHERE a.id = d.advisory_pk AND a.scope <> 'public') THEN 1 ELSE 0 END
  FROM vex_documents_v6 d;
DROP TABLE vex_documents_v6;
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
INSERT INTO vex_statements (id, document_id, vulnerability, aliases, product, product_key, product_version, product_range,
    subcomponents, status, justification, impact_statement, action_statement, stated_at)
  SELECT id, document_id, vulnerability, aliases, product, product_key, product_version, product_range, subcomponents, status,
    justification, impact_statement, action_statement, stated_at FROM vex_statements_v6;
DROP TABLE vex_statements_v6;
CREATE TABLE vex_statement_names (
  statement_id  BIGINT NOT NULL REFERENCES vex_statements (id),
  name          TEXT   NOT NULL,
  PRIMARY KEY (statement_id, name)
);
INSERT INTO vex_statement_names (statement_id, name) SELECT statement_id, name FROM vex_statement_names_v6;
DROP TABLE vex_statement_names_v6;
CREATE INDEX vex_statement_names_name ON vex_statement_names (name);
