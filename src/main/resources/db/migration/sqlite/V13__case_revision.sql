-- A case's revision (ADR 0111): bumped by every write to the case, its participants or its proposals,
-- so that a reader can tell whether a view it assembled earlier is still the case's. Every write of the
-- case service records a case event (event_count), and a participant's first view, which records none,
-- bumps it too. Readers compare it; nothing else reads it.
ALTER TABLE cases ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
