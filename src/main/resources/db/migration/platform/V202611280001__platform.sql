-- The platform schema: what every module relies on (tenancy, sessions, job locks, events).
CREATE SCHEMA IF NOT EXISTS platform;
GRANT USAGE ON SCHEMA platform TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA platform GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA platform GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

-- Tenant scope as the platform sets it per connection (TenantAwareDataSource). Unset
-- settings read as NULL, which matches nothing: no scope, no rows.
CREATE FUNCTION platform.current_scope() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT coalesce(nullif(current_setting('portal.scope', true), ''), 'none') $$;

CREATE FUNCTION platform.current_customer() RETURNS uuid
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT CASE WHEN current_setting('portal.scope', true) = 'customer'
		THEN nullif(current_setting('portal.customer_id', true), '')::uuid END $$;

-- Which contracting companies (the Company, or an affiliate) each customer has a contract
-- with; maintained by the customers module, read by the policies for company-scoped staff.
CREATE TABLE platform.customer_companies (
	company_code text NOT NULL,
	customer_id  uuid NOT NULL,
	PRIMARY KEY (company_code, customer_id)
);

-- The one rule every tenant-owned table's policy applies (see docs/adr/0003).
CREATE FUNCTION platform.may_see(owner uuid) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT CASE platform.current_scope()
		WHEN 'all' THEN true
		WHEN 'system' THEN true
		WHEN 'customer' THEN owner IS NOT NULL AND owner = platform.current_customer()
		WHEN 'company' THEN owner IS NOT NULL AND EXISTS (
			SELECT 1 FROM platform.customer_companies cc
			WHERE cc.customer_id = owner AND cc.company_code = current_setting('portal.company', true))
		ELSE false END $$;

GRANT EXECUTE ON FUNCTION platform.current_scope(), platform.current_customer(), platform.may_see(uuid) TO ${appRole};

-- Spring Session JDBC: sessions live in the shared database so that any node serves any request.
CREATE TABLE platform.spring_session (
	primary_id            char(36) NOT NULL,
	session_id            char(36) NOT NULL,
	creation_time         bigint   NOT NULL,
	last_access_time      bigint   NOT NULL,
	max_inactive_interval int      NOT NULL,
	expiry_time           bigint   NOT NULL,
	principal_name        varchar(100),
	CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON platform.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON platform.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON platform.spring_session (principal_name);

CREATE TABLE platform.spring_session_attributes (
	session_primary_id char(36)     NOT NULL,
	attribute_name     varchar(200) NOT NULL,
	attribute_bytes    bytea        NOT NULL,
	CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
	CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
		REFERENCES platform.spring_session (primary_id) ON DELETE CASCADE
);

-- ShedLock: a scheduled job runs on one node of the cluster at a time.
CREATE TABLE platform.shedlock (
	name       varchar(64)  NOT NULL PRIMARY KEY,
	lock_until timestamptz  NOT NULL,
	locked_at  timestamptz  NOT NULL,
	locked_by  varchar(255) NOT NULL
);

-- Spring Modulith's event publication registry: events to other modules survive a crash.
CREATE TABLE platform.event_publication (
	id                     uuid        NOT NULL PRIMARY KEY,
	listener_id            text        NOT NULL,
	event_type             text        NOT NULL,
	serialized_event       text        NOT NULL,
	publication_date       timestamptz NOT NULL,
	completion_date        timestamptz,
	status                 text,
	completion_attempts    int,
	last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON platform.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON platform.event_publication (completion_date);

-- Demo seeding runs once per database.
CREATE TABLE platform.demo_seeds (
	name      text        NOT NULL PRIMARY KEY,
	seeded_at timestamptz NOT NULL DEFAULT now()
);
