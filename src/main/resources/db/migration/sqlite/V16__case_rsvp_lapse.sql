-- RSVP deadlines (ADR 0116): when a participant's invitation lapsed (the pocket veto, Vultron
-- MSM-07-007), the deadline that passed, in epoch ms UTC; NULL otherwise. It tells a participant that
-- declined by silence, who may still accept the terms late (Vultron EMB-17-002), from one that
-- declined by its own answer. Any other change of the participant's consent clears it.
ALTER TABLE case_participants ADD COLUMN rsvp_lapsed_at BIGINT;
-- The deadline sweep looks for participants still waiting for an answer.
CREATE INDEX case_participants_pec ON case_participants (pec_state);
