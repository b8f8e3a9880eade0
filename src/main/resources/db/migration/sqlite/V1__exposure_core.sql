-- Exposure core: organizations, tokens, the component catalogue, SBOM documents, their edges,
-- inventories and deployments. Times are epoch milliseconds (UTC); JSON is TEXT.

CREATE TABLE organizations (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  org_id        BIGINT  NOT NULL REFERENCES organizations (id),
  token_sha256  TEXT    NOT NULL UNIQUE,
  role          TEXT    NOT NULL,
  label         TEXT    NOT NULL,
  created_at    BIGINT  NOT NULL
);

-- The global catalogue: one row per canonical PURL (with version), shared by every SBOM.
CREATE TABLE components (
  id           INTEGER PRIMARY KEY,
  purl         TEXT    NOT NULL UNIQUE,
  package_key  TEXT    NOT NULL,
  version      TEXT    NOT NULL
);
CREATE INDEX components_package_key ON components (package_key);

-- A product version is a component that is the root of at least one SBOM.
CREATE TABLE products (
  id             INTEGER PRIMARY KEY,
  component_id   BIGINT  NOT NULL UNIQUE REFERENCES components (id),
  org_id         BIGINT  NOT NULL REFERENCES organizations (id),
  name           TEXT    NOT NULL,
  document_id    BIGINT
);

CREATE TABLE sbom_documents (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT    NOT NULL UNIQUE,
  product_id       BIGINT  NOT NULL REFERENCES products (id),
  format           TEXT    NOT NULL,
  spec_version     TEXT    NOT NULL,
  uploader_org_id  BIGINT  NOT NULL REFERENCES organizations (id),
  uploaded_at      BIGINT  NOT NULL,
  component_count  INTEGER NOT NULL,
  edge_count       INTEGER NOT NULL,
  warnings         TEXT    NOT NULL,
  replaced_by      BIGINT
);
CREATE INDEX sbom_documents_product ON sbom_documents (product_id);

-- Edges asserted by the live document of each product version. relation: 0 DEPENDS_ON, 1 FORK_OF.
-- inferred = 1 when the SBOM listed the child but no edge from the root reached it.
CREATE TABLE edges (
  document_id  BIGINT   NOT NULL REFERENCES sbom_documents (id),
  parent_id    BIGINT   NOT NULL REFERENCES components (id),
  child_id     BIGINT   NOT NULL REFERENCES components (id),
  relation     SMALLINT NOT NULL,
  inferred     SMALLINT NOT NULL,
  PRIMARY KEY (document_id, parent_id, child_id, relation)
) WITHOUT ROWID;
CREATE INDEX edges_child ON edges (child_id);

CREATE TABLE inventory_documents (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT    NOT NULL UNIQUE,
  format           TEXT    NOT NULL,
  uploader_org_id  BIGINT  NOT NULL REFERENCES organizations (id),
  uploaded_at      BIGINT  NOT NULL,
  row_count        INTEGER NOT NULL
);

CREATE TABLE deployments (
  id                    INTEGER PRIMARY KEY,
  operator_org_id       BIGINT  NOT NULL REFERENCES organizations (id),
  site                  TEXT    NOT NULL,
  sector                TEXT    NOT NULL,
  country               TEXT    NOT NULL,
  criticality           TEXT    NOT NULL,
  product_component_id  BIGINT  NOT NULL REFERENCES components (id),
  inventory_id          BIGINT  NOT NULL REFERENCES inventory_documents (id),
  UNIQUE (operator_org_id, site, product_component_id)
);
CREATE INDEX deployments_product ON deployments (product_component_id);
