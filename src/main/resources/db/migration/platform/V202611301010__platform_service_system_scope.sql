-- The scope of a relevant-service system's key (see docs/adr/0003): it is bound to one
-- contracting company and sees only the customers holding a contract with that company,
-- as company-scoped staff do. Jobs keep the 'system' scope, which sees every customer.
CREATE OR REPLACE FUNCTION platform.may_see(owner uuid) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT CASE platform.current_scope()
		WHEN 'all' THEN true
		WHEN 'system' THEN true
		WHEN 'customer' THEN owner IS NOT NULL AND owner = platform.current_customer()
		WHEN 'company' THEN owner IS NOT NULL AND EXISTS (
			SELECT 1 FROM platform.customer_companies cc
			WHERE cc.customer_id = owner AND cc.company_code = current_setting('portal.company', true))
		WHEN 'service-system' THEN owner IS NOT NULL AND EXISTS (
			SELECT 1 FROM platform.customer_companies cc
			WHERE cc.customer_id = owner AND cc.company_code = current_setting('portal.company', true))
		ELSE false END $$;

-- For rows that belong to one contracting company's contract (contracts, the instances
-- under them, and what hangs off those): a relevant-service system sees and writes only
-- its own company's rows, even of a customer that also holds other companies' contracts,
-- and even before the contract is linked to a customer; every other scope applies may_see.
CREATE FUNCTION platform.may_see_for_company(owner uuid, company text) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT CASE platform.current_scope()
		WHEN 'service-system' THEN company IS NOT NULL AND company = current_setting('portal.company', true)
		ELSE platform.may_see(owner) END $$;

GRANT EXECUTE ON FUNCTION platform.may_see_for_company(uuid, text) TO ${appRole};
