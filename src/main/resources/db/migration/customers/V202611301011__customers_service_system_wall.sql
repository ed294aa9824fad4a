-- A relevant-service system's key sees and writes only its contracting company's contracts
-- and the instances under them (platform.may_see_for_company). Instances carry their
-- contract's company, copied by the trigger as the customer is, so the wall needs no join.
ALTER TABLE customers.service_instances ADD COLUMN contracting_company text;

-- Existing rows: the owner is subject to the wall too, so it takes the jobs' scope here.
SELECT set_config('portal.scope', 'system', true);
UPDATE customers.service_instances si SET contracting_company = c.contracting_company
	FROM customers.contracts c WHERE c.contract_no = si.contract_no;

CREATE OR REPLACE FUNCTION customers.instance_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT c.customer_id, c.contracting_company INTO NEW.customer_id, NEW.contracting_company
	FROM customers.contracts c WHERE c.contract_no = NEW.contract_no;
	RETURN NEW;
END $$;

DROP POLICY contracts_tenant ON customers.contracts;
CREATE POLICY contracts_tenant ON customers.contracts
	USING (platform.may_see_for_company(customer_id, contracting_company))
	WITH CHECK (platform.may_see_for_company(customer_id, contracting_company));

DROP POLICY service_instances_tenant ON customers.service_instances;
CREATE POLICY service_instances_tenant ON customers.service_instances
	USING (platform.may_see_for_company(customer_id, contracting_company))
	WITH CHECK (platform.may_see_for_company(customer_id, contracting_company));

-- What a feed must know beyond its own rows, and no more: which company holds a contract
-- number (so that a report on another company's contract is refused as such), and the
-- customer a report names by code (so that it can link its contract; the feed then checks
-- the legal name). Each takes the jobs' scope for its one query and puts the caller's back.
CREATE FUNCTION customers.contract_company(number text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	caller text := current_setting('portal.scope', true);
	company text;
BEGIN
	PERFORM set_config('portal.scope', 'system', true);
	SELECT c.contracting_company INTO company FROM customers.contracts c WHERE c.contract_no = number;
	PERFORM set_config('portal.scope', coalesce(caller, ''), true);
	RETURN company;
END $$;

CREATE FUNCTION customers.customer_by_code(customer_code text) RETURNS SETOF customers.customers
	LANGUAGE plpgsql AS $$
DECLARE
	caller text := current_setting('portal.scope', true);
BEGIN
	PERFORM set_config('portal.scope', 'system', true);
	RETURN QUERY SELECT * FROM customers.customers cu WHERE cu.code = customer_code;
	PERFORM set_config('portal.scope', coalesce(caller, ''), true);
END $$;

GRANT EXECUTE ON FUNCTION customers.contract_company(text), customers.customer_by_code(text) TO ${appRole};
