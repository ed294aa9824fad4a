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
		Purge hours = rollupPurge(jdbc, invalidations, DataClass.HOURLY_USAGE, "hourly", Duration.ofHours(1));
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return hours.dataClass();
			}

			// The hours laid out by day follow the hours: a day all of whose hours went goes, and the day the
			// cutoff falls in is laid out again from the hours it keeps (or goes, when it keeps none).
			@Override
			public Purged purgeBefore(Instant cutoff) {
				Purged purged = hours.purgeBefore(cutoff);
				Timestamp lastStart = Timestamp.from(cutoff.minus(Duration.ofHours(1)));
				Timestamp whole = Timestamp.from(cutoff.minus(Duration.ofHours(24)));
				jdbc.sql("DELETE FROM usage.hourly_days WHERE day <= ?").param(whole).update();
				jdbc.sql("""
						DELETE FROM usage.hourly_days d WHERE d.day > ? AND d.day <= ? AND NOT EXISTS (
						  SELECT 1 FROM usage.hourly h WHERE h.customer_id = d.customer_id AND h.series_id = d.series_id
						   AND h.bucket >= d.day AND h.bucket < d.day + interval '24 hours')""")
					.params(whole, lastStart).update();
				jdbc.sql("""
						UPDATE usage.hourly_days d SET (hours, count, min, max, sum, p95) = (SELECT %s FROM usage.hourly h
						  WHERE h.customer_id = d.customer_id AND h.series_id = d.series_id
						   AND h.bucket >= d.day AND h.bucket < d.day + interval '24 hours')
						WHERE d.day > ? AND d.day <= ?""".formatted(Rollups.HOURS_OF_DAY_PACKED))
					.params(whole, lastStart).update();
				return purged;
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
