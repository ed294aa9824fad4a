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

import javax.sql.DataSource;

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

	SampleWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Starts writing within the transaction that must be active on this thread. */
	Writing open() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Samples are written within a transaction");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new Writing(connection, connection.unwrap(PGConnection.class).getCopyAPI(), UUID.randomUUID(),
					chunk);
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

	/** One transaction's stream of samples. */
	static final class Writing {

		private final Connection connection;

		private final CopyManager copy;

		private final UUID batch;

		private final int chunk;

		private final Set<Long> days = new HashSet<>();

		private final Set<Long> ensuredDays = new HashSet<>();

		// The days the current chunk spans.
		private final Set<Long> chunkDays = new HashSet<>();

		// The chunk's series, and the span of times each has in it.
		private final Map<Long, Span> spans = new HashMap<>();

		private Span lastSpan;

		private long lastDay = Long.MIN_VALUE;

		// The chunk, held until it is written: where it goes depends on what the store holds.
		private Series[] rowSeries = new Series[0];

		private long[] rowTimes = new long[0];

		private double[] rowValues = new double[0];

		private long[] rowLines = new long[0];

		private int rows;

		// The COPY in progress, only ever within a flush.
		private PGCopyOutputStream copying;

		private long added;

		private long replaced;

		private final Set<UUID> changedCustomers = new HashSet<>();

		private Writing(Connection connection, CopyManager copy, UUID batch, int chunk) {
			this.connection = connection;
			this.copy = copy;
			this.batch = batch;
			this.chunk = chunk;
		}

		void add(Series series, long epochSecond, double value, long line) {
			try {
				long day = Math.floorDiv(epochSecond, Rollups.DAY);
				if (day != lastDay && !chunkDays.contains(day) && chunkDays.size() >= MAX_DAYS) {
					// A chunk is copied once per day it spans: a long history goes in several chunks.
					flush();
				}
				if (rows == rowTimes.length) {
					grow();
				}
				rowSeries[rows] = series;
				rowTimes[rows] = epochSecond;
				rowValues[rows] = value;
				rowLines[rows] = line;
				Span span = lastSpan;
				if (span == null || span.series.id() != series.id()) {
					span = spans.computeIfAbsent(series.id(), id -> new Span(series));
					lastSpan = span;
				}
				span.include(epochSecond);
				if (day != lastDay) {
					days.add(day);
					chunkDays.add(day);
					lastDay = day;
				}
				if (++rows >= chunk) {
					flush();
				}
			}
			catch (IOException | SQLException ex) {
				throw writeFailure(ex);
			}
		}

		// Small bodies hold small arrays; a chunk never holds more than its size.
		private void grow() {
			int size = Math.min(chunk, Math.max(1_024, rowTimes.length * 2));
			rowSeries = Arrays.copyOf(rowSeries, size);
			rowTimes = Arrays.copyOf(rowTimes, size);
			rowValues = Arrays.copyOf(rowValues, size);
			rowLines = Arrays.copyOf(rowLines, size);
		}

		/**
		 * Cancels the COPY in progress, if any, when the body is given up: the connection must
		 * leave COPY mode before the transaction can roll back.
		 */
		void abandon() {
			cancelCopy();
		}

		/** Writes what is held; the totals cover every chunk so far. */
		Merged finish() {
			try {
				flush();
			}
			catch (IOException | SQLException ex) {
				throw writeFailure(ex);
			}
			return new Merged(added, replaced, Set.copyOf(changedCustomers));
		}

		private void flush() throws IOException, SQLException {
			if (rows == 0) {
				return;
			}
			long t0 = System.nanoTime();
			int chunkRows = rows;
			ensurePartitions();
			Map<Long, Series> series = new HashMap<>();
			spans.forEach((id, span) -> series.put(id, span.series));
			boolean ordered = spans.values().stream().allMatch(span -> span.ordered);
			long t1 = System.nanoTime();
			boolean stored = anyStored();
			long t2 = System.nanoTime();
			Rollups.Changes changes = new Rollups.Changes(series);
			String path = "direct";
			if (stored || !ordered || !copyFresh(changes)) {
				// Replacements, repetitions within the chunk, or a concurrent writer: staging and merge.
				path = "staged";
				stage();
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
				spans.values().forEach(span -> changedCustomers.add(span.series.customerId()));
			}
			Rollups.apply(connection, copy, changes);
			long t4 = System.nanoTime();
			if (LOG.isDebugEnabled()) {
				LOG.debug("chunk of {} rows ({}): partitions {} ms, probe {} ms, write {} ms, rollups {} ms", chunkRows,
						path, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
						(t4 - t3) / 1_000_000);
			}
			Arrays.fill(rowSeries, 0, rows, null);
			rows = 0;
			spans.clear();
			lastSpan = null;
			chunkDays.clear();
			lastDay = Long.MIN_VALUE;
		}

		// Copies the chunk straight into its day partitions, whose trigger applies the wall once per
		// statement. False, with nothing kept, if a concurrent writer stored one of its samples meanwhile.
		private boolean copyFresh(Rollups.Changes changes) throws IOException, SQLException {
			Savepoint savepoint = connection.setSavepoint();
			try {
				long[] sorted = chunkDays.stream().mapToLong(Long::longValue).sorted().toArray();
				for (long day : sorted) {
					String partition = "usage.samples_" + LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE);
					try (BinaryCopy out = startCopy(
							"COPY " + partition + " (customer_id, series_id, at, value) FROM STDIN (FORMAT binary)")) {
						for (int i = 0; i < rows; i++) {
							long time = rowTimes[i];
							if (sorted.length == 1 || Math.floorDiv(time, Rollups.DAY) == day) {
								out.row(4).uuid(rowSeries[i].customerId()).int8(rowSeries[i].id())
									.timestampMicros(time * 1_000_000L).float8(rowValues[i]);
								// Summed up while PostgreSQL writes what was sent; dropped if the copy fails.
								changes.accept(rowSeries[i].id(), time, rowValues[i], true);
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

		private void stage() throws IOException, SQLException {
			try (BinaryCopy out = startCopy(
					"COPY usage.staging (batch, customer_id, series_id, at, value, line) FROM STDIN (FORMAT binary)")) {
				for (int i = 0; i < rows; i++) {
					out.row(6).uuid(batch).uuid(rowSeries[i].customerId()).int8(rowSeries[i].id())
						.timestampMicros(rowTimes[i] * 1_000_000L).float8(rowValues[i]).int8(rowLines[i]);
				}
			}
			catch (IOException | SQLException ex) {
				cancelCopy();
				throw ex;
			}
			copying = null;
		}

		private BinaryCopy startCopy(String sql) throws IOException, SQLException {
			copying = new PGCopyOutputStream(copy.copyIn(sql), 1 << 16);
			return new BinaryCopy(copying);
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

		private boolean anyStored() throws SQLException {
			KeyArrays.Spans keys = new KeyArrays.Spans(spans.size());
			spans.values().forEach(span -> keys.add(span.series.customerId(), span.series.id(), span.first, span.last));
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

		private void ensurePartitions() throws SQLException {
			days.removeAll(ensuredDays);
			if (days.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT usage.ensure_partition(?)")) {
				for (long day : days) {
					statement.setObject(1, LocalDate.ofEpochDay(day));
					statement.execute();
				}
			}
			ensuredDays.addAll(days);
			days.clear();
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
