-- A budget check did three statements per bucket (insert if missing, lock, update), and every
-- update wrote new entries into both indexes because it changed the indexed `full_at`. A busy
-- bucket (one client address signing in many users) then left a growing trail of dead index
-- entries that every later check walked through: measured under sign-in load, a check of two
-- buckets took 0.6 ms of database time, as much as everything else a sign-in writes together.
--
-- Now each bucket is one upsert that reads the row it replaces (RETURNING old), and no index
-- covers a column that changes, so updates stay on their page (HOT) and leave no index entry.
-- The job that removes full buckets reads the table instead of an index: it runs every few
-- minutes over rows that are at most a few minutes' worth of distinct keys.
DROP INDEX platform.budgets_full_at;
ALTER TABLE platform.budgets SET (fillfactor = 50);

-- Tokens in a bucket after refilling since `since` at `per_second`, up to its capacity.
CREATE FUNCTION platform.refilled(tokens double precision, since double precision, now_s double precision,
		capacity double precision, per_second double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT least(capacity, tokens + greatest(0, now_s - since) * per_second)
$$;

-- Tokens left after asking for `uses` from `available`: spent when there are enough (or when
-- settling, down to minus one capacity), untouched otherwise.
CREATE FUNCTION platform.after_spending(available double precision, uses double precision,
		capacity double precision, settle boolean)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN available >= uses OR settle THEN greatest(available - uses, -capacity) ELSE available END
$$;

-- Same contract as before: spends `uses[i]` from bucket `ids[i]` for every i, in one call,
-- locking rows in id order so that two calls naming the same buckets never deadlock.
CREATE OR REPLACE FUNCTION platform.spend(ids text[], capacities double precision[], per_second double precision[],
		uses double precision[], settle boolean)
RETURNS TABLE (id text, consumed boolean, seconds_to_wait double precision)
LANGUAGE plpgsql AS $$
DECLARE
	now_s     double precision := extract(epoch FROM clock_timestamp());
	i         integer;
	old_left  double precision;
	old_since double precision;
	available double precision;
	left_now  double precision;
BEGIN
	FOR i IN SELECT s.i FROM generate_subscripts(ids, 1) AS s(i) ORDER BY ids[s.i] LOOP
		INSERT INTO platform.budgets AS b (id, tokens, at, full_at)
			VALUES (ids[i], platform.after_spending(capacities[i], uses[i], capacities[i], settle), now_s,
				now_s + (capacities[i] - platform.after_spending(capacities[i], uses[i], capacities[i], settle))
					/ per_second[i])
			ON CONFLICT ON CONSTRAINT budgets_pkey DO UPDATE SET
				tokens = platform.after_spending(platform.refilled(b.tokens, b.at, now_s, capacities[i], per_second[i]),
					uses[i], capacities[i], settle),
				at = now_s,
				full_at = now_s + (capacities[i] - platform.after_spending(
					platform.refilled(b.tokens, b.at, now_s, capacities[i], per_second[i]), uses[i], capacities[i],
					settle)) / per_second[i]
			RETURNING old.tokens, old.at, new.tokens INTO old_left, old_since, left_now;
		-- A new row started full.
		available := CASE WHEN old_since IS NULL THEN capacities[i]
			ELSE platform.refilled(old_left, old_since, now_s, capacities[i], per_second[i]) END;
		id := ids[i];
		consumed := available >= uses[i];
		seconds_to_wait := CASE WHEN left_now >= 0 AND consumed THEN 0
			ELSE (least(uses[i], capacities[i]) - left_now) / per_second[i] END;
		RETURN NEXT;
	END LOOP;
END;
$$;
