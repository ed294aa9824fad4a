-- One-time codes refused after a correct password, counted until the next successful
-- sign-in; unlike failed_sign_ins it is not cleared when a temporary lock ends.
ALTER TABLE identity.accounts ADD COLUMN wrong_codes int NOT NULL DEFAULT 0;
