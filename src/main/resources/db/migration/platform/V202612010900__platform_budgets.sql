-- Abuse limits shared by every node (platform.RateLimits), now one statement per check
-- instead of Bucket4j's select-for-update transaction per bucket: a sign-in checks two
-- budgets, and those round trips were a large part of what a sign-in cost besides its hash.
--
-- A row is one token bucket: `tokens` uses were left at `at` (epoch seconds, database clock,
-- so every node agrees), refilled gradually up to its capacity. `full_at` is when it is full
-- again; from then on the row says nothing a missing row would not, and a job removes it.
CREATE TABLE platform.budgets (
	id      text             NOT NULL PRIMARY KEY,
	tokens  double precision NOT NULL,
	at      double precision NOT NULL,
	full_at double precision NOT NULL
);
CREATE INDEX budgets_full_at ON platform.budgets (full_at);

-- Spends `uses[i]` from bucket `ids[i]` (capacity `capacities[i]`, refilled at `per_second[i]`)
-- for every i, in one call. Rows are locked in id order, so two calls naming the same buckets
-- never deadlock. A bucket without enough left is not touched and answers consumed = false
-- with the seconds until it would have enough; `settle` spends anyway (down to minus one
-- capacity), for nodes that spent locally first and only report what they spent.
CREATE FUNCTION platform.spend(ids text[], capacities double precision[], per_second double precision[],
		uses double precision[], settle boolean)
RETURNS TABLE (id text, consumed boolean, seconds_to_wait double precision)
LANGUAGE plpgsql AS $$
DECLARE
	now_s    double precision := extract(epoch FROM clock_timestamp());
	i        integer;
	left_s   double precision;
	since    double precision;
	refilled double precision;
BEGIN
	FOR i IN SELECT s.i FROM generate_subscripts(ids, 1) AS s(i) ORDER BY ids[s.i] LOOP
		INSERT INTO platform.budgets AS b (id, tokens, at, full_at) VALUES (ids[i], capacities[i], now_s, now_s)
			ON CONFLICT ON CONSTRAINT budgets_pkey DO NOTHING;
		SELECT b.tokens, b.at INTO left_s, since FROM platform.budgets AS b WHERE b.id = ids[i] FOR UPDATE;
		refilled := least(capacities[i], left_s + greatest(0, now_s - since) * per_second[i]);
		id := ids[i];
		consumed := refilled >= uses[i];
		IF consumed OR settle THEN
			refilled := greatest(refilled - uses[i], -capacities[i]);
		END IF;
		seconds_to_wait := CASE WHEN refilled >= 0 AND consumed THEN 0
			ELSE (least(uses[i], capacities[i]) - refilled) / per_second[i] END;
		UPDATE platform.budgets AS b SET tokens = refilled, at = now_s,
				full_at = now_s + (capacities[i] - refilled) / per_second[i]
			WHERE b.id = ids[i];
		RETURN NEXT;
	END LOOP;
END;
$$;
GRANT EXECUTE ON FUNCTION platform.spend(text[], double precision[], double precision[], double precision[], boolean)
	TO ${appRole};

DROP TABLE platform.rate_limits;
