-- Portal applications and their in-order desk (R-4.3, R-5), Portal Agreements and their
-- lifecycle (R-8, R-9), suspensions and withdrawals of all or part of the portal (R-11,
-- R-12, R-19).
CREATE SCHEMA IF NOT EXISTS agreements;
GRANT USAGE ON SCHEMA agreements TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA agreements GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA agreements GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

-- The last receipt number issued. Submitting and deciding both lock this one row until
-- their transaction ends, so receipt numbers follow commit order (no application becomes
-- visible behind one already decided) and decisions take turns across nodes (R-5.1).
CREATE TABLE agreements.receipt_counter (
	id           int    NOT NULL PRIMARY KEY CHECK (id = 1),
	last_receipt bigint NOT NULL
);
INSERT INTO agreements.receipt_counter (id, last_receipt) VALUES (1, 0);

-- Applicants are not tenants yet: the wall lets the Company's staff and the portal's jobs
-- see every application, an affiliate's staff those naming a contract with that affiliate.
CREATE TABLE agreements.applications (
	receipt_no            bigint      NOT NULL PRIMARY KEY,
	token_hash            text        NOT NULL,
	received_at           timestamptz NOT NULL,
	legal_name            text        NOT NULL,
	registered_address    text        NOT NULL,
	country               text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
	contact_name          text        NOT NULL,
	contact_email         text        NOT NULL,
	contact_phone         text        NOT NULL,
	contract_numbers      text[]      NOT NULL CHECK (cardinality(contract_numbers) > 0),
	contract_companies    text[]      NOT NULL,
	admin_name            text        NOT NULL,
	admin_email           text        NOT NULL,
	admin_phone           text        NOT NULL,
	language              text        NOT NULL,
	consent_terms_version int         NOT NULL,
	state                 text        NOT NULL CHECK (state IN ('received', 'accepted', 'rejected')),
	decided_at            timestamptz,
	decided_by            text,
	rejection_reason      text,
	rejection_note        text,
	customer_id           uuid,
	admin_login_id        text,
	CONSTRAINT applications_decision CHECK ((state = 'received') = (decided_at IS NULL))
);
-- The desk's queue and the "oldest undecided" check read undecided applications by receipt number.
CREATE INDEX applications_undecided ON agreements.applications (receipt_no) WHERE state = 'received';
ALTER TABLE agreements.applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements.applications FORCE ROW LEVEL SECURITY;
CREATE POLICY applications_wall ON agreements.applications
	USING (platform.current_scope() IN ('all', 'system')
		OR (platform.current_scope() = 'company' AND current_setting('portal.company', true) = ANY (contract_companies)));

-- One Portal Agreement per Portal Customer. Termination is decided by time: it is in force
-- once termination_effective_at has passed, whether or not any job has run.
CREATE TABLE agreements.agreements (
	customer_id              uuid        NOT NULL PRIMARY KEY,
	receipt_no               bigint,
	concluded_at             timestamptz NOT NULL,
	termination_effective_at timestamptz,
	termination_origin       text CHECK (termination_origin IN ('customer', 'company', 'contracts-ended')),
	termination_reason       text,
	termination_requested_by text,
	version                  bigint      NOT NULL DEFAULT 0
);
ALTER TABLE agreements.agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements.agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY agreements_wall ON agreements.agreements USING (platform.may_see(customer_id));

-- The agreement's timeline, as people read it.
CREATE TABLE agreements.agreement_events (
	id          bigserial   NOT NULL PRIMARY KEY,
	customer_id uuid        NOT NULL,
	at          timestamptz NOT NULL,
	kind        text        NOT NULL,
	detail      text        NOT NULL DEFAULT '',
	actor       text        NOT NULL
);
-- A customer's timeline, newest first.
CREATE INDEX agreement_events_customer ON agreements.agreement_events (customer_id, at);
ALTER TABLE agreements.agreement_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements.agreement_events FORCE ROW LEVEL SECURITY;
CREATE POLICY agreement_events_wall ON agreements.agreement_events USING (platform.may_see(customer_id));

-- Suspensions of the whole portal, a feature or a relevant service, for one customer
-- (customer_id) or for every customer (NULL), and withdrawals of a part for everyone.
-- In force while starts_at <= now < coalesce(lifted_at, ends_at): decided by time.
CREATE TABLE agreements.suspensions (
	id               uuid        NOT NULL PRIMARY KEY,
	customer_id      uuid,
	scope            text        NOT NULL CHECK (scope IN ('whole', 'feature', 'service')),
	feature          text,
	relevant_service text,
	reason           text        NOT NULL,
	kind             text        NOT NULL CHECK (kind IN ('planned', 'emergency', 'breach', 'withdrawal')),
	note             text        NOT NULL DEFAULT '',
	announced_at     timestamptz NOT NULL,
	starts_at        timestamptz NOT NULL,
	ends_at          timestamptz,
	cure_deadline    timestamptz,
	lifted_at        timestamptz,
	lifted_by        text,
	created_by       text        NOT NULL,
	CONSTRAINT suspensions_period CHECK (ends_at IS NULL OR ends_at > starts_at),
	CONSTRAINT suspensions_scope CHECK ((scope = 'feature') = (feature IS NOT NULL)
		AND (scope = 'service') = (relevant_service IS NOT NULL))
);
-- The access check loads what is not over yet, for one customer or for everyone.
CREATE INDEX suspensions_customer ON agreements.suspensions (customer_id, starts_at);
ALTER TABLE agreements.suspensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements.suspensions FORCE ROW LEVEL SECURITY;
CREATE POLICY suspensions_wall ON agreements.suspensions
	USING (customer_id IS NULL OR platform.may_see(customer_id));

-- Bumped by every change that may change who may use what; each node polls it (one tiny
-- read a second, not one per request) and drops its cached access rules when it moved.
CREATE TABLE agreements.access_version (
	id      int    NOT NULL PRIMARY KEY CHECK (id = 1),
	version bigint NOT NULL
);
INSERT INTO agreements.access_version (id, version) VALUES (1, 0);

CREATE FUNCTION agreements.bump_access_version() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
	AS $$ BEGIN UPDATE agreements.access_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$;
CREATE TRIGGER suspensions_access AFTER INSERT OR UPDATE OR DELETE ON agreements.suspensions
	FOR EACH STATEMENT EXECUTE FUNCTION agreements.bump_access_version();
CREATE TRIGGER agreements_access AFTER INSERT OR UPDATE OR DELETE ON agreements.agreements
	FOR EACH STATEMENT EXECUTE FUNCTION agreements.bump_access_version();

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA agreements TO ${appRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA agreements TO ${appRole};
