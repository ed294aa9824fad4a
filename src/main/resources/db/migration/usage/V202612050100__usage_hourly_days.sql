-- The hourly rollups laid out by day: one row per series and UTC day holding that day's hourly
-- buckets side by side (R-14.1). usage.hourly stays the rollup of record (it is what ingestion
-- merges into, what availability and the CSV export read); this table is what charts and
-- queries at a 1-hour step read. A month of hours of 100 series is 3,000 rows here and 72,000
-- there, and reading rows, not bytes, was what such a query cost (docs/adr/0010).
--
-- Each figure is packed, the day's hours one after the other in ascending order, as the big-endian
-- binary PostgreSQL sends (int2send, int4send, float8send): hours holds each bucket's hour of the
-- day (0-23, 2 bytes), count 4 bytes per bucket, min, max, sum and p95 8 bytes (p95 NaN where a
-- bucket has none). Arrays (float8[]) were tried first: sending them cost 12 of the query's 14 ms,
-- one conversion per element; packed bytes go out as they are stored and are read with a
-- ByteBuffer (HoursOfDay).
-- A row is rewritten from usage.hourly whenever ingestion touched its day, in the same
-- transaction and after the day's daily bucket was locked (Rollups): writers of the same day
-- take turns, and each rewrites the row from what the other committed.
CREATE TABLE usage.hourly_days (
	customer_id uuid        NOT NULL,
	series_id   bigint      NOT NULL,
	day         timestamptz NOT NULL,
	hours       bytea       NOT NULL,
	count       bytea       NOT NULL,
	min         bytea       NOT NULL,
	max         bytea       NOT NULL,
	sum         bytea       NOT NULL,
	p95         bytea       NOT NULL,
	PRIMARY KEY (customer_id, series_id, day),
	CHECK (length(hours) BETWEEN 2 AND 48 AND length(count) = 2 * length(hours)
		AND length(min) = 4 * length(hours) AND length(max) = 4 * length(hours)
		AND length(sum) = 4 * length(hours) AND length(p95) = 4 * length(hours))
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
SELECT h.customer_id, h.series_id, date_trunc('day', h.bucket, 'UTC'),
	string_agg(int2send(date_part('hour', h.bucket AT TIME ZONE 'UTC')::smallint), ''::bytea ORDER BY h.bucket),
	string_agg(int4send(h.count), ''::bytea ORDER BY h.bucket),
	string_agg(float8send(h.min), ''::bytea ORDER BY h.bucket),
	string_agg(float8send(h.max), ''::bytea ORDER BY h.bucket),
	string_agg(float8send(h.sum), ''::bytea ORDER BY h.bucket),
	string_agg(float8send(coalesce(h.p95, 'NaN')), ''::bytea ORDER BY h.bucket)
FROM usage.hourly h
GROUP BY h.customer_id, h.series_id, date_trunc('day', h.bucket, 'UTC');
