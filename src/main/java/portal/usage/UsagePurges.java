package portal.usage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.platform.Invalidations;
import portal.retention.DataClass;
import portal.retention.Purge;

/**
 * The usage module's share of retention: raw samples go by whole daily partitions,
 * dropped only when the whole day lies before the cutoff; rollup buckets go when they end at
 * or before it. Nothing within its period is touched.
 */
@Configuration(proxyBeanMethods = false)
class UsagePurges {

	@Bean
	Purge rawUsagePurge(JdbcClient jdbc, Invalidations invalidations) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return DataClass.RAW_USAGE;
			}

			@Override
			public Purged purgeBefore(Instant cutoff) {
				List<LocalDate> days = new ArrayList<>();
				long[] count = { 0 };
				jdbc.sql("SELECT partition_day, sample_count FROM usage.drop_partitions_before(?)")
					.param(LocalDate.ofInstant(cutoff, ZoneOffset.UTC))
					.query(rs -> {
						days.add(rs.getObject(1, LocalDate.class));
						count[0] += rs.getLong(2);
					});
				if (days.isEmpty()) {
					return Purged.NOTHING;
				}
				invalidations.publish(UsageDashboard.CHANGED_TOPIC, "*");
				return new Purged(count[0], "partitions " + days.get(0) + " to " + days.get(days.size() - 1)
						+ " (" + days.size() + " days)");
			}
		};
	}

	@Bean
	Purge hourlyUsagePurge(JdbcClient jdbc, Invalidations invalidations) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return DataClass.HOURLY_USAGE;
			}

			// An hour is past its period when it ends at or before the cutoff. The hours are kept by day: a day
			// all of whose hours are past goes whole, the day the cutoff falls in loses the hours before it
			// (and goes when it keeps none). The count is of hours. The cutoff's day may gain hours from a
			// writer meanwhile (hours are only ever added to a row): a row whose hours are no longer the ones
			// counted is left to the next run, which PostgreSQL checks again on the row as the writer left it.
			@Override
			public Purged purgeBefore(Instant cutoff) {
				Timestamp lastStart = Timestamp.from(cutoff.minus(Duration.ofHours(1)));
				Timestamp whole = Timestamp.from(cutoff.minus(Duration.ofHours(24)));
				String first = jdbc.sql("SELECT min(day)::text FROM usage.hourly_days WHERE day <= ?").param(lastStart)
					.query(String.class).optional().orElse(null);
				if (first == null) {
					return Purged.NOTHING;
				}
				long deleted = jdbc.sql("""
						WITH gone AS (DELETE FROM usage.hourly_days WHERE day <= ? RETURNING length(hours) / 2 AS hours)
						SELECT coalesce(sum(hours), 0) FROM gone""").param(whole).query(Long.class).single();
				deleted += jdbc.sql("""
						WITH cut AS (
						  SELECT d.customer_id, d.series_id, d.day, length(d.hours) / 2 AS hours,
						    usage.hours_through(d.hours, floor(date_part('epoch', ?::timestamptz - d.day) / 3600)::int) AS k
						  FROM usage.hourly_days d WHERE d.day > ? AND d.day <= ?),
						gone AS (
						  DELETE FROM usage.hourly_days d USING cut c
						  WHERE c.k = c.hours AND d.customer_id = c.customer_id AND d.series_id = c.series_id AND d.day = c.day
						    AND length(d.hours) = 2 * c.hours
						  RETURNING c.k),
						trimmed AS (
						  UPDATE usage.hourly_days d SET hours = substr(d.hours, 2 * c.k + 1), count = substr(d.count, 4 * c.k + 1),
						    min = substr(d.min, 8 * c.k + 1), max = substr(d.max, 8 * c.k + 1), sum = substr(d.sum, 8 * c.k + 1),
						    p95 = substr(d.p95, 8 * c.k + 1), sketches = usage.sketches_from(d.sketches, c.k)
						  FROM cut c
						  WHERE c.k > 0 AND c.k < c.hours AND d.customer_id = c.customer_id AND d.series_id = c.series_id
						    AND d.day = c.day AND length(d.hours) = 2 * c.hours
						  RETURNING c.k)
						SELECT coalesce((SELECT sum(k) FROM gone), 0) + coalesce((SELECT sum(k) FROM trimmed), 0)""")
					.params(lastStart, whole, lastStart).query(Long.class).single();
				if (deleted == 0) {
					return Purged.NOTHING;
				}
				invalidations.publish(UsageDashboard.CHANGED_TOPIC, "*");
				return new Purged(deleted, "hours from " + first + " to before " + cutoff);
			}
		};
	}

	@Bean
	Purge dailyUsagePurge(JdbcClient jdbc, Invalidations invalidations) {
		return rollupPurge(jdbc, invalidations, DataClass.DAILY_USAGE, "daily", Duration.ofDays(1));
	}

	private static Purge rollupPurge(JdbcClient jdbc, Invalidations invalidations, DataClass dataClass, String table, Duration bucket) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return dataClass;
			}

			@Override
			public Purged purgeBefore(Instant cutoff) {
				// A bucket is past its period when it ends at or before the cutoff.
				Timestamp lastStart = Timestamp.from(cutoff.minus(bucket));
				String range = jdbc.sql("SELECT min(bucket)::text || ' to ' || max(bucket)::text FROM usage." + table
						+ " WHERE bucket <= ?").param(lastStart).query(String.class).optional().orElse("");
				int deleted = jdbc.sql("DELETE FROM usage." + table + " WHERE bucket <= ?").param(lastStart).update();
				if (deleted == 0) {
					return Purged.NOTHING;
				}
				invalidations.publish(UsageDashboard.CHANGED_TOPIC, "*");
				return new Purged(deleted, "buckets " + range);
			}
		};
	}
}
