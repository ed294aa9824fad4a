package portal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
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
 * {@code COPY} into a session-private staging table (rows tagged with the writer's batch id), and every {@value #CHUNK} rows the chunk is
 * merged into the daily partitions (creating missing days) and the rollups of the buckets it
 * changed are recomputed. The heap holds at most one chunk's bookkeeping, whatever the body size.
 *
 * <p>Idempotent by (series, time): a sample already stored with the same value adds nothing; a
 * different value replaces the stored one; within one batch the last line wins.
 */
@Component
class SampleWriter {

	static final int CHUNK = 50_000;

	// The stored value of each staged sample is probed through the primary key, in a lateral
	// subquery that OFFSET 0 keeps from being flattened into a join: the staging table has no
	// statistics inside the writing transaction, and a join PostgreSQL plans freely may scan every
	// stored sample for each chunk.
	private static final String MERGE = """
			WITH s AS MATERIALIZED (
				SELECT DISTINCT ON (customer_id, series_id, at) customer_id, series_id, at, value
				FROM usage.staging WHERE batch = '%1$s' ORDER BY customer_id, series_id, at, line DESC
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
			INSERT INTO usage.staging_changed (batch, customer_id, series_id, at, added)
			SELECT '%1$s', customer_id, series_id, at, added FROM d""";

	private final DataSource dataSource;

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
			return new Writing(connection, connection.unwrap(PGConnection.class).getCopyAPI(), UUID.randomUUID());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot start writing samples", ex);
		}
	}

	/** Totals of what the merges did. */
	record Merged(long added, long replaced) {
	}

	/** One transaction's stream of samples. */
	static final class Writing {

		private final Connection connection;

		private final CopyManager copy;

		private final UUID batch;

		private final Set<LocalDate> days = new HashSet<>();

		private final Set<LocalDate> ensuredDays = new HashSet<>();

		private BinaryCopy out;

		private PGCopyOutputStream copying;

		private int rows;

		private long added;

		private long replaced;

		private Writing(Connection connection, CopyManager copy, UUID batch) {
			this.connection = connection;
			this.copy = copy;
			this.batch = batch;
		}

		void add(UUID customer, long series, long epochSecond, double value, long line) {
			try {
				if (out == null) {
					copying = new PGCopyOutputStream(copy.copyIn(
							"COPY usage.staging (batch, customer_id, series_id, at, value, line) FROM STDIN (FORMAT binary)"),
							1 << 16);
					out = new BinaryCopy(copying);
				}
				out.row(6).uuid(batch).uuid(customer).int8(series).timestampMicros(epochSecond * 1_000_000L).float8(value).int8(line);
				days.add(LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L)));
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
			try (Statement statement = connection.createStatement()) {
				statement.execute(MERGE.formatted(batch));
				try (ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE added), count(*) FILTER "
						+ "(WHERE NOT added) FROM usage.staging_changed WHERE batch = '" + batch + "'")) {
					rs.next();
					added += rs.getLong(1);
					replaced += rs.getLong(2);
				}
			}
			Rollups.recompute(connection, copy, batch);
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM usage.staging WHERE batch = '" + batch + "'");
				statement.execute("DELETE FROM usage.staging_changed WHERE batch = '" + batch + "'");
			}
		}

		private void ensurePartitions() throws SQLException {
			days.removeAll(ensuredDays);
			if (days.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT usage.ensure_partition(?)")) {
				for (LocalDate day : days) {
					statement.setObject(1, day);
					statement.execute();
				}
			}
			ensuredDays.addAll(days);
			days.clear();
		}
	}
}
