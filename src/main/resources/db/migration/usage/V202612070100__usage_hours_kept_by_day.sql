-- The hourly rollups are kept by day only (docs/adr/0010, "Hours kept by day"): the row of a
-- series and UTC day in usage.hourly_days becomes the hourly rollup of record, and usage.hourly,
-- a row per hour, goes. Ingestion wrote each touched hour twice (its row, then its day's row laid
-- out from the hours); a chunk of 100,000 samples touches about 8,300 hours and 350 days, and the
-- hours' rows were a fifth of the time the chunk took.
--
-- What only the hours' rows held, their sketches, joins the day's row, packed like the other
-- figures: for each bucket in the order of hours, its sketch's length (4 bytes, big-endian, 0 for
-- a series without a p95) followed by the sketch's bytes.
ALTER TABLE usage.hourly_days ADD COLUMN sketches bytea;

SELECT set_config('portal.scope', 'system', true);

UPDATE usage.hourly_days d SET sketches = (
	SELECT string_agg(int4send(coalesce(length(h.sketch), 0)) || coalesce(h.sketch, ''::bytea), ''::bytea ORDER BY h.bucket)
	FROM usage.hourly h
	WHERE h.customer_id = d.customer_id AND h.series_id = d.series_id
	  AND h.bucket >= d.day AND h.bucket < d.day + interval '24 hours');

-- A row laid out before its hours were purged and never laid out again has no hours left to take
-- sketches from; it is dropped, as the hourly purge would have dropped it.
DELETE FROM usage.hourly_days WHERE sketches IS NULL;

ALTER TABLE usage.hourly_days ALTER COLUMN sketches SET NOT NULL,
	ADD CHECK (length(sketches) >= 2 * length(hours));

DROP TABLE usage.hourly;

-- The packed figures from the k-th bucket on (k counted from 0), for trimming a day's leading hours.
CREATE FUNCTION usage.sketches_from(sketches bytea, k int) RETURNS bytea
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	at int := 1;
BEGIN
	FOR i IN 1..k LOOP
		at := at + 4 + ('x' || encode(substr(sketches, at, 4), 'hex'))::bit(32)::int;
	END LOOP;
	RETURN substr(sketches, at);
END $$;

-- How many of a day's buckets start at or before the given hour of the day (hours are ascending).
CREATE FUNCTION usage.hours_through(hours bytea, last_hour int) RETURNS int
	LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
	SELECT count(*)::int FROM generate_series(0, length(hours) / 2 - 1) AS i
	WHERE ('x' || encode(substr(hours, 2 * i + 1, 2), 'hex'))::bit(16)::int <= last_hour $$;

GRANT EXECUTE ON FUNCTION usage.sketches_from(bytea, int), usage.hours_through(bytea, int) TO ${appRole};
