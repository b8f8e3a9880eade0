-- Notification delivery (ADR 0119, 0120). notifications is the notification outbox: rows written in
-- the transaction of the case event they tell of, one per recipient and channel, each with a unique
-- idempotency key (source:recipient:channel), so a crash neither loses nor repeats one. The worker
-- claims due rows (state pending, due_at <= now, lease passed), delivers them and marks them sent, or
-- schedules a retry (due_at, attempts, last_error) until the attempts run out (state dead: the
-- dead-letter list). Inbox rows are delivered when written (state sent) and read in place (read_at).
-- member_id is the person for email and inbox; NULL for a webhook, whose recipient is org_id.
-- body is the JSON of what the recipient may see, fixed when the row is written.
CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  idem_key      TEXT    NOT NULL UNIQUE,
  channel       TEXT    NOT NULL,
  org_id        BIGINT  NOT NULL REFERENCES organizations (id),
  member_id     BIGINT  REFERENCES members (id),
  case_id       TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  digest        INTEGER NOT NULL DEFAULT 0,
  state         TEXT    NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  due_at        BIGINT  NOT NULL,
  leased_until  BIGINT  NOT NULL DEFAULT 0,
  last_error    TEXT,
  created_at    BIGINT  NOT NULL,
  sent_at       BIGINT,
  read_at       BIGINT
);
CREATE INDEX notifications_due ON notifications (state, due_at);
CREATE INDEX notifications_inbox ON notifications (member_id, channel, id);

-- Each member's choice of channels and digest (ADR 0120); no row means the defaults (all channels,
-- immediate).
CREATE TABLE notification_preferences (
  member_id   BIGINT  PRIMARY KEY REFERENCES members (id),
  email       INTEGER NOT NULL,
  webhook     INTEGER NOT NULL,
  inbox       INTEGER NOT NULL,
  digest      TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL
);

-- One webhook per organization (ADR 0120): an http(s) URL and the secret its deliveries are signed with.
CREATE TABLE organization_webhooks (
  org_id      BIGINT  PRIMARY KEY REFERENCES organizations (id),
  url         TEXT    NOT NULL,
  secret      TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL
);
