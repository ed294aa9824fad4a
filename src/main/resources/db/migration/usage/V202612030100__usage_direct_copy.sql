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
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT n.customer_id FROM new_samples n) c
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
