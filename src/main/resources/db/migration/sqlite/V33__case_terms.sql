-- The terms a case declares for its plan and embargo (ADR 0152): the disclosure policy it adopted (an id
-- of the policy packs in use, null for none) and when, and the facts Accord does not record itself that
-- rule packs test (network product, significant incident: 1 yes, 0 no, null unknown). One row per case,
-- written by its owner or the coordinator; who and when is in the case's events. Times are BIGINT epoch
-- ms, UTC.
CREATE TABLE case_terms (
  case_id              BIGINT  NOT NULL PRIMARY KEY REFERENCES cases (id),
  policy               TEXT,
  policy_adopted_at    BIGINT,
  network_product      SMALLINT,
  significant_incident SMALLINT,
  updated_at           BIGINT  NOT NULL
);
