-- Case messages (ADR 0117, 0118): threads, messages with their edit history, their access lists,
-- attachments stored once per SHA-256, per-member read markers and full-text search (FTS5). Times
-- are BIGINT epoch ms, UTC; sets are TEXT JSON arrays of ids. Public ids are random, so that neither
-- an id nor a gap tells of a message or thread the reader may not see.

CREATE TABLE case_threads (
  id          INTEGER PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES cases (id),
  public_id   TEXT   NOT NULL UNIQUE,
  kind        TEXT   NOT NULL,
  subject     TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  UNIQUE (case_id, kind, subject)
);

-- The current text of each message; its versions are in case_message_versions. everyone = 1 when
-- whoever sees the case sees the message; otherwise case_message_grants lists who does.
CREATE TABLE case_messages (
  id             INTEGER PRIMARY KEY,
  case_id        BIGINT  NOT NULL REFERENCES cases (id),
  thread_id      BIGINT  NOT NULL REFERENCES case_threads (id),
  public_id      TEXT    NOT NULL UNIQUE,
  author_org     BIGINT  NOT NULL REFERENCES organizations (id),
  author_member  BIGINT  REFERENCES members (id),
  audience       TEXT    NOT NULL,
  audience_orgs  TEXT,
  tlp            TEXT    NOT NULL,
  recipients     TEXT,
  everyone       SMALLINT NOT NULL,
  body           TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  posted_at      BIGINT  NOT NULL,
  edited_at      BIGINT
);
CREATE INDEX case_messages_thread ON case_messages (thread_id, id);
CREATE INDEX case_messages_case ON case_messages (case_id, id);

CREATE TABLE case_message_grants (
  message_id  BIGINT NOT NULL REFERENCES case_messages (id),
  org_id      BIGINT,
  member_id   BIGINT
);
CREATE INDEX case_message_grants_message ON case_message_grants (message_id, org_id, member_id);

CREATE TABLE case_message_versions (
  message_id  BIGINT  NOT NULL REFERENCES case_messages (id),
  version     INTEGER NOT NULL,
  body        TEXT    NOT NULL,
  at          BIGINT  NOT NULL,
  by_org      BIGINT  NOT NULL REFERENCES organizations (id),
  by_member   BIGINT  REFERENCES members (id),
  PRIMARY KEY (message_id, version)
);

-- Attachment bytes, once per SHA-256 (hex), whatever the number of messages that carry them.
CREATE TABLE case_attachment_blobs (
  sha256   TEXT   PRIMARY KEY,
  size     BIGINT NOT NULL,
  content  BLOB   NOT NULL
);

CREATE TABLE case_message_attachments (
  message_id    BIGINT  NOT NULL REFERENCES case_messages (id),
  position      INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  type          TEXT    NOT NULL,
  sha256        TEXT    NOT NULL REFERENCES case_attachment_blobs (sha256),
  size          BIGINT  NOT NULL,
  tlp           TEXT    NOT NULL,
  PRIMARY KEY (message_id, position)
);

-- The newest message each reader has read in a thread (member_id 0: an organization's machine
-- tokens). A message is unread when it is newer than the marker; seen by whoever's marker reaches it.
CREATE TABLE case_thread_reads (
  thread_id  BIGINT NOT NULL REFERENCES case_threads (id),
  org_id     BIGINT NOT NULL REFERENCES organizations (id),
  member_id  BIGINT NOT NULL,
  last_read  BIGINT NOT NULL,
  read_at    BIGINT NOT NULL,
  PRIMARY KEY (thread_id, org_id, member_id)
);

-- The audience of a case event that tells of a message addressed to some organizations (ADR 0117).
ALTER TABLE case_event_markings ADD COLUMN audience TEXT;

-- Full-text search of the current text, rowid = case_messages.id (ADR 0117).
CREATE VIRTUAL TABLE case_message_text USING fts5 (body, tokenize = 'porter unicode61');
