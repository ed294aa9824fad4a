package portal.usage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes samples in bulk within the current transaction, a chunk of at most {@value #CHUNK} rows
 * (and {@value #MAX_DAYS} days) at a time: the chunk is held in arrays, the missing day
 * partitions are created, the chunk is written, and the rollups of the buckets it changed are
 * brought up to date ({@link Rollups}). The heap holds at most one chunk and its bookkeeping,
 * whatever the body size.
 *
 * <p>Idempotent by (series, time): a sample already stored with the same value adds nothing; a
 * different value replaces the stored one; within one batch the last line wins.
 *
 * <p>Most chunks carry only samples new to the store (a system sending what it measured since
 * last time). When each series' times in the chunk come strictly increasing and no stored sample
 * of a series lies within the chunk's span of it, the chunk is copied in binary straight into
 * its day partitions, written once; each partition's statement trigger keeps the wall there
 * (docs/adr/0010, "The wall on the day partitions"). If a concurrent writer stored one of its
 * samples meanwhile, the copy fails on the primary key within a savepoint. That chunk, and any
 * chunk with stored, repeated or changed samples, is copied into the unlogged staging table (rows
 * tagged with the writer's batch id) and merged by {@code usage.merge_staged}, which checks the
 * wall once per customer of the chunk and answers each sample with whether it was new.
 */
@Component
class SampleWriter {

	static final int CHUNK = 100_000;

	// Days one chunk may span.
	static final int MAX_DAYS = 8;

	// Whether a stored sample of a chunk's series lies within the chunk's span of it: a probe per
	// series through the primary key, the span's times computed apart from the probe so that they go
	// into its index condition (see Rollups.KEYS).
	static final String ANY_STORED = """
			SELECT EXISTS (
				SELECT 1 FROM (
					SELECT u.customer_id, u.series_id, to_timestamp(u.lo) AS lo, to_timestamp(u.hi) AS hi
					FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(customer_id, series_id, lo, hi)
					OFFSET 0) AS k
				CROSS JOIN LATERAL (
					SELECT 1 FROM usage.samples s
					WHERE s.customer_id = k.customer_id AND s.series_id = k.series_id
					  AND s.at >= k.lo AND s.at <= k.hi
					LIMIT 1
				) s
			)""";

	// The day partitions' writer (migration V202612010000): the wall checked once per customer of
	// the batch rather than once per row, and each sample answered with whether it was new.
	private static final String MERGE = "SELECT series_id, epoch, value, added FROM usage.merge_staged(?, ?, ?)";

	// Rows of a merge's answer read at a time.
	private static final int FETCH = 10_000;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SampleWriter.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	// Tests make chunks small, so that chunk boundaries fall inside buckets.
	private volatile int chunk = CHUNK;

	// Threads that write full chunks while the lines of the next are checked; one per body at most at a time.
	private final ExecutorService flushers = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "usage-chunk-writer");
		thread.setDaemon(true);
		return thread;
	});

	SampleWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@PreDestroy
	void stopFlushers() {
		flushers.shutdown();
	}

	/** Starts writing within the transaction that must be active on this thread. */
	Writing open() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Samples are written within a transaction");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new Writing(connection, connection.unwrap(PGConnection.class).getCopyAPI(), UUID.randomUUID(),
					chunk, flushers);
		}
		catch (SQLException ex) {
			throw writeFailure(ex);
		}
	}

	/**
	 * A failure of the database while writing, as the rest of the portal sees one: translated by
	 * its SQL state (a lost connection is a {@link DataAccessResourceFailureException}, which the
	 * portal's outage handling looks for), never mistaken for a fault of the body. A COPY stream reports the
	 * database's error as the cause of an {@link IOException}; one without such a cause is the
	 * connection's own.
	 */
	static DataAccessException writeFailure(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return TRANSLATOR.translate("Writing usage samples", null, sql);
			}
		}
		return new DataAccessResourceFailureException("Writing usage samples: the connection failed", ex);
	}

	private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	// For tests: samples per chunk (0: the default).
	void chunkSize(int samples) {
		this.chunk = samples > 0 ? samples : CHUNK;
	}

	/** Totals of what the merges did, and the customers whose usage they changed. */
	record Merged(long added, long replaced, Set<UUID> customers) {
	}

	/**
	 * One transaction's stream of samples. A full chunk is written by a thread of the writer's own
	 * while the caller goes on filling the next one: the database writes one chunk while the lines of
	 * the next are checked. At most two chunks are held, the one being filled and the one being
	 * written; the caller waits for the second before it hands over a third. The connection is used
	 * by one thread at a time: the caller calls {@link #settle()} before it runs statements of its own
	 * within the transaction.
	 */
	static final class Writing {

		private final Connection connection;

		private final CopyManager copy;

		private final UUID batch;

		private final ExecutorService flushers;

		// The days whose partitions exist, known to the thread that writes.
		private final Set<Long> ensuredDays = new HashSet<>();

		private Chunk filling;

		// The chunk the writing thread has, if any, and the arrays it will hand back for the next.
		private Future<Chunk> written;

		private Chunk spare;

		private long added;

		private long replaced;

		private final Set<UUID> changedCustomers = new HashSet<>();

		// The COPY in progress, only ever within a flush.
		private volatile PGCopyOutputStream copying;

		private Writing(Connection connection, CopyManager copy, UUID batch, int chunk, ExecutorService flushers) {
			this.connection = connection;
			this.copy = copy;
			this.batch = batch;
			this.flushers = flushers;
			this.filling = new Chunk(chunk);
		}

		void add(Series series, long epochSecond, double value, long line) {
			long day = Math.floorDiv(epochSecond, Rollups.DAY);
			if (filling.full(day)) {
				handOver();
			}
			filling.add(series, epochSecond, value, line, day);
		}

		/**
		 * Waits until the chunk being written, if any, is written, so that the caller may use the
		 * connection; a failure to write it is thrown here.
		 */
		void settle() {
			Future<Chunk> pending = written;
			if (pending == null) {
				return;
			}
			written = null;
			try {
				spare = pending.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				// The connection stays with the writing thread until its chunk is done.
				BodyReading.awaitEnd(pending);
				throw new DataAccessResourceFailureException("Interrupted while writing usage samples", ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw writeFailure((Exception) cause);
			}
		}

		// The full chunk goes to the writing thread once it has finished the previous one.
		private void handOver() {
			settle();
			Chunk full = filling;
			filling = spare != null ? spare : new Chunk(full.capacity());
			spare = null;
			written = flushers.submit(() -> {
				try {
					flush(full);
				}
				catch (IOException | SQLException ex) {
					throw writeFailure(ex);
				}
				full.clear();
				return full;
			});
		}

		/**
		 * When the body is given up: waits for the chunk being written, then cancels the COPY in
		 * progress, if any. The connection must be free, and out of COPY mode, before the transaction
		 * can roll back.
		 */
		void abandon() {
			Future<Chunk> pending = written;
			written = null;
			if (pending != null) {
				// The rollback that follows reports a broken connection if there is one.
				BodyReading.awaitEnd(pending);
			}
			cancelCopy();
		}

		/** Writes what is held; the totals cover every chunk so far. */
		Merged finish() {
			settle();
			try {
				flush(filling);
			}
			catch (IOException | SQLException ex) {
				throw writeFailure(ex);
			}
			filling.clear();
			return new Merged(added, replaced, Set.copyOf(changedCustomers));
		}

		private void flush(Chunk chunk) throws IOException, SQLException {
			if (chunk.rows == 0) {
				return;
			}
			long t0 = System.nanoTime();
			ensurePartitions(chunk);
			Map<Long, Series> series = new HashMap<>();
			chunk.spans.forEach((id, span) -> series.put(id, span.series));
			boolean ordered = chunk.spans.values().stream().allMatch(span -> span.ordered);
			long t1 = System.nanoTime();
			boolean stored = anyStored(chunk);
			long t2 = System.nanoTime();
			Rollups.Changes changes = new Rollups.Changes(series);
			String path = "direct";
			if (stored || !ordered || !copyFresh(chunk, changes)) {
				// Replacements, repetitions within the chunk, or a concurrent writer: staging and merge.
				path = "staged";
				stage(chunk);
				changes = new Rollups.Changes(series);
				if (stored || ordered || !mergeFresh(changes, ordered)) {
					changes = new Rollups.Changes(series);
					merge(changes, false, ordered);
				}
				try (Statement statement = connection.createStatement()) {
					statement.execute("DELETE FROM usage.staging WHERE batch = '" + batch + "'");
				}
			}
			long t3 = System.nanoTime();
			added += changes.added();
			replaced += changes.replaced();
			if (changes.added() + changes.replaced() > 0) {
				chunk.spans.values().forEach(span -> changedCustomers.add(span.series.customerId()));
			}
			Rollups.apply(connection, copy, changes);
			long t4 = System.nanoTime();
			if (LOG.isDebugEnabled()) {
				LOG.debug("chunk of {} rows ({}): partitions {} ms, probe {} ms, write {} ms, rollups {} ms", chunk.rows,
						path, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
						(t4 - t3) / 1_000_000);
			}
		}

		// Copies the chunk straight into its day partitions, whose trigger applies the wall once per
		// statement. False, with nothing kept, if a concurrent writer stored one of its samples meanwhile.
		private boolean copyFresh(Chunk chunk, Rollups.Changes changes) throws IOException, SQLException {
			Savepoint savepoint = connection.setSavepoint();
			try {
				long[] sorted = chunk.days.stream().mapToLong(Long::longValue).sorted().toArray();
				for (long day : sorted) {
					String partition = "usage.samples_" + LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE);
					try (BinaryCopy out = startCopy(
							"COPY " + partition + " (customer_id, series_id, at, value) FROM STDIN (FORMAT binary)")) {
						for (int i = 0; i < chunk.rows; i++) {
							long time = chunk.times[i];
							if (sorted.length == 1 || Math.floorDiv(time, Rollups.DAY) == day) {
								Series series = chunk.series[i];
								out.row(4).uuid(series.customerId()).int8(series.id())
									.timestampMicros(time * 1_000_000L).float8(chunk.values[i]);
								// Summed up while PostgreSQL writes what was sent; dropped if the copy fails.
								changes.accept(series.id(), time, chunk.values[i], true);
							}
						}
					}
					copying = null;
				}
			}
			catch (IOException | SQLException ex) {
				cancelCopy();
				if (!UNIQUE_VIOLATION.equals(sqlState(ex))) {
					throw ex;
				}
				connection.rollback(savepoint);
				return false;
			}
			connection.releaseSavepoint(savepoint);
			return true;
		}

		private void stage(Chunk chunk) throws IOException, SQLException {
			try (BinaryCopy out = startCopy(
					"COPY usage.staging (batch, customer_id, series_id, at, value, line) FROM STDIN (FORMAT binary)")) {
				for (int i = 0; i < chunk.rows; i++) {
					out.row(6).uuid(batch).uuid(chunk.series[i].customerId()).int8(chunk.series[i].id())
						.timestampMicros(chunk.times[i] * 1_000_000L).float8(chunk.values[i]).int8(chunk.lines[i]);
				}
			}
			catch (IOException | SQLException ex) {
				cancelCopy();
				throw ex;
			}
			copying = null;
		}

		private BinaryCopy startCopy(String sql) throws IOException, SQLException {
			PGCopyOutputStream out = new PGCopyOutputStream(copy.copyIn(sql), 1 << 16);
			copying = out;
			return new BinaryCopy(out);
		}

		private void cancelCopy() {
			PGCopyOutputStream open = copying;
			copying = null;
			if (open == null) {
				return;
			}
			try {
				if (open.isActive()) {
					open.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// The rollback that follows reports a broken connection if there is one.
			}
		}

		private static String sqlState(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && sql.getSQLState() != null) {
					return sql.getSQLState();
				}
			}
			return null;
		}

		private boolean anyStored(Chunk chunk) throws SQLException {
			KeyArrays.Spans keys = new KeyArrays.Spans(chunk.spans.size());
			chunk.spans.values().forEach(span -> keys.add(span.series.customerId(), span.series.id(), span.first, span.last));
			boolean[] any = { false };
			keys.run(connection, ANY_STORED, statement -> {
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					any[0] = rs.getBoolean(1);
				}
			});
			return any[0];
		}

		// The chunk's samples are all new, unless a concurrent writer stored some meanwhile: then false.
		private boolean mergeFresh(Rollups.Changes changes, boolean ordered) throws SQLException {
			Savepoint savepoint = connection.setSavepoint();
			try {
				merge(changes, true, ordered);
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				return false;
			}
			connection.releaseSavepoint(savepoint);
			return true;
		}

		private void merge(Rollups.Changes changes, boolean fresh, boolean ordered) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(MERGE)) {
				statement.setObject(1, batch);
				statement.setBoolean(2, fresh);
				statement.setBoolean(3, ordered);
				statement.setFetchSize(FETCH);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						changes.accept(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getBoolean(4));
					}
				}
			}
		}

		private void ensurePartitions(Chunk chunk) throws SQLException {
			Set<Long> missing = new HashSet<>(chunk.days);
			missing.removeAll(ensuredDays);
			if (missing.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT usage.ensure_partition(?)")) {
				for (long day : missing) {
					statement.setObject(1, LocalDate.ofEpochDay(day));
					statement.execute();
				}
			}
			ensuredDays.addAll(missing);
		}
	}

	/**
	 * A chunk of samples, held until it is written: where it goes depends on what the store holds.
	 * Its arrays grow up to the chunk size and are reused for the chunk after next.
	 */
	private static final class Chunk {

		private final int capacity;

		private Series[] series = new Series[0];

		private long[] times = new long[0];

		private double[] values = new double[0];

		private long[] lines = new long[0];

		private int rows;

		// The days the chunk spans.
		private final Set<Long> days = new HashSet<>();

		// The chunk's series, and the span of times each has in it.
		private final Map<Long, Span> spans = new HashMap<>();

		private Span lastSpan;

		private long lastDay = Long.MIN_VALUE;

		private Chunk(int capacity) {
			this.capacity = capacity;
		}

		int capacity() {
			return capacity;
		}

		// Whether a sample of the day would not fit: the chunk is full, or a long history spans too many days
		// (a chunk is copied once per day it spans).
		boolean full(long day) {
			return rows >= capacity
					|| (rows > 0 && day != lastDay && !days.contains(day) && days.size() >= MAX_DAYS);
		}

		void add(Series of, long epochSecond, double value, long line, long day) {
			if (rows == times.length) {
				grow();
			}
			series[rows] = of;
			times[rows] = epochSecond;
			values[rows] = value;
			lines[rows] = line;
			rows++;
			Span span = lastSpan;
			if (span == null || span.series.id() != of.id()) {
				span = spans.computeIfAbsent(of.id(), id -> new Span(of));
				lastSpan = span;
			}
			span.include(epochSecond);
			if (day != lastDay) {
				days.add(day);
				lastDay = day;
			}
		}

		// Small bodies hold small arrays; a chunk never holds more than its size.
		private void grow() {
			int size = Math.min(capacity, Math.max(1_024, times.length * 2));
			series = Arrays.copyOf(series, size);
			times = Arrays.copyOf(times, size);
			values = Arrays.copyOf(values, size);
			lines = Arrays.copyOf(lines, size);
		}

		void clear() {
			Arrays.fill(series, 0, rows, null);
			rows = 0;
			spans.clear();
			lastSpan = null;
			days.clear();
			lastDay = Long.MIN_VALUE;
		}
	}

	/** One series' first and last sample time in a chunk, in epoch seconds. */
	private static final class Span {

		private final Series series;

		private long first = Long.MAX_VALUE;

		private long last = Long.MIN_VALUE;

		// Whether the times came strictly increasing: nothing to deduplicate then.
		private boolean ordered = true;

		private Span(Series series) {
			this.series = series;
		}

		void include(long epochSecond) {
			if (epochSecond <= last) {
				ordered = false;
			}
			first = Math.min(first, epochSecond);
			last = Math.max(last, epochSecond);
		}
	}
}
