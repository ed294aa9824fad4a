-- Staff and portal users, their credentials, sessions' companions and reports (R-6, R-7, R-PI).
CREATE SCHEMA IF NOT EXISTS identity;
GRANT USAGE ON SCHEMA identity TO ${appRole};

-- Login IDs are issued from this sequence and never reused: retired accounts keep their row.
CREATE SEQUENCE identity.login_id_numbers START 100001;
GRANT USAGE ON SEQUENCE identity.login_id_numbers TO ${appRole};

CREATE TABLE identity.accounts (
	id                uuid        PRIMARY KEY,
	login_id          text        NOT NULL UNIQUE,
	kind              text        NOT NULL CHECK (kind IN ('USER', 'STAFF')),
	customer_id       uuid,
	company_scope     text,
	third_party       text,
	-- Personal information is exactly these three (R-PI.1); erased on withdrawal.
	name              text,
	email             text,
	phone             text,
	roles             text[]      NOT NULL,
	service_scope     text[]      NOT NULL DEFAULT '{}',
	instance_scope    text[]      NOT NULL DEFAULT '{}',
	language          text        NOT NULL DEFAULT 'en',
	state             text        NOT NULL,
	password_hash     text,
	totp_secret       text,
	-- The last accepted one-time-code step: a code is never accepted twice.
	totp_last_step    bigint      NOT NULL DEFAULT 0,
	failed_sign_ins   int         NOT NULL DEFAULT 0,
	locked_until      timestamptz,
	credentials_at    timestamptz,
	created_at        timestamptz NOT NULL,
	created_by        text        NOT NULL,
	activated_at      timestamptz,
	version           bigint      NOT NULL DEFAULT 0,
	CHECK ((kind = 'USER') = (customer_id IS NOT NULL))
);
-- Administrators list their customer's users; the desk searches by customer.
CREATE INDEX accounts_customer ON identity.accounts (customer_id, login_id);
CREATE INDEX accounts_email ON identity.accounts (lower(email));

-- Who confirmed that the person consented to which version of the personal information
-- terms, before the account was registered (R-7.3).
CREATE TABLE identity.consent_confirmations (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id   uuid        NOT NULL REFERENCES identity.accounts (id),
	customer_id  uuid,
	terms_version int        NOT NULL,
	confirmed_by text        NOT NULL,
	confirmed_at timestamptz NOT NULL
);
CREATE INDEX consent_confirmations_account ON identity.consent_confirmations (account_id);

-- Single-use links for activation and resets; only their hash is kept.
CREATE TABLE identity.activation_links (
	token_hash  bytea       PRIMARY KEY,
	account_id  uuid        NOT NULL REFERENCES identity.accounts (id),
	customer_id uuid,
	purpose     text        NOT NULL,
	-- The second-factor secret offered on the activation page until the link is used.
	pending_totp_secret text,
	created_at  timestamptz NOT NULL,
	expires_at  timestamptz NOT NULL,
	used_at     timestamptz,
	revoked_at  timestamptz
);
CREATE INDEX activation_links_account ON identity.activation_links (account_id);

CREATE TABLE identity.recovery_codes (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id  uuid        NOT NULL REFERENCES identity.accounts (id),
	customer_id uuid,
	code_hash   bytea       NOT NULL,
	used_at     timestamptz
);
CREATE INDEX recovery_codes_account ON identity.recovery_codes (account_id);

-- Personal API tokens; only their hash is kept.
CREATE TABLE identity.api_tokens (
	id           uuid        PRIMARY KEY,
	account_id   uuid        NOT NULL REFERENCES identity.accounts (id),
	customer_id  uuid,
	name         text        NOT NULL,
	token_hash   bytea       NOT NULL UNIQUE,
	created_at   timestamptz NOT NULL,
	expires_at   timestamptz NOT NULL,
	last_used_at timestamptz,
	revoked_at   timestamptz
);
CREATE INDEX api_tokens_account ON identity.api_tokens (account_id);

-- Reports of lost or stolen login information, queued for the Company's desk (R-6.4).
CREATE TABLE identity.lost_credential_reports (
	id          uuid        PRIMARY KEY,
	account_id  uuid        NOT NULL REFERENCES identity.accounts (id),
	customer_id uuid,
	channel     text        NOT NULL,
	reported_by text        NOT NULL,
	reported_at timestamptz NOT NULL,
	origin      text        NOT NULL DEFAULT '',
	handled_at  timestamptz,
	handled_by  text
);
CREATE INDEX lost_credential_reports_open ON identity.lost_credential_reports (reported_at) WHERE handled_at IS NULL;

-- Every table above is tenant-owned: a customer's rows are its own; staff rows (no
-- customer) are seen only by the Company's staff and the portal's jobs.
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['accounts', 'consent_confirmations', 'activation_links', 'recovery_codes', 'api_tokens', 'lost_credential_reports'] LOOP
		EXECUTE format('ALTER TABLE identity.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE identity.%I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY %I ON identity.%I USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id))', t || '_tenant', t);
		EXECUTE format('GRANT SELECT, INSERT, UPDATE ON identity.%I TO ${appRole}', t);
	END LOOP;
END $$;
-- Recovery codes are replaced as a set when new ones are issued.
GRANT DELETE ON identity.recovery_codes TO ${appRole};
