-- Chunks of samples new to the store are copied straight into their day partition
-- (docs/adr/0010, "Ingestion throughput"): written once instead of twice (staging, then merge).
-- COPY refuses a table under row-level security, and the day partitions carry no policy of their
-- own, so the wall for them is this statement-level trigger: after each statement that inserts
-- into a partition (COPY included), every distinct customer of the new rows must pass the same
-- rule as usage.merge_staged and the policies, platform.may_see, or the whole statement is undone.
-- Statement-level triggers with transition tables are allowed on partitions; they do not fire
-- for rows routed through the parent. The owner's inserts (usage.merge_staged, which checked its
-- batch already) are not checked twice. The trigger function runs as its caller, so current_user
-- tells them apart, and the application role cannot become the owner.
CREATE FUNCTION usage.samples_wall() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF current_user = (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = TG_RELID) THEN
		RETURN NULL;
	END IF;
	-- OFFSET 0 keeps the rule out of the DISTINCT: pushed down into it, it ran once per row.
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT n.customer_id FROM new_samples n OFFSET 0) c
			WHERE NOT platform.may_see(c.customer_id)) THEN
		RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NULL;
END $$;

-- Each new day partition gets the trigger, and the application role may only insert into it:
-- reads, updates and deletes go through usage.samples and its policy.
CREATE OR REPLACE FUNCTION usage.ensure_partition(day date) RETURNS boolean
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	name text := 'samples_' || to_char(day, 'YYYYMMDD');
BEGIN
	IF to_regclass('usage.' || name) IS NOT NULL THEN
		RETURN false;
	END IF;
	-- Two writers may create the same day at once; the loser waits here and then sees it.
	PERFORM pg_advisory_xact_lock(hashtext('usage.partition.' || name));
	IF to_regclass('usage.' || name) IS NOT NULL THEN
		RETURN false;
	END IF;
	EXECUTE format('CREATE TABLE usage.%I PARTITION OF usage.samples FOR VALUES FROM (%L) TO (%L)', name,
		(day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
	EXECUTE format('CREATE TRIGGER samples_wall AFTER INSERT ON usage.%I REFERENCING NEW TABLE AS new_samples'
		|| ' FOR EACH STATEMENT EXECUTE FUNCTION usage.samples_wall()', name);
	EXECUTE format('GRANT INSERT ON usage.%I TO %I', name, '${appRole}');
	RETURN true;
END $$;

-- The partitions that exist already.
DO $$
DECLARE
	part text;
BEGIN
	FOR part IN
		SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'usage.samples'::regclass
	LOOP
		EXECUTE format('CREATE TRIGGER samples_wall AFTER INSERT ON usage.%I REFERENCING NEW TABLE AS new_samples'
			|| ' FOR EACH STATEMENT EXECUTE FUNCTION usage.samples_wall()', part);
		EXECUTE format('GRANT INSERT ON usage.%I TO %I', part, '${appRole}');
	END LOOP;
END $$;

-- The merge of staged samples checked the wall the same way, and PostgreSQL pushed the rule
-- into the DISTINCT just as well, calling it once per staged row: the same function with the
-- customers kept apart by OFFSET 0, so that the rule runs once per customer of the batch.
CREATE OR REPLACE FUNCTION usage.merge_staged(staged uuid, fresh boolean, ordered boolean)
	RETURNS TABLE (series_id bigint, epoch bigint, value double precision, added boolean)
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET work_mem = '64MB' AS $$
DECLARE
	day date;
	part text;
BEGIN
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT s.customer_id FROM usage.staging s WHERE s.batch = staged OFFSET 0) c
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

