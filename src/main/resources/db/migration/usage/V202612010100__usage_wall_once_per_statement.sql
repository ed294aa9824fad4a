-- The wall on the usage tables, decided once per statement rather than once per row.
--
-- platform.may_see(customer_id) is not inlined (its CASE and EXISTS keep it a call), so as a
-- policy it costs one SQL-function call per row read: profiled, that call was 95 % of a
-- 30-day query of 100 series from usage.hourly (33,600 rows, 2 ms in the index, 500 ms in the
-- filter). The same rule, written so that PostgreSQL evaluates its parts as one-time
-- subqueries (InitPlans) for the rows that matter:
--   1. the row belongs to the connection's customer, and the rule lets the connection see that
--      customer: a customer's users, whose queries always name their own customer;
--   2. the rule lets the connection see a row of no customer at all, which only a scope that
--      sees every customer does (staff of all customers, jobs);
--   3. otherwise the rule itself, per row (company-scoped staff, relevant-service systems).
-- Each of the first two arms implies platform.may_see(customer_id), and the third is it, so the
-- policy admits exactly the rows the rule does, and a change of the rule applies here unchanged
-- (UsageWallIntegrationTests compares them scope by scope).
DO $$
DECLARE
	t text;
	wall text := '(customer_id = (SELECT platform.current_customer())'
		|| ' AND (SELECT platform.may_see(platform.current_customer())))'
		|| ' OR (SELECT platform.may_see(NULL::uuid))'
		|| ' OR platform.may_see(customer_id)';
BEGIN
	FOREACH t IN ARRAY ARRAY['series', 'samples', 'hourly', 'daily'] LOOP
		EXECUTE format('DROP POLICY %I ON usage.%I', t || '_tenant', t);
		-- Written out in the policy rather than behind a function: the policy's expression is
		-- planned with the query, so its one-time subqueries become InitPlans of that query.
		-- Writes are checked by the same expression: same rows admitted, one call per statement.
		EXECUTE format('CREATE POLICY %I ON usage.%I USING (%s) WITH CHECK (%s)', t || '_tenant', t, wall, wall);
	END LOOP;
END $$;
