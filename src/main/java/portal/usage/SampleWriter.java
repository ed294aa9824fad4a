package portal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes samples in bulk within the current transaction: rows stream through binary
 * {@code COPY} into an unlogged staging table (rows tagged with the writer's batch id), and every
 * {@value #CHUNK} rows the chunk is merged into the daily partitions (creating missing days) and
 * the rollups of the buckets it changed are brought up to date ({@link Rollups}). The heap holds at
 * most one chunk's bookkeeping (its series and touched buckets), whatever the body size.
 *
 * <p>Idempotent by (series, time): a sample already stored with the same value adds nothing; a
 * different value replaces the stored one; within one batch the last line wins.
 *
 * <p>Most chunks carry only samples new to the store (a system sending what it measured since
 * last time). Such a chunk is inserted plainly, which costs PostgreSQL about half of an
 * {@code INSERT … ON CONFLICT}: when no stored sample of a chunk's series lies within the chunk's
 * time span of that series, and if a concurrent writer stored one meanwhile the insert fails on
 * the primary key within a savepoint and the chunk goes the general way instead.
 */
@Component
class SampleWriter {

	static final int CHUNK = 100_000;

	private static final String DEDUPLICATED = """
			SELECT DISTINCT ON (customer_id, series_id, at) customer_id, series_id, at, value
			FROM usage.staging WHERE batch = '%1$s' ORDER BY customer_id, series_id, at, line DESC""";

	// Whether a stored sample of a chunk's series lies within the chunk's span of it: a probe per
	// series through the primary key (OFFSET 0 keeps PostgreSQL from planning it as a join).
	private static final String ANY_STORED = """
			SELECT EXISTS (
				SELECT 1 FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[]) AS k(customer_id, series_id, lo, hi)
				CROSS JOIN LATERAL (
					SELECT 1 FROM usage.samples s
					WHERE s.customer_id = k.customer_id AND s.series_id = k.series_id
					  AND s.at >= to_timestamp(k.lo) AND s.at <= to_timestamp(k.hi)
					LIMIT 1
				) s
			)""";

	// Every sample new: a plain insert, answering what it wrote.
	private static final String INSERT_NEW = """
			INSERT INTO usage.samples (customer_id, series_id, at, value)
			%s
			RETURNING series_id, extract(epoch FROM at)::bigint, value""";

	// The general merge on PostgreSQL 18 and later: the upsert says which rows it inserted (no old
	// row) and which it updated; rows whose value was already stored are left alone and not answered.
	private static final String UPSERT_RETURNING_OLD = """
			INSERT INTO usage.samples AS t (customer_id, series_id, at, value)
			%s
			ON CONFLICT (customer_id, series_id, at) DO UPDATE SET value = EXCLUDED.value
			WHERE t.value IS DISTINCT FROM EXCLUDED.value
			RETURNING t.series_id, extract(epoch FROM t.at)::bigint, t.value, old.value IS NULL""";

	// The general merge before PostgreSQL 18 (no OLD in RETURNING): the stored value of each staged
	// sample is probed through the primary key, in a lateral subquery that OFFSET 0 keeps from
	// being flattened into a join: the staging table has no statistics inside the writing
	// transaction, and a join PostgreSQL plans freely may scan every stored sample for each chunk.
	private static final String PROBE_MERGE = """
			WITH s AS MATERIALIZED (
				%s
			), d AS (
				SELECT s.customer_id, s.series_id, s.at, s.value, t.value IS NULL AS added
				FROM s LEFT JOIN LATERAL (
					SELECT t.value FROM usage.samples t
					WHERE t.customer_id = s.customer_id AND t.series_id = s.series_id AND t.at = s.at
					OFFSET 0
				) t ON true
				WHERE t.value IS DISTINCT FROM s.value
			), w AS (
				INSERT INTO usage.samples AS t (customer_id, series_id, at, value)
				SELECT customer_id, series_id, at, value FROM d
				ON CONFLICT (customer_id, series_id, at) DO UPDATE SET value = EXCLUDED.value
			)
			SELECT series_id, extract(epoch FROM at)::bigint, value, added FROM d""";

	// Rows of a merge's answer read at a time.
	private static final int FETCH = 10_000;

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	// Tests force the merge of servers before PostgreSQL 18.
	private volatile Boolean returningOld;

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
			if (returningOld == null) {
				returningOld = connection.getMetaData().getDatabaseMajorVersion() >= 18;
			}
			return new Writing(connection, connection.unwrap(PGConnection.class).getCopyAPI(), UUID.randomUUID(),
					returningOld);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot start writing samples", ex);
		}
	}

	// For tests: whether the general merge may use RETURNING old (null: as the server allows).
	void returningOld(Boolean allowed) {
		this.returningOld = allowed;
	}

	/** Totals of what the merges did. */
	record Merged(long added, long replaced) {
	}

	/** One transaction's stream of samples. */
	static final class Writing {

		private final Connection connection;

		private final CopyManager copy;

		private final UUID batch;

		private final boolean returningOld;

		private final Set<Long> days = new HashSet<>();

		private final Set<Long> ensuredDays = new HashSet<>();

		// The chunk's series, and the span of times each has in it.
		private final Map<Long, Span> spans = new HashMap<>();

		private Span lastSpan;

		private long lastDay = Long.MIN_VALUE;

		private BinaryCopy out;

		private PGCopyOutputStream copying;

		private int rows;

		private long added;

		private long replaced;

		private Writing(Connection connection, CopyManager copy, UUID batch, boolean returningOld) {
			this.connection = connection;
			this.copy = copy;
			this.batch = batch;
			this.returningOld = returningOld;
		}

		void add(Series series, long epochSecond, double value, long line) {
			try {
				if (out == null) {
					copying = new PGCopyOutputStream(copy.copyIn(
							"COPY usage.staging (batch, customer_id, series_id, at, value, line) FROM STDIN (FORMAT binary)"),
							1 << 16);
					out = new BinaryCopy(copying);
				}
				out.row(6).uuid(batch).uuid(series.customerId()).int8(series.id())
					.timestampMicros(epochSecond * 1_000_000L).float8(value).int8(line);
				Span span = lastSpan;
				if (span == null || span.series.id() != series.id()) {
					span = spans.computeIfAbsent(series.id(), id -> new Span(series));
					lastSpan = span;
				}
				span.include(epochSecond);
				long day = Math.floorDiv(epochSecond, Rollups.DAY);
				if (day != lastDay) {
					days.add(day);
					lastDay = day;
				}
				if (++rows >= CHUNK) {
					flush();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot copy samples", ex);
			}
		}

		/**
		 * Ends the COPY in progress, keeping what it staged, so that the connection can run a
		 * query (a series lookup); the next sample starts a new COPY.
		 */
		void pauseForQuery() {
			if (out == null) {
				return;
			}
			try {
				out.close();
				out = null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Cancels the COPY in progress, if any, when the body is given up: the connection must
		 * leave COPY mode before the transaction can roll back.
		 */
		void abandon() {
			if (out == null) {
				return;
			}
			out = null;
			try {
				if (copying.isActive()) {
					copying.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// The rollback that follows reports a broken connection if there is one.
			}
		}

		/** Merges what is staged; the totals cover every chunk so far. */
		Merged finish() {
			try {
				flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot merge samples", ex);
			}
			return new Merged(added, replaced);
		}

		private void flush() throws IOException, SQLException {
			if (out == null && rows == 0) {
				return;
			}
			pauseForQuery();
			rows = 0;
			ensurePartitions();
			Map<Long, Series> series = new HashMap<>();
			spans.forEach((id, span) -> series.put(id, span.series));
			Rollups.Changes changes = null;
			if (!anyStored()) {
				changes = insertNew(series);
			}
			if (changes == null) {
				changes = new Rollups.Changes(series);
				merge(changes);
			}
			added += changes.added();
			replaced += changes.replaced();
			Rollups.apply(connection, copy, batch, changes);
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM usage.staging WHERE batch = '" + batch + "'");
			}
			spans.clear();
			lastSpan = null;
		}

		private boolean anyStored() throws SQLException {
			int n = spans.size();
			UUID[] customers = new UUID[n];
			Long[] ids = new Long[n];
			Long[] from = new Long[n];
			Long[] to = new Long[n];
			int i = 0;
			for (Span span : spans.values()) {
				customers[i] = span.series.customerId();
				ids[i] = span.series.id();
				from[i] = span.first;
				to[i++] = span.last;
			}
			try (PreparedStatement statement = connection.prepareStatement(ANY_STORED)) {
				statement.setArray(1, connection.createArrayOf("uuid", customers));
				statement.setArray(2, connection.createArrayOf("int8", ids));
				statement.setArray(3, connection.createArrayOf("int8", from));
				statement.setArray(4, connection.createArrayOf("int8", to));
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getBoolean(1);
				}
			}
		}

		// The chunk's samples are all new, unless a concurrent writer stored some meanwhile: then null.
		private Rollups.Changes insertNew(Map<Long, Series> series) throws SQLException {
			Savepoint savepoint = connection.setSavepoint();
			Rollups.Changes changes = new Rollups.Changes(series);
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(FETCH);
				try (ResultSet rs = statement.executeQuery(INSERT_NEW.formatted(DEDUPLICATED.formatted(batch)))) {
					while (rs.next()) {
						changes.accept(rs.getLong(1), rs.getLong(2), rs.getDouble(3), true);
					}
				}
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(savepoint);
				return null;
			}
			connection.releaseSavepoint(savepoint);
			return changes;
		}

		private void merge(Rollups.Changes changes) throws SQLException {
			String sql = returningOld ? UPSERT_RETURNING_OLD : PROBE_MERGE;
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(FETCH);
				ResultSet rs = statement.executeQuery(sql.formatted(DEDUPLICATED.formatted(batch)));
				while (rs.next()) {
					changes.accept(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getBoolean(4));
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
			lastDay = Long.MIN_VALUE;
		}
	}

	/** One series' first and last sample time in a chunk, in epoch seconds. */
	private static final class Span {

		private final Series series;

		private long first = Long.MAX_VALUE;

		private long last = Long.MIN_VALUE;

		private Span(Series series) {
			this.series = series;
		}

		void include(long epochSecond) {
			first = Math.min(first, epochSecond);
			last = Math.max(last, epochSecond);
		}
	}
}
