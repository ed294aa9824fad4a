-- Administrators' consent confirmations (R-7.3) belong to the terms module, beside the
-- acceptances: the table moves with its rows, its row-level-security policy and grants.
-- The account is referred to by id only, as in terms.acceptances, so that no module's
-- table points into another's schema.
ALTER TABLE identity.consent_confirmations SET SCHEMA terms;
ALTER TABLE terms.consent_confirmations DROP CONSTRAINT IF EXISTS consent_confirmations_account_id_fkey;
ALTER TABLE terms.consent_confirmations ADD COLUMN kind text NOT NULL DEFAULT 'personal-information';
ALTER TABLE terms.consent_confirmations ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE terms.consent_confirmations ADD CONSTRAINT consent_confirmations_version
	FOREIGN KEY (kind, terms_version) REFERENCES terms.documents (kind, version);
-- Append-only: the application may read and add confirmations, never change them.
REVOKE UPDATE ON terms.consent_confirmations FROM ${appRole};
