package portal.platform;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@DisplayName("R-6.2 Shared abuse budgets: token buckets in PostgreSQL, one database call per check")
class RateLimitsIntegrationTests {

	@Autowired
	RateLimits limits;

	@Autowired
	RateLimitsConfiguration.FullBudgets fullBudgets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	/** Budgets are shared through the database: each test names its own. */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	@DisplayName("R-6.2 a spent budget refills gradually with time")
	void refillsWithTime() {
		AtomicLong nanoTime = new AtomicLong();
		RateLimits node = new RateLimits(dataSource, nanoTime::get);
		RateLimits.Budget budget = node.budget("refill-" + run, 2, Duration.ofMinutes(1));
		assertThat(budget.tryConsume("k")).isTrue();
		assertThat(budget.tryConsume("k")).isTrue();
		assertThat(budget.tryConsume("k")).isFalse();
		// Half a minute later by the database's clock and the node's: one use has come back.
		jdbc.update("UPDATE platform.budgets SET at = at - 30.5 WHERE id = ?", "refill-" + run + ":k");
		nanoTime.addAndGet(Duration.ofSeconds(31).toNanos());
		assertThat(budget.tryConsume("k")).isTrue();
		assertThat(budget.tryConsume("k")).isFalse();
	}

	@Test
	@DisplayName("R-6.2 two budgets spent in one call are spent or refused each on its own")
	void twoBudgetsInOneCall() {
		RateLimits.Budget scarce = limits.budget("scarce-" + run, 1, Duration.ofHours(1));
		RateLimits.Budget ample = limits.budget("ample-" + run, 5, Duration.ofHours(1));
		assertThat(limits.tryConsume(scarce, "a", ample, "b")).isTrue();
		assertThat(limits.tryConsume(scarce, "a", ample, "b")).isFalse();
		// The refused one is now refused without asking the database; the other is still spent.
		assertThat(limits.tryConsume(scarce, "a", ample, "b")).isFalse();
		assertThat(IntStream.range(0, 5).filter(i -> ample.tryConsume("b")).count()).isEqualTo(2);
	}

	@Test
	@DisplayName("R-7.5 an approximate budget settles every few uses and is exceeded by a few uses at most")
	void approximateBudgetSettles() {
		RateLimits.Budget budget = limits.approximateBudget("approx-" + run, 40, Duration.ofHours(1));
		long passed = IntStream.range(0, 60).filter(i -> budget.tryConsume("k")).count();
		assertThat(passed).isBetween(40L, 42L);
		Double left = jdbc.queryForObject("SELECT tokens FROM platform.budgets WHERE id = ?", Double.class,
				"approx-" + run + ":k");
		assertThat(left).isLessThanOrEqualTo(0.0);
	}

	@Test
	@DisplayName("R-6.2 rows of budgets that filled up again are removed by the job")
	void fullBudgetsAreRemoved() throws Exception {
		RateLimits.Budget budget = limits.budget("full-" + run, 1, Duration.ofMillis(100));
		assertThat(budget.tryConsume("k")).isTrue();
		assertThat(rows()).isEqualTo(1);
		Thread.sleep(250);
		fullBudgets.removeFull();
		assertThat(rows()).isZero();
	}

	@Test
	@DisplayName("R-6.2 budgets and sessions are kept without a write-ahead log, so a check waits for no disk flush")
	void budgetsAndSessionsAreUnlogged() {
		List<String> unlogged = jdbc.queryForList("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'platform' AND c.relkind = 'r' AND c.relpersistence = 'u' ORDER BY c.relname""",
				String.class);
		assertThat(unlogged).containsExactly("budgets", "spring_session", "spring_session_attributes");
	}

	private int rows() {
		return jdbc.queryForObject("SELECT count(*) FROM platform.budgets WHERE id LIKE ?", Integer.class,
				"full-" + run + "%");
	}
}
