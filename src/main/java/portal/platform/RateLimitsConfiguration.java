package portal.platform;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The shared rate-limit buckets in {@code platform.rate_limits}, reached through the pool's
 * own connections (the table is no tenant's, so no scope is set for it), and the job that
 * removes the rows of buckets that have filled up again.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	@Bean
	PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool(dataSource))
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("platform.rate_limits")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	RateLimits rateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
		return new RateLimits(buckets, System::nanoTime);
	}

	@Bean
	ExpiredRateLimits expiredRateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
		return new ExpiredRateLimits(buckets);
	}

	/** Rows of buckets that are full again carry nothing: remove them in batches. */
	static class ExpiredRateLimits {

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

		ExpiredRateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
			this.buckets = buckets;
		}

		@Scheduled(fixedDelayString = "${portal.rate-limits.cleanup-interval:5m}")
		@SchedulerLock(name = "rate-limits-cleanup")
		void removeExpired() {
			while (buckets.removeExpired(1000) == 1000) {
				// Keep going until a batch comes back short.
			}
		}
	}

	private static DataSource pool(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)
					? dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class) : dataSource;
		}
		catch (SQLException ex) {
			return dataSource;
		}
	}
}
