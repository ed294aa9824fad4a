-- The wall on the usage tables for company-scoped callers (company staff, relevant-service
-- systems), decided once per statement rather than once per row.
--
-- The policies of V202612010100 decide the wall once per statement for customers' users and for
-- scopes that see every customer, and call platform.may_see(customer_id) per row for the rest.
-- A relevant-service system's ingestion writes its rollups under that last arm: profiled, the
-- upsert of 4,800 hourly buckets took 84–160 ms, about 25 µs per row, most of it that call.
--
-- For those two scopes the rule is membership of the row's customer in the set of customers of
-- the connection's company (platform.customer_companies). Written as an uncorrelated IN, it is
-- planned as a hashed subplan: the set is read once per statement and each row is one hash
-- probe. The arm admits only rows the rule admits (for 'company' and 'service-system' scopes
-- may_see is exactly that membership, and customer_id is never null); the rule itself stays the
-- last arm, so the policy still admits exactly its rows, and UsageWallIntegrationTests compares
-- them scope by scope.
DO $$
DECLARE
	t text;
	wall text := '(customer_id = (SELECT platform.current_customer())'
		|| ' AND (SELECT platform.may_see(platform.current_customer())))'
		|| ' OR (SELECT platform.may_see(NULL::uuid))'
		|| ' OR ((SELECT platform.current_scope()) IN (''company'', ''service-system'')'
		|| ' AND customer_id IN (SELECT cc.customer_id FROM platform.customer_companies cc'
		|| ' WHERE cc.company_code = current_setting(''portal.company'', true)))'
		|| ' OR platform.may_see(customer_id)';
BEGIN
	FOREACH t IN ARRAY ARRAY['series', 'samples', 'hourly', 'daily'] LOOP
		EXECUTE format('DROP POLICY %I ON usage.%I', t || '_tenant', t);
		EXECUTE format('CREATE POLICY %I ON usage.%I USING (%s) WITH CHECK (%s)', t || '_tenant', t, wall, wall);
	END LOOP;
END $$;
