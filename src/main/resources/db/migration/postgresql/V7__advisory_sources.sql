-- Advisories side by side (ADR 0100): a public advisory is keyed by its id and its source, the
-- importing organization, as OSV.dev keeps one record per source; another organization's import of the
-- same id is a second record beside the first, never refused and never a replacement. A private
-- advisory's scope already names its organization, so the key (advisory_id, scope, owner_org_id) keeps
-- its rules.
ALTER TABLE advisories DROP CONSTRAINT advisories_advisory_id_scope_key;
ALTER TABLE advisories ADD CONSTRAINT advisories_id_scope_source_key UNIQUE (advisory_id, scope, owner_org_id);
