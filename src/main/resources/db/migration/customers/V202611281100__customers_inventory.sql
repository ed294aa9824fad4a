-- Portal Customers (the tenants), their relevant-service contracts and the service
-- instances under them (R-7.6), as relevant-service systems report them, and the API keys
-- those systems use.
CREATE SCHEMA IF NOT EXISTS customers;
GRANT USAGE ON SCHEMA customers TO ${appRole};

-- Codes are issued in order (C-0001, C-0002, …) so that people can read them out.
CREATE SEQUENCE customers.customer_code_seq;
GRANT USAGE ON SEQUENCE customers.customer_code_seq TO ${appRole};

-- A customer's own row belongs to that customer: its id is its tenant key.
CREATE TABLE customers.customers (
	id                 uuid        NOT NULL PRIMARY KEY,
	code               text        NOT NULL,
	legal_name         text        NOT NULL,
	country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
	registered_address text        NOT NULL,
	state              text        NOT NULL CHECK (state IN ('active', 'suspended', 'terminated')),
	created_at         timestamptz NOT NULL,
	updated_at         timestamptz NOT NULL,
	CONSTRAINT customers_code UNIQUE (code)
);
-- Staff search customers by code (the unique index above) or legal name; a name search
-- scans, which stays cheap at the thousands of customers the portal serves.

CREATE TABLE customers.contracts (
	contract_no                text        NOT NULL PRIMARY KEY,
	relevant_service           text        NOT NULL,
	contracting_company        text        NOT NULL,
	record_legal_name          text        NOT NULL,
	record_registration_number text        NOT NULL,
	-- NULL until the contract is linked to a Portal Customer; such rows only staff with
	-- every customer in scope and the portal's own systems see (platform.may_see).
	customer_id                uuid        REFERENCES customers.customers (id),
	start_date                 date        NOT NULL,
	end_date                   date,
	state                      text        NOT NULL CHECK (state IN ('active', 'ended')),
	created_at                 timestamptz NOT NULL,
	updated_at                 timestamptz NOT NULL,
	CONSTRAINT contracts_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
-- A customer's contracts, listed by relevant service (Contracts.ofCustomer, allContractsEnded).
CREATE INDEX contracts_customer_service ON customers.contracts (customer_id, relevant_service);
-- Which customers hold a contract with a company (the customer_companies upkeep below,
-- the company-scoped customer search).
CREATE INDEX contracts_company_customer ON customers.contracts (contracting_company, customer_id);
-- The applications desk compares the customer of record by name (R-5.2); it looks contracts
-- up by number (the primary key), so no index on the name.

CREATE TABLE customers.service_instances (
	id               text        NOT NULL PRIMARY KEY,
	contract_no      text        NOT NULL REFERENCES customers.contracts (contract_no),
	-- Copied from the contract by the trigger below, so that the wall needs no join.
	customer_id      uuid,
	relevant_service text        NOT NULL,
	kind             text        NOT NULL,
	label            text        NOT NULL,
	attributes       jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
	state            text        NOT NULL CHECK (state IN ('feasibilityChecked', 'designed', 'reserved', 'inactive',
		'active', 'terminated')),
	created_at       timestamptz NOT NULL,
	updated_at       timestamptz NOT NULL
);
-- A customer's instances filtered by service and listed by label (ServiceInstances.search);
-- a text search on label or id scans within the one customer's rows.
CREATE INDEX service_instances_customer_service_label ON customers.service_instances (customer_id, relevant_service, label);
-- The instances under one contract (ending a contract checks that none is still live).
CREATE INDEX service_instances_contract_state ON customers.service_instances (contract_no, state);

-- The wall (R-7.5): every row is visible only within its customer's scope.
ALTER TABLE customers.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers.customers FORCE ROW LEVEL SECURITY;
CREATE POLICY customers_tenant ON customers.customers
	USING (platform.may_see(id)) WITH CHECK (platform.may_see(id));

ALTER TABLE customers.contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers.contracts FORCE ROW LEVEL SECURITY;
CREATE POLICY contracts_tenant ON customers.contracts
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

ALTER TABLE customers.service_instances ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers.service_instances FORCE ROW LEVEL SECURITY;
CREATE POLICY service_instances_tenant ON customers.service_instances
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

-- An instance always belongs to its contract's customer. The lookup runs under the writer's
-- scope: a writer who cannot see the contract gets NULL, which the policy then refuses.
CREATE FUNCTION customers.instance_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT c.customer_id INTO NEW.customer_id FROM customers.contracts c WHERE c.contract_no = NEW.contract_no;
	RETURN NEW;
END $$;
CREATE TRIGGER service_instances_owner BEFORE INSERT OR UPDATE OF contract_no, customer_id
	ON customers.service_instances FOR EACH ROW EXECUTE FUNCTION customers.instance_owner();

-- Linking a contract to a customer carries its instances along, and keeps the list of
-- companies each customer holds a contract with, which company-scoped staff are limited to.
CREATE FUNCTION customers.contract_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.customer_id IS DISTINCT FROM OLD.customer_id THEN
		UPDATE customers.service_instances SET customer_id = NEW.customer_id WHERE contract_no = NEW.contract_no;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.customer_id IS NOT NULL THEN
		DELETE FROM platform.customer_companies cc
		WHERE cc.customer_id = OLD.customer_id AND cc.company_code = OLD.contracting_company
			AND NOT EXISTS (SELECT 1 FROM customers.contracts c
				WHERE c.customer_id = OLD.customer_id AND c.contracting_company = OLD.contracting_company);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.customer_id IS NOT NULL THEN
		INSERT INTO platform.customer_companies (company_code, customer_id)
		VALUES (NEW.contracting_company, NEW.customer_id) ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER contracts_owner_changed AFTER INSERT OR DELETE OR UPDATE OF customer_id, contracting_company
	ON customers.contracts FOR EACH ROW EXECUTE FUNCTION customers.contract_owner_changed();

GRANT SELECT, INSERT, UPDATE, DELETE ON customers.customers, customers.contracts, customers.service_instances
	TO ${appRole};

-- API keys of relevant-service systems: only a SHA-256 hash of the secret is kept. Keys are
-- portal-wide, not tenant rows; each is bound to one contracting company.
CREATE TABLE customers.system_keys (
	id                  text        NOT NULL PRIMARY KEY,
	name                text        NOT NULL,
	contracting_company text        NOT NULL,
	secret_hash         bytea       NOT NULL CHECK (length(secret_hash) = 32),
	created_at          timestamptz NOT NULL,
	created_by          text        NOT NULL,
	revoked_at          timestamptz,
	revoked_by          text,
	last_used_at        timestamptz,
	CONSTRAINT system_keys_name UNIQUE (name)
);
-- The console lists keys newest first.
CREATE INDEX system_keys_created ON customers.system_keys (created_at DESC);

GRANT SELECT, INSERT, UPDATE ON customers.system_keys TO ${appRole};
