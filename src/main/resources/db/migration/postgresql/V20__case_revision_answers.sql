-- Embargo revisions (ADR 0123): each participant's answer to the open revision of the embargo in force
-- (NONE, ASKED, ACCEPTED, DECLINED; a RevisionAnswer name), kept apart from its consent (pec_state) to
-- the terms in force, which a signatory keeps while a revision is open (Vultron EP-05-002, EP-09-004).
-- NONE outside EM Revise; the owner's decision resets it.
ALTER TABLE case_participants ADD COLUMN revision_answer TEXT NOT NULL DEFAULT 'NONE';
