-- Merges one writer's staged samples into the day partitions (docs/adr/0010, "Ingestion").
-- The wall on usage.samples costs a call of platform.may_see per row written and per row
-- answered, which made it most of a bulk write's time. This function applies the same rule once
-- per customer of the batch instead, refusing the whole batch if any row's customer is not
-- visible to the caller's scope (the same check, the same refusal), and then writes to the day
-- partitions, which carry no policy of their own. It reads nothing but the caller's own batch:
-- staging rows live only inside the writing transaction, which no other session sees.
--
-- fresh: the caller found no stored sample within the batch's span of each series, so a plain
-- insert does (about half the cost of ON CONFLICT); a concurrent writer that stored one meanwhile
-- makes it fail on the primary key, and the caller retries with fresh = false.
-- Answers every sample written: its series, time (epoch seconds), value, and whether it was new
-- (xmax = 0 on the partition's row) or replaced a different stored value.
-- ordered: the caller saw each series' times strictly increasing within the batch, so there is
-- nothing to deduplicate and the rows need no sort (the sort of a large batch spills to disk).
-- work_mem is raised for the sort otherwise, for the same reason.
CREATE FUNCTION usage.merge_staged(staged uuid, fresh boolean, ordered boolean)
	RETURNS TABLE (series_id bigint, epoch bigint, value double precision, added boolean)
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET work_mem = '64MB' AS $$
DECLARE
	day date;
	part text;
BEGIN
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT s.customer_id FROM usage.staging s WHERE s.batch = staged) c
			WHERE NOT platform.may_see(c.customer_id)) THEN
		RAISE EXCEPTION 'new row violates row-level security policy for table "samples"'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR day IN SELECT DISTINCT (s.at AT TIME ZONE 'UTC')::date FROM usage.staging s WHERE s.batch = staged ORDER BY 1
	LOOP
		part := 'samples_' || to_char(day, 'YYYYMMDD');
		IF to_regclass('usage.' || part) IS NULL THEN
			RAISE EXCEPTION 'no partition for day %', day;
		END IF;
		IF fresh AND ordered THEN
			RETURN QUERY EXECUTE format($q$
				INSERT INTO usage.%I AS t (customer_id, series_id, at, value)
				SELECT s.customer_id, s.series_id, s.at, s.value
				FROM usage.staging s WHERE s.batch = $1 AND s.at >= $2 AND s.at < $3
				RETURNING t.series_id, extract(epoch FROM t.at)::bigint, t.value, true$q$, part)
				USING staged, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC';
		ELSIF fresh THEN
			RETURN QUERY EXECUTE format($q$
				INSERT INTO usage.%I AS t (customer_id, series_id, at, value)
				SELECT DISTINCT ON (s.customer_id, s.series_id, s.at) s.customer_id, s.series_id, s.at, s.value
				FROM usage.staging s WHERE s.batch = $1 AND s.at >= $2 AND s.at < $3
				ORDER BY s.customer_id, s.series_id, s.at, s.line DESC
				RETURNING t.series_id, extract(epoch FROM t.at)::bigint, t.value, true$q$, part)
				USING staged, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC';
		ELSE
			RETURN QUERY EXECUTE format($q$
				INSERT INTO usage.%I AS t (customer_id, series_id, at, value)
				SELECT DISTINCT ON (s.customer_id, s.series_id, s.at) s.customer_id, s.series_id, s.at, s.value
				FROM usage.staging s WHERE s.batch = $1 AND s.at >= $2 AND s.at < $3
				ORDER BY s.customer_id, s.series_id, s.at, s.line DESC
				ON CONFLICT (customer_id, series_id, at) DO UPDATE SET value = EXCLUDED.value
				WHERE t.value IS DISTINCT FROM EXCLUDED.value
				RETURNING t.series_id, extract(epoch FROM t.at)::bigint, t.value, t.xmax = 0$q$, part)
				USING staged, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC';
		END IF;
	END LOOP;
END $$;

REVOKE ALL ON FUNCTION usage.merge_staged(uuid, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION usage.merge_staged(uuid, boolean, boolean) TO ${appRole};

-- The merge answers what it changed directly; the table that held it between statements goes.
DROP TABLE usage.staging_changed;
