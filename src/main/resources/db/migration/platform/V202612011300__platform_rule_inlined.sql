-- The platform's rule (platform.may_see), written so that PostgreSQL inlines it into every
-- policy that calls it instead of calling it once per row read.
--
-- A SQL function is inlined only if its body is a single expression without subqueries; the
-- EXISTS of the company arms kept may_see a function call, so every row a tenant query read
-- paid one call of the SQL-function executor (measured: the unread count of the notices in
-- every page's header spent 0.4 of its 0.5 ms in those calls for 42 rows). The company arms
-- now call platform.holds_contract_with_company, which keeps the EXISTS and is reached only
-- in those two scopes; what each scope admits is unchanged (PolicyRuleIntegrationTests
-- compares the rule with its former text, scope by scope).
CREATE FUNCTION platform.holds_contract_with_company(owner uuid) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT EXISTS (
		SELECT 1 FROM platform.customer_companies cc
		WHERE cc.customer_id = owner AND cc.company_code = current_setting('portal.company', true)) $$;

GRANT EXECUTE ON FUNCTION platform.holds_contract_with_company(uuid) TO ${appRole};

CREATE OR REPLACE FUNCTION platform.may_see(owner uuid) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT CASE platform.current_scope()
		WHEN 'all' THEN true
		WHEN 'system' THEN true
		WHEN 'customer' THEN owner IS NOT NULL AND owner = platform.current_customer()
		WHEN 'company' THEN owner IS NOT NULL AND platform.holds_contract_with_company(owner)
		WHEN 'service-system' THEN owner IS NOT NULL AND platform.holds_contract_with_company(owner)
		ELSE false END $$;
