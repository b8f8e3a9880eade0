-- Parties (ADR 0081): organizations get a country and a contact address; members are people with an
-- e-mail address unique across the instance; API tokens get a public id, an optional member, an
-- expiry and a revocation time. The kind 'other' is gone: the local command line's organization is
-- the instance's coordination desk (cert), any other becomes a researcher.

ALTER TABLE organizations ADD COLUMN country TEXT;
ALTER TABLE organizations ADD COLUMN contact_email TEXT;
UPDATE organizations SET kind = 'cert' WHERE kind = 'other' AND name = 'local';
UPDATE organizations SET kind = 'researcher' WHERE kind = 'other';
-- The local command line's organization exists in every store, so a command that refuses its input
-- has written nothing, not even this row.
INSERT INTO organizations (name, kind, created_at) SELECT 'local', 'cert', 0
  WHERE NOT EXISTS (SELECT 1 FROM organizations WHERE name = 'local');

CREATE TABLE members (
  id          INTEGER PRIMARY KEY,
  org_id      BIGINT  NOT NULL REFERENCES organizations (id),
  email       TEXT    NOT NULL UNIQUE,
  role        TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);
CREATE INDEX members_org ON members (org_id);

ALTER TABLE api_tokens ADD COLUMN public_id TEXT;
ALTER TABLE api_tokens ADD COLUMN member_id BIGINT REFERENCES members (id);
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN revoked_at BIGINT;
UPDATE api_tokens SET public_id = 'tok_' || lower(hex(randomblob(8))), role = CASE role WHEN 'coordinator' THEN 'coordinator' ELSE 'member' END;
CREATE UNIQUE INDEX api_tokens_public_id ON api_tokens (public_id);
CREATE INDEX api_tokens_org ON api_tokens (org_id);
