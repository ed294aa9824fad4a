package portal.usage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Keeps the hourly and daily rollups up to date after a merge, touching only the buckets the
 * merge changed a sample in, never rescanning history. Count, min, max, sum and the DDSketch are
 * mergeable, so a bucket that only gained samples is its stored summary merged with the new
 * samples' summary. A bucket where a stored value was replaced is not (the old value may have
 * been its min or max, and is in its sketch): such an hour is recomputed from its samples, and
 * such a day from its hours. Each touched day's hours are then laid out again in one row of
 * {@code usage.hourly_days}, which hourly points are read from.
 */
final class Rollups {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Rollups.class);

	static final long HOUR = 3_600;

	static final long DAY = 86_400;

	// The keys of touched buckets as rows (customer, series, bucket start in epoch seconds), with the times
	// the probes compare with computed in a subquery of their own. Written in the probe's condition instead
	// (bucket = to_timestamp(k.bucket)), the call, which is not leakproof, kept the condition out of the
	// index under row-level security: it became a filter after the policy, and each probe read the series'
	// whole history (UsagePlansIntegrationTests).
	private static final String KEYS = """
			(SELECT u.customer_id, u.series_id, u.bucket, to_timestamp(u.bucket) AS starts,
				to_timestamp(u.bucket + 3600) AS hour_ends, to_timestamp(u.bucket + 86400) AS day_ends
			FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS u(customer_id, series_id, bucket) OFFSET 0) AS k""";

	// The touched buckets come as arrays and each is read through the primary key: a lateral probe
	// (OFFSET 0 keeps it from being flattened into a join PostgreSQL might plan as a scan of the
	// whole table). Stored buckets about to be merged into are locked, so that two writers adding
	// to the same bucket at once add up rather than overwrite each other.
	private static final String STORED = """
			SELECT k.series_id, k.bucket, b.count, b.min, b.max, b.sum, b.sketch
			FROM %1$s
			CROSS JOIN LATERAL (
				SELECT b.count, b.min, b.max, b.sum, b.sketch FROM usage.%2$s b
				WHERE b.customer_id = k.customer_id AND b.series_id = k.series_id AND b.bucket = k.starts
				OFFSET 0 FOR UPDATE
			) b""";

	// Series with any stored bucket within a span, one index probe each (the span's times computed apart, as in KEYS).
	private static final String ANY_STORED = """
			SELECT k.series_id FROM (
				SELECT u.customer_id, u.series_id, to_timestamp(u.low) AS low, to_timestamp(u.high) AS high
				FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(customer_id, series_id, low, high)
				OFFSET 0) AS k
			WHERE EXISTS (
				SELECT 1 FROM usage.%s b
				WHERE b.customer_id = k.customer_id AND b.series_id = k.series_id
				  AND b.bucket >= k.low AND b.bucket <= k.high)""";

	// Samples of hours where a value was replaced, pruned to their day's partition at run time.
	private static final String SAMPLES_OF_HOURS = """
			SELECT k.series_id, k.bucket, s.value
			FROM %1$s
			CROSS JOIN LATERAL (
				SELECT s.value FROM usage.samples s
				WHERE s.customer_id = k.customer_id AND s.series_id = k.series_id
				  AND s.at >= k.starts AND s.at < k.hour_ends
				OFFSET 0
			) s""".formatted(KEYS);

	// Hours of days where a value was replaced, read after the hours were written.
	private static final String HOURS_OF_DAYS = """
			SELECT k.series_id, k.bucket, h.count, h.min, h.max, h.sum, h.sketch
			FROM %1$s
			CROSS JOIN LATERAL (
				SELECT h.count, h.min, h.max, h.sum, h.sketch FROM usage.hourly h
				WHERE h.customer_id = k.customer_id AND h.series_id = k.series_id
				  AND h.bucket >= k.starts AND h.bucket < k.day_ends
				OFFSET 0
			) h""".formatted(KEYS);

	// The buckets to write, copied into a temporary table of the writer's own session, read by the
	// statements that write them, then emptied with TRUNCATE. A table shared by every writer, each
	// deleting its own rows, kept them as dead rows until autovacuum came by: under steady ingestion
	// it grew by about 7 MB per 10 chunks between visits, and every chunk's statements scanned it all
	// (docs/adr/0010). Emptied at commit too, so nothing outlives the transaction.
	private static final String CREATE_ROWS = """
			CREATE TEMPORARY TABLE IF NOT EXISTS rollup_rows (
				customer_id uuid NOT NULL, series_id bigint NOT NULL, bucket timestamptz NOT NULL, count int NOT NULL,
				min double precision NOT NULL, max double precision NOT NULL, sum double precision NOT NULL,
				p95 double precision, sketch bytea, stored boolean
			) ON COMMIT DELETE ROWS""";

	// Buckets the store had none of: a plain insert, about half the cost of ON CONFLICT. A concurrent
	// writer that created one of them meanwhile makes it fail on the primary key; apply then starts over.
	private static final String INSERT = """
			INSERT INTO usage.%1$s (customer_id, series_id, bucket, count, min, max, sum, p95, sketch)
			SELECT customer_id, series_id, bucket, count, min, max, sum, p95, sketch FROM pg_temp.rollup_rows
			WHERE stored = false""";

	// Buckets read from the store (and locked) before they were merged into.
	private static final String UPDATE = """
			UPDATE usage.%1$s t SET count = s.count, min = s.min, max = s.max, sum = s.sum, p95 = s.p95, sketch = s.sketch
			FROM pg_temp.rollup_rows s
			WHERE s.stored AND t.customer_id = s.customer_id AND t.series_id = s.series_id AND t.bucket = s.bucket""";

	// Buckets recomputed from the finer level, which the store may or may not hold (after a purge).
	private static final String UPSERT = """
			INSERT INTO usage.%1$s (customer_id, series_id, bucket, count, min, max, sum, p95, sketch)
			SELECT customer_id, series_id, bucket, count, min, max, sum, p95, sketch FROM pg_temp.rollup_rows
			WHERE stored IS NULL
			ON CONFLICT (customer_id, series_id, bucket) DO UPDATE SET count = EXCLUDED.count, min = EXCLUDED.min,
				max = EXCLUDED.max, sum = EXCLUDED.sum, p95 = EXCLUDED.p95, sketch = EXCLUDED.sketch""";

	// The touched days' rows of usage.hourly_days, rewritten from their hours once both levels are
	// written. Each day's daily bucket is locked by then (read FOR UPDATE, inserted or upserted), so
	// a concurrent writer of the same day waits for this transaction and then reads its hours.
	static final String HOURS_OF_DAY_PACKED = """
			string_agg(int2send(date_part('hour', h.bucket AT TIME ZONE 'UTC')::smallint), ''::bytea ORDER BY h.bucket) AS hours,
			string_agg(int4send(h.count), ''::bytea ORDER BY h.bucket) AS count,
			string_agg(float8send(h.min), ''::bytea ORDER BY h.bucket) AS min,
			string_agg(float8send(h.max), ''::bytea ORDER BY h.bucket) AS max,
			string_agg(float8send(h.sum), ''::bytea ORDER BY h.bucket) AS sum,
			string_agg(float8send(coalesce(h.p95, 'NaN')), ''::bytea ORDER BY h.bucket) AS p95""";

	private static final String LAY_OUT_DAYS = """
			INSERT INTO usage.hourly_days (customer_id, series_id, day, hours, count, min, max, sum, p95)
			SELECT k.customer_id, k.series_id, k.starts, h.hours, h.count, h.min, h.max, h.sum, h.p95
			FROM %1$s
			CROSS JOIN LATERAL (
				SELECT %2$s FROM usage.hourly h
				WHERE h.customer_id = k.customer_id AND h.series_id = k.series_id
				  AND h.bucket >= k.starts AND h.bucket < k.day_ends
				OFFSET 0
			) h
			WHERE h.hours IS NOT NULL
			ON CONFLICT (customer_id, series_id, day) DO UPDATE SET hours = EXCLUDED.hours, count = EXCLUDED.count,
				min = EXCLUDED.min, max = EXCLUDED.max, sum = EXCLUDED.sum, p95 = EXCLUDED.p95""".formatted(KEYS, HOURS_OF_DAY_PACKED);

	private static final String UNIQUE_VIOLATION = "23505";

	// The probes as they run, for the plan tests.
	static String storedSql(String table) {
		return STORED.formatted(KEYS, table);
	}

	static String anyStoredSql(String table) {
		return ANY_STORED.formatted(table);
	}

	static String layOutSql() {
		return LAY_OUT_DAYS;
	}

	// Times apply starts over when concurrent writers keep creating the same new buckets.
	private static final int ATTEMPTS = 5;

	private Rollups() {
	}

	/**
	 * The samples one merge changed, summed up per touched hour and day: what was added, and
	 * whether anything was replaced. Holds one bucket summary per touched bucket, never the samples.
	 */
	static final class Changes {

		private final Map<Long, Series> series;

		private final Map<Key, Delta> hours = new HashMap<>();

		private final Map<Key, Delta> days = new HashMap<>();

		private long lastSeries = Long.MIN_VALUE;

		private long lastHour = Long.MIN_VALUE;

		private long lastDay = Long.MIN_VALUE;

		private Delta hour;

		private Delta day;

		private long added;

		private long replaced;

		/** The series the merged samples belong to, by id. */
		Changes(Map<Long, Series> series) {
			this.series = series;
		}

		void accept(long seriesId, long epochSecond, double value, boolean isNew) {
			long hourStart = Math.floorDiv(epochSecond, HOUR) * HOUR;
			long dayStart = Math.floorDiv(epochSecond, DAY) * DAY;
			if (seriesId != lastSeries || hourStart != lastHour) {
				hour = hours.computeIfAbsent(new Key(seriesId, hourStart), this::delta);
				lastHour = hourStart;
			}
			if (seriesId != lastSeries || dayStart != lastDay) {
				day = days.computeIfAbsent(new Key(seriesId, dayStart), this::delta);
				lastDay = dayStart;
			}
			lastSeries = seriesId;
			if (isNew) {
				added++;
				hour.values.accept(value);
				day.values.accept(value);
			}
			else {
				replaced++;
				hour.replaced = true;
				day.replaced = true;
			}
		}

		long added() {
			return added;
		}

		long replaced() {
			return replaced;
		}

		boolean isEmpty() {
			return hours.isEmpty();
		}

		private Delta delta(Key key) {
			Series of = series.get(key.series());
			if (of == null) {
				throw new IllegalStateException("A merged sample of an unknown series " + key.series());
			}
			return new Delta(of);
		}
	}

	/**
	 * Writes the touched hours, then the touched days, within the merge's transaction. If a
	 * concurrent writer created one of the buckets this one found missing, what was written here is
	 * undone and the buckets are read and merged again, so that both writers' samples count.
	 */
	static void apply(Connection connection, CopyManager copy, Changes changes) throws SQLException, IOException {
		if (changes.isEmpty()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(CREATE_ROWS);
		}
		for (int attempt = 1;; attempt++) {
			Savepoint savepoint = connection.setSavepoint();
			try {
				long t0 = System.nanoTime();
				Map<Key, Bucket> hours = combine(connection, "hourly", changes.hours, SAMPLES_OF_HOURS, false);
				long t1 = System.nanoTime();
				write(connection, copy, "hourly", hours);
				long t2 = System.nanoTime();
				Map<Key, Bucket> days = combine(connection, "daily", changes.days, HOURS_OF_DAYS, true);
				long t3 = System.nanoTime();
				write(connection, copy, "daily", days);
				long t4 = System.nanoTime();
				layOut(connection, days);
				long t5 = System.nanoTime();
				connection.releaseSavepoint(savepoint);
				if (LOG.isDebugEnabled()) {
					LOG.debug("rollups of {} hours and {} days: hours read {} ms, written {} ms; days read {} ms,"
							+ " written {} ms; laid out {} ms", hours.size(), days.size(), (t1 - t0) / 1_000_000,
							(t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
				}
				return;
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState()) || attempt == ATTEMPTS) {
					throw ex;
				}
				connection.rollback(savepoint);
			}
		}
	}

	// Buckets that only gained samples: stored summary + new samples. Others: recomputed from the finer level.
	private static Map<Key, Bucket> combine(Connection connection, String table, Map<Key, Delta> touched,
			String finer, boolean finerAreHours) throws SQLException {
		Map<Key, Bucket> buckets = new TreeMap<>();
		List<Key> gained = new ArrayList<>();
		List<Key> recomputed = new ArrayList<>();
		touched.forEach((key, delta) -> {
			if (delta.replaced) {
				recomputed.add(key);
				buckets.put(key, new Bucket(delta.series.customerId(), new Accumulator(delta.series.percentile95()), null));
			}
			else {
				// The new samples' summary as it is: a new bucket holds just that. A stored bucket (read once)
				// merges into a copy, so that the delta stays as it was for a second attempt.
				gained.add(key);
				buckets.put(key, new Bucket(delta.series.customerId(), delta.values, false));
			}
		});
		List<Key> probed = withStored(connection, table, gained, buckets);
		if (!probed.isEmpty()) {
			read(connection, storedSql(table), probed, buckets, (rs, bucket) -> {
				bucket.stored = true;
				bucket.values = bucket.values.copy();
				bucket.values.merge(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getBytes(7));
			});
		}
		if (!recomputed.isEmpty()) {
			read(connection, finer, recomputed, buckets, finerAreHours
					? (rs, bucket) -> bucket.values.merge(rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
							rs.getDouble(6), rs.getBytes(7))
					: (rs, bucket) -> bucket.values.accept(rs.getDouble(3)));
		}
		return buckets;
	}

	// Of the buckets about to be merged into, those of series with any stored bucket in the span the chunk
	// touched: one probe per series rather than per bucket. A chunk of new history (a day's 24 hours of
	// each series, say) probes its series only; the buckets of the others are new and inserted plainly.
	private static List<Key> withStored(Connection connection, String table, List<Key> gained,
			Map<Key, Bucket> buckets) throws SQLException {
		Map<Long, long[]> spans = new TreeMap<>();
		Map<Long, UUID> customerOf = new HashMap<>();
		for (Key key : gained) {
			spans.merge(key.series(), new long[] { key.start(), key.start() },
					(a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
			customerOf.putIfAbsent(key.series(), buckets.get(key).customer);
		}
		if (spans.size() == gained.size()) {
			return gained;
		}
		KeyArrays.Spans keys = new KeyArrays.Spans(spans.size());
		spans.forEach((series, span) -> keys.add(customerOf.get(series), series, span[0], span[1]));
		Set<Long> stored = new HashSet<>();
		keys.run(connection, anyStoredSql(table), statement -> {
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getLong(1));
				}
			}
		});
		List<Key> probed = new ArrayList<>();
		for (Key key : gained) {
			if (stored.contains(key.series())) {
				probed.add(key);
			}
		}
		return probed;
	}

	private static void layOut(Connection connection, Map<Key, Bucket> days) throws SQLException {
		withKeys(connection, LAY_OUT_DAYS, new ArrayList<>(days.keySet()), days, PreparedStatement::executeUpdate);
	}

	private interface RowInto {

		void fold(ResultSet rs, Bucket bucket) throws SQLException;

	}

	private static void read(Connection connection, String sql, List<Key> keys, Map<Key, Bucket> buckets,
			RowInto into) throws SQLException {
		keys.sort(null);
		withKeys(connection, sql, keys, buckets, statement -> {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					into.fold(rs, buckets.get(new Key(rs.getLong(1), rs.getLong(2))));
				}
			}
		});
	}

	// Runs the statement with the keys (in their order) bound as three arrays: customers, series, bucket starts.
	private static void withKeys(Connection connection, String sql, List<Key> keys, Map<Key, Bucket> buckets,
			KeyArrays.Work work) throws SQLException {
		UUID[] customers = new UUID[keys.size()];
		Long[] series = new Long[keys.size()];
		Long[] starts = new Long[keys.size()];
		for (int i = 0; i < customers.length; i++) {
			Key key = keys.get(i);
			customers[i] = buckets.get(key).customer;
			series[i] = key.series();
			starts[i] = key.start();
		}
		KeyArrays.run(connection, sql, work, customers, series, starts);
	}

	private static void write(Connection connection, CopyManager copy, String table, Map<Key, Bucket> buckets)
			throws SQLException, IOException {
		int[] rows = new int[3];
		try (BinaryCopy out = new BinaryCopy(new PGCopyOutputStream(copy.copyIn(
				"COPY pg_temp.rollup_rows (customer_id, series_id, bucket, count, min, max, sum, p95, sketch, stored) "
						+ "FROM STDIN (FORMAT binary)")))) {
			for (Map.Entry<Key, Bucket> entry : buckets.entrySet()) {
				Bucket bucket = entry.getValue();
				Accumulator values = bucket.values;
				if (values.count() == 0) {
					continue;
				}
				rows[bucket.stored == null ? 2 : bucket.stored ? 1 : 0]++;
				out.row(10).uuid(bucket.customer).int8(entry.getKey().series())
					.timestampMicros(entry.getKey().start() * 1_000_000L)
					.int4(Math.toIntExact(values.count()))
					.float8(values.min()).float8(values.max()).float8(values.sum())
					.nullableFloat8(values.p95()).bytes(values.encodedSketch()).nullableBool(bucket.stored);
			}
		}
		if (rows[0] + rows[1] + rows[2] == 0) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			String[] statements = { INSERT, UPDATE, UPSERT };
			for (int i = 0; i < statements.length; i++) {
				if (rows[i] > 0) {
					statement.execute(statements[i].formatted(table));
				}
			}
			statement.execute("TRUNCATE pg_temp.rollup_rows");
		}
	}

	/** A bucket of one series: its start in epoch seconds (UTC hour or day). */
	private record Key(long series, long start) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int bySeries = Long.compare(series, other.series);
			return bySeries != 0 ? bySeries : Long.compare(start, other.start);
		}
	}

	private static final class Delta {

		private final Series series;

		private final Accumulator values;

		private boolean replaced;

		private Delta(Series series) {
			this.series = series;
			this.values = new Accumulator(series.percentile95());
		}
	}

	/** What a touched bucket will hold; whether the store holds it (null: not known, not read). */
	private static final class Bucket {

		private final UUID customer;

		private Accumulator values;

		private Boolean stored;

		private Bucket(UUID customer, Accumulator values, Boolean stored) {
			this.customer = customer;
			this.values = values;
			this.stored = stored;
		}
	}
}
