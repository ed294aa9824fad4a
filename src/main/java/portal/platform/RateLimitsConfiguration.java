package portal.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import portal.platform.database.UntenantedPool;

/**
 * The shared rate-limit budgets in {@code platform.budgets}, reached through the pool's own
 * connections (the table is no tenant's, so no scope is set for it), and the job that removes
 * the rows of buckets that have filled up again.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

	@Bean
	RateLimits rateLimits(DataSource dataSource) {
		return new RateLimits(UntenantedPool.of(dataSource), System::nanoTime);
	}

	@Bean
	FullBudgets fullBudgets(DataSource dataSource) {
		return new FullBudgets(new JdbcTemplate(UntenantedPool.of(dataSource)));
	}

	/** Rows of buckets that are full again carry nothing: remove them in batches. */
	static class FullBudgets {

		private static final String REMOVE = """
				DELETE FROM platform.budgets WHERE id IN (
				  SELECT id FROM platform.budgets WHERE full_at < extract(epoch FROM clock_timestamp()) LIMIT 1000)""";

		private final JdbcTemplate jdbc;

		FullBudgets(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Scheduled(fixedDelayString = "${portal.rate-limits.cleanup-interval:5m}")
		@SchedulerLock(name = "rate-limits-cleanup")
		void removeFull() {
			while (jdbc.update(REMOVE) == 1000) {
				// Keep going until a batch comes back short.
			}
		}
	}
}
