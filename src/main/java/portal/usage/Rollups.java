package portal.usage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Keeps the hourly and daily rollups up to date after a merge: only the buckets the merge
 * changed a sample in ({@code usage.staging_changed}) are recomputed, hours from their raw
 * samples and days from their hours, never by rescanning history.
 */
final class Rollups {

	// The staging tables hold only the writing transaction's rows, so PostgreSQL has no statistics
	// for them and may join every stored sample against every touched bucket. The touched buckets
	// are therefore materialised first and each is read through the primary key: a lateral probe
	// (OFFSET 0 keeps it from being flattened into a join), pruned to its day's partition at run
	// time. The work follows the batch, not the history.
	private static final String TOUCHED_HOURS = """
			WITH h AS MATERIALIZED (
				SELECT DISTINCT customer_id, series_id, date_trunc('hour', at, 'UTC') AS hour
				FROM usage.staging_changed WHERE batch = '%1$s'
			)
			SELECT h.customer_id, h.series_id, h.hour, s.value, r.percentile95
			FROM h
			JOIN usage.series r ON r.customer_id = h.customer_id AND r.id = h.series_id
			CROSS JOIN LATERAL (
				SELECT s.at, s.value FROM usage.samples s
				WHERE s.customer_id = h.customer_id AND s.series_id = h.series_id
				  AND s.at >= h.hour AND s.at < h.hour + interval '1 hour'
				OFFSET 0
			) s
			ORDER BY h.customer_id, h.series_id, h.hour, s.at""";

	private static final String TOUCHED_DAYS = """
			WITH d AS MATERIALIZED (
				SELECT DISTINCT customer_id, series_id, date_trunc('day', at, 'UTC') AS day
				FROM usage.staging_changed WHERE batch = '%1$s'
			)
			SELECT d.customer_id, d.series_id, d.day, h.count, h.min, h.max, h.sum, h.sketch, r.percentile95
			FROM d
			JOIN usage.series r ON r.customer_id = d.customer_id AND r.id = d.series_id
			CROSS JOIN LATERAL (
				SELECT h.bucket, h.count, h.min, h.max, h.sum, h.sketch FROM usage.hourly h
				WHERE h.customer_id = d.customer_id AND h.series_id = d.series_id
				  AND h.bucket >= d.day AND h.bucket < d.day + interval '1 day'
				OFFSET 0
			) h
			ORDER BY d.customer_id, d.series_id, d.day, h.bucket""";

	private static final String UPSERT = """
			INSERT INTO usage.%1$s (customer_id, series_id, bucket, count, min, max, sum, p95, sketch)
			SELECT customer_id, series_id, bucket, count, min, max, sum, p95, sketch FROM usage.staging_rollup WHERE batch = '%2$s'
			ON CONFLICT (customer_id, series_id, bucket) DO UPDATE SET count = EXCLUDED.count, min = EXCLUDED.min,
				max = EXCLUDED.max, sum = EXCLUDED.sum, p95 = EXCLUDED.p95, sketch = EXCLUDED.sketch""";

	private Rollups() {
	}

	static void recompute(Connection connection, CopyManager copy, UUID batch) throws SQLException, IOException {
		rollUp(connection, copy, TOUCHED_HOURS.formatted(batch), "hourly", false, batch);
		rollUp(connection, copy, TOUCHED_DAYS.formatted(batch), "daily", true, batch);
	}

	private static void rollUp(Connection connection, CopyManager copy, String touched, String table,
			boolean fromHours, UUID batch) throws SQLException, IOException {
		// Read first, then copy: a connection cannot fetch rows while a COPY is in progress. The
		// buckets of one chunk of samples are few enough to hold.
		List<Bucket> buckets = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery(touched)) {
				Bucket current = null;
				while (rs.next()) {
					UUID customer = rs.getObject(1, UUID.class);
					long series = rs.getLong(2);
					java.sql.Timestamp bucket = rs.getTimestamp(3);
					if (current == null || !current.is(customer, series, bucket)) {
						current = new Bucket(customer, series, bucket,
								new Accumulator(rs.getBoolean(fromHours ? 9 : 5)));
						buckets.add(current);
					}
					if (fromHours) {
						current.values().merge(rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
								rs.getBytes(8));
					}
					else {
						current.values().accept(rs.getDouble(4));
					}
				}
			}
		}
		if (buckets.isEmpty()) {
			return;
		}
		try (BinaryCopy out = new BinaryCopy(new PGCopyOutputStream(copy.copyIn(
				"COPY usage.staging_rollup (batch, customer_id, series_id, bucket, count, min, max, sum, p95, sketch) "
						+ "FROM STDIN (FORMAT binary)")))) {
			for (Bucket bucket : buckets) {
				write(out, batch, bucket);
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(UPSERT.formatted(table, batch));
			statement.execute("DELETE FROM usage.staging_rollup WHERE batch = '" + batch + "'");
		}
	}

	private static void write(BinaryCopy out, UUID batch, Bucket bucket) throws IOException {
		Accumulator values = bucket.values();
		out.row(10).uuid(batch).uuid(bucket.customer()).int8(bucket.series())
			.timestampMicros(bucket.start().getTime() * 1000)
			.int4(Math.toIntExact(values.count()))
			.float8(values.min()).float8(values.max()).float8(values.sum())
			.nullableFloat8(values.p95()).bytes(values.encodedSketch());
	}

	private record Bucket(UUID customer, long series, java.sql.Timestamp start, Accumulator values) {

		boolean is(UUID customer, long series, java.sql.Timestamp start) {
			return this.series == series && this.start.equals(start) && this.customer.equals(customer);
		}
	}
}
