package portal.usage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Keeps the hourly and daily rollups up to date after a merge, touching only the buckets the
 * merge changed a sample in, never rescanning history. Count, min, max, sum and the DDSketch are
 * mergeable, so a bucket that only gained samples is its stored summary merged with the new
 * samples' summary. A bucket where a stored value was replaced is not (the old value may have
 * been its min or max, and is in its sketch): such an hour is recomputed from its samples, and
 * such a day from its hours. The hours of a series and day are one row of
 * {@code usage.hourly_days}, read, merged into and written back whole.
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
				to_timestamp(u.bucket + 3600) AS hour_ends
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

	// The touched days' rows of hours, read through the primary key and locked: a concurrent writer of
	// the same day waits for this transaction, then reads the hours it wrote.
	private static final String STORED_DAYS = """
			SELECT k.series_id, k.bucket, d.hours, d.count, d.min, d.max, d.sum, d.p95, d.sketches
			FROM %1$s
			CROSS JOIN LATERAL (
				SELECT d.hours, d.count, d.min, d.max, d.sum, d.p95, d.sketches FROM usage.hourly_days d
				WHERE d.customer_id = k.customer_id AND d.series_id = k.series_id AND d.day = k.starts
				OFFSET 0 FOR UPDATE
			) d""".formatted(KEYS);

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

	// The touched days' rows of hours, copied into a temporary table of the session as the buckets are.
	private static final String CREATE_DAYS = """
			CREATE TEMPORARY TABLE IF NOT EXISTS rollup_days (
				customer_id uuid NOT NULL, series_id bigint NOT NULL, day timestamptz NOT NULL, hours bytea NOT NULL,
				count bytea NOT NULL, min bytea NOT NULL, max bytea NOT NULL, sum bytea NOT NULL, p95 bytea NOT NULL,
				sketches bytea NOT NULL, stored boolean NOT NULL
			) ON COMMIT DELETE ROWS""";

	// Days the store had no row of: a plain insert; a concurrent writer's row makes apply start over.
	private static final String INSERT_DAYS = """
			INSERT INTO usage.hourly_days (customer_id, series_id, day, hours, count, min, max, sum, p95, sketches)
			SELECT customer_id, series_id, day, hours, count, min, max, sum, p95, sketches FROM pg_temp.rollup_days
			WHERE NOT stored""";

	private static final String UPDATE_DAYS = """
			UPDATE usage.hourly_days t SET hours = s.hours, count = s.count, min = s.min, max = s.max, sum = s.sum,
				p95 = s.p95, sketches = s.sketches
			FROM pg_temp.rollup_days s
			WHERE s.stored AND t.customer_id = s.customer_id AND t.series_id = s.series_id AND t.day = s.day""";

	private static final String UNIQUE_VIOLATION = "23505";

	// The probes as they run, for the plan tests.
	static String storedSql(String table) {
		return STORED.formatted(KEYS, table);
	}

	static String anyStoredSql(String table) {
		return ANY_STORED.formatted(table);
	}

	static String storedDaysSql() {
		return STORED_DAYS;
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
			statement.execute(CREATE_DAYS);
		}
		for (int attempt = 1;; attempt++) {
			Savepoint savepoint = connection.setSavepoint();
			try {
				long t0 = System.nanoTime();
				Map<Key, Day> hours = hoursByDay(connection, changes.hours);
				long t1 = System.nanoTime();
				writeDays(connection, copy, hours);
				long t2 = System.nanoTime();
				Map<Key, Bucket> days = combine(connection, changes.days, recomputed -> recomputed
					.forEach((key, bucket) -> bucket.values = hours.get(key).hours.whole(bucket.values.percentile95())));
				long t3 = System.nanoTime();
				write(connection, copy, "daily", days);
				long t4 = System.nanoTime();
				connection.releaseSavepoint(savepoint);
				if (LOG.isDebugEnabled()) {
					LOG.debug("rollups of {} hours in {} days: hours read {} ms, written {} ms; days read {} ms,"
							+ " written {} ms", changes.hours.size(), days.size(), (t1 - t0) / 1_000_000,
							(t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
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

	// The touched hours merged into their days' rows: each touched day's row is read (and locked) once,
	// an hour that only gained samples is its stored bucket merged with them, an hour where a value was
	// replaced is recomputed from its samples, and the hours nobody touched stay as they were.
	private static Map<Key, Day> hoursByDay(Connection connection, Map<Key, Delta> touched) throws SQLException {
		Map<Key, Day> days = new TreeMap<>();
		touched.forEach((hour, delta) -> days
			.computeIfAbsent(new Key(hour.series(), Math.floorDiv(hour.start(), DAY) * DAY),
					day -> new Day(delta.series.customerId()))
			.touched.put(hour, delta));
		withKeys(connection, STORED_DAYS, new ArrayList<>(days.keySet()), key -> days.get(key).customer, statement -> {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Day day = days.get(new Key(rs.getLong(1), rs.getLong(2)));
					day.stored = true;
					day.hours = DayOfHours.unpacked(rs.getBytes(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6),
							rs.getBytes(7), rs.getBytes(8), rs.getBytes(9));
				}
			}
		});
		Map<Key, Bucket> recomputed = new TreeMap<>();
		days.forEach((dayKey, day) -> day.touched.forEach((hour, delta) -> {
			int hourOfDay = (int) ((hour.start() - dayKey.start()) / HOUR);
			if (delta.replaced) {
				recomputed.put(hour, new Bucket(day.customer, new Accumulator(delta.series.percentile95()), null));
			}
			else if (day.hours.has(hourOfDay)) {
				// Merged into a copy, so that the delta stays as it was for a second attempt.
				Accumulator values = delta.values.copy();
				day.hours.mergeInto(hourOfDay, values);
				day.hours.put(hourOfDay, values);
			}
			else {
				day.hours.put(hourOfDay, delta.values);
			}
		}));
		if (!recomputed.isEmpty()) {
			read(connection, SAMPLES_OF_HOURS, new ArrayList<>(recomputed.keySet()), recomputed,
					(rs, bucket) -> bucket.values.accept(rs.getDouble(3)));
			recomputed.forEach((hour, bucket) -> {
				long dayStart = Math.floorDiv(hour.start(), DAY) * DAY;
				days.get(new Key(hour.series(), dayStart)).hours.put((int) ((hour.start() - dayStart) / HOUR),
						bucket.values);
			});
		}
		return days;
	}

	private static void writeDays(Connection connection, CopyManager copy, Map<Key, Day> days)
			throws SQLException, IOException {
		copyThenApply(connection, copy, "rollup_days",
				"customer_id, series_id, day, hours, count, min, max, sum, p95, sketches, stored", out -> {
					int[] rows = new int[2];
					for (Map.Entry<Key, Day> entry : days.entrySet()) {
						Day day = entry.getValue();
						if (day.hours.isEmpty()) {
							continue;
						}
						rows[day.stored ? 1 : 0]++;
						out.row(11).uuid(day.customer).int8(entry.getKey().series())
							.timestampMicros(entry.getKey().start() * 1_000_000L);
						for (byte[] column : day.hours.packed()) {
							out.bytes(column);
						}
						out.nullableBool(day.stored);
					}
					return rows;
				}, INSERT_DAYS, UPDATE_DAYS);
	}

	private interface Recompute {

		void into(Map<Key, Bucket> recomputed) throws SQLException;

	}

	// Daily buckets that only gained samples: stored summary + new samples. Others: recomputed from their hours.
	private static Map<Key, Bucket> combine(Connection connection, Map<Key, Delta> touched, Recompute recompute)
			throws SQLException {
		Map<Key, Bucket> buckets = new TreeMap<>();
		Map<Key, Bucket> recomputed = new TreeMap<>();
		List<Key> gained = new ArrayList<>();
		touched.forEach((key, delta) -> {
			if (delta.replaced) {
				Bucket bucket = new Bucket(delta.series.customerId(), new Accumulator(delta.series.percentile95()), null);
				recomputed.put(key, bucket);
				buckets.put(key, bucket);
			}
			else {
				// The new samples' summary as it is: a new bucket holds just that. A stored bucket (read once)
				// merges into a copy, so that the delta stays as it was for a second attempt.
				gained.add(key);
				buckets.put(key, new Bucket(delta.series.customerId(), delta.values, false));
			}
		});
		List<Key> probed = withStored(connection, "daily", gained, buckets);
		if (!probed.isEmpty()) {
			read(connection, storedSql("daily"), probed, buckets, (rs, bucket) -> {
				bucket.stored = true;
				bucket.values = bucket.values.copy();
				bucket.values.merge(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getBytes(7));
			});
		}
		if (!recomputed.isEmpty()) {
			recompute.into(recomputed);
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

	private interface RowInto {

		void fold(ResultSet rs, Bucket bucket) throws SQLException;

	}

	private static void read(Connection connection, String sql, List<Key> keys, Map<Key, Bucket> buckets,
			RowInto into) throws SQLException {
		keys.sort(null);
		withKeys(connection, sql, keys, key -> buckets.get(key).customer, statement -> {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					into.fold(rs, buckets.get(new Key(rs.getLong(1), rs.getLong(2))));
				}
			}
		});
	}

	// Runs the statement with the keys (in their order) bound as three arrays: customers, series, bucket starts.
	private static void withKeys(Connection connection, String sql, List<Key> keys, Function<Key, UUID> customerOf,
			KeyArrays.Work work) throws SQLException {
		UUID[] customers = new UUID[keys.size()];
		Long[] series = new Long[keys.size()];
		Long[] starts = new Long[keys.size()];
		for (int i = 0; i < customers.length; i++) {
			Key key = keys.get(i);
			customers[i] = customerOf.apply(key);
			series[i] = key.series();
			starts[i] = key.start();
		}
		KeyArrays.run(connection, sql, work, customers, series, starts);
	}

	private static void write(Connection connection, CopyManager copy, String table, Map<Key, Bucket> buckets)
			throws SQLException, IOException {
		copyThenApply(connection, copy, "rollup_rows",
				"customer_id, series_id, bucket, count, min, max, sum, p95, sketch, stored", out -> {
					int[] rows = new int[3];
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
					return rows;
				}, INSERT.formatted(table), UPDATE.formatted(table), UPSERT.formatted(table));
	}

	private interface Rows {

		/** Writes the rows; answers how many go to each statement, in the statements' order. */
		int[] into(BinaryCopy out) throws IOException;

	}

	// Copies rows into a temporary table of the session, runs each statement that has rows to write (the
	// i-th statement takes the rows counted i-th), then empties the table for the next chunk.
	private static void copyThenApply(Connection connection, CopyManager copy, String temporary, String columns,
			Rows rows, String... statements) throws SQLException, IOException {
		int[] counts;
		try (BinaryCopy out = new BinaryCopy(new PGCopyOutputStream(copy.copyIn(
				"COPY pg_temp." + temporary + " (" + columns + ") FROM STDIN (FORMAT binary)")))) {
			counts = rows.into(out);
		}
		if (Arrays.stream(counts).sum() == 0) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (int i = 0; i < statements.length; i++) {
				if (counts[i] > 0) {
					statement.execute(statements[i]);
				}
			}
			statement.execute("TRUNCATE pg_temp." + temporary);
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

	/** A touched day's row of hours: as stored (locked) or new, with the touched hours merged in. */
	private static final class Day {

		private final UUID customer;

		private final Map<Key, Delta> touched = new TreeMap<>();

		private DayOfHours hours = new DayOfHours();

		private boolean stored;

		private Day(UUID customer) {
			this.customer = customer;
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
