-- The desk verifies the person out of band before restoring access (R-6.4): how, by whom, when.
ALTER TABLE identity.lost_credential_reports
	ADD COLUMN verification text,
	ADD COLUMN verified_by text,
	ADD COLUMN verified_at timestamptz;
