-- The hourly rollups laid out by day: one row per series and UTC day holding that day's hourly
-- buckets side by side (R-14.1). usage.hourly stays the rollup of record (it is what ingestion
-- merges into, what availability and the CSV export read); this table is what charts and
-- queries at a 1-hour step read. A month of hours of 100 series is 3,000 rows here and 72,000
-- there, and reading rows, not bytes, was what such a query cost (docs/adr/0010).
--
-- Element i of every array is the bucket starting hours[i] hours after day; hours ascend and
-- only hours with a bucket are present. p95 holds null elements where a bucket has no p95.
-- A row is rewritten from usage.hourly whenever ingestion touched its day, in the same
-- transaction and after the day's daily bucket was locked (Rollups): writers of the same day
-- take turns, and each rewrites the row from what the other committed.
CREATE TABLE usage.hourly_days (
	customer_id uuid               NOT NULL,
	series_id   bigint             NOT NULL,
	day         timestamptz        NOT NULL,
	hours       smallint[]         NOT NULL,
	count       int[]              NOT NULL,
	min         double precision[] NOT NULL,
	max         double precision[] NOT NULL,
	sum         double precision[] NOT NULL,
	p95         double precision[] NOT NULL,
	PRIMARY KEY (customer_id, series_id, day),
	CHECK (cardinality(hours) BETWEEN 1 AND 24)
);

ALTER TABLE usage.hourly_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage.hourly_days FORCE ROW LEVEL SECURITY;
-- The wall of the other usage tables (V202612040100), word for word.
CREATE POLICY hourly_days_tenant ON usage.hourly_days
	USING ((customer_id = (SELECT platform.current_customer())
		AND (SELECT platform.may_see(platform.current_customer())))
		OR (SELECT platform.may_see(NULL::uuid))
		OR ((SELECT platform.current_scope()) IN ('company', 'service-system')
			AND customer_id IN (SELECT cc.customer_id FROM platform.customer_companies cc
				WHERE cc.company_code = current_setting('portal.company', true)))
		OR platform.may_see(customer_id))
	WITH CHECK ((customer_id = (SELECT platform.current_customer())
		AND (SELECT platform.may_see(platform.current_customer())))
		OR (SELECT platform.may_see(NULL::uuid))
		OR ((SELECT platform.current_scope()) IN ('company', 'service-system')
			AND customer_id IN (SELECT cc.customer_id FROM platform.customer_companies cc
				WHERE cc.company_code = current_setting('portal.company', true)))
		OR platform.may_see(customer_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON usage.hourly_days TO ${appRole};

-- The hours already stored, laid out once (as the system: the wall holds for the owner too).
SELECT set_config('portal.scope', 'system', true);
INSERT INTO usage.hourly_days (customer_id, series_id, day, hours, count, min, max, sum, p95)
SELECT customer_id, series_id, date_trunc('day', bucket, 'UTC'),
	array_agg(date_part('hour', bucket AT TIME ZONE 'UTC')::smallint ORDER BY bucket),
	array_agg(count ORDER BY bucket), array_agg(min ORDER BY bucket), array_agg(max ORDER BY bucket),
	array_agg(sum ORDER BY bucket), array_agg(p95 ORDER BY bucket)
FROM usage.hourly
GROUP BY customer_id, series_id, date_trunc('day', bucket, 'UTC');
