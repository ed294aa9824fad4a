package portal.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row-level-security policy must not defeat the primary keys: with sequential scans
 * disabled, a plan that can still only scan would show the policy is in the way.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 The usage tables' wall keeps their indexes usable")
class UsagePlansIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	private String plan(String sql, Object... params) {
		return plan(Actor.user("CP-PLAN"), TenantScope.customer(UUID.randomUUID()), sql, params);
	}

	private String plan(Actor actor, TenantScope scope, String sql, Object... params) {
		return tenancy.call(actor, scope,
				() -> transactions.execute(status -> {
					jdbc.sql("SET LOCAL enable_seqscan = off").update();
					return String.join("\n", jdbc.sql("EXPLAIN (COSTS OFF) " + sql).params(List.of(params))
						.query(String.class).list());
				}));
	}

	@Test
	@DisplayName("R-7.5 raw samples and rollups of a customer's series are read through their primary keys, the wall decided once per statement")
	void policiesKeepIndexesUsable() {
		UUID customer = UUID.randomUUID();
		Long[] series = { 1L, 2L };
		Timestamp from = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
		Timestamp to = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
		for (String table : List.of("hourly_days", "daily")) {
			String time = table.equals("daily") ? "bucket" : "day";
			String plan = plan("SELECT series_id, " + time + ", sum, count FROM usage." + table
					+ " WHERE customer_id = ? AND series_id = ANY (?) AND " + time + " >= ? AND " + time + " < ?", customer,
					series, from, to);
			System.out.println("Plan on usage." + table + ":\n" + plan);
			assertThat(plan).contains("Index").contains(table + "_pkey").doesNotContain("Seq Scan");
			// The customer's own rows pass on values computed once for the statement, not a call per row.
			assertThat(plan).contains("InitPlan").contains("customer_id = (InitPlan 1)");
		}
		String raw = plan("SELECT series_id, at, value FROM usage.samples"
				+ " WHERE customer_id = ? AND series_id = ANY (?) AND at >= ? AND at < ?", customer, series, from, to);
		System.out.println("Plan on usage.samples:\n" + raw);
		assertThat(raw).doesNotContain("Seq Scan");
	}

	@Test
	@DisplayName("R-7.5 for company staff and relevant-service systems the wall reads the company's customers once per statement, not a call per row")
	void companyScopesReadTheirCustomersOnce() {
		UUID customer = UUID.randomUUID();
		Timestamp from = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
		Timestamp to = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
		for (TenantScope scope : List.of(TenantScope.serviceSystem("COMPANY"), TenantScope.company("COMPANY"))) {
			for (String table : List.of("hourly_days", "daily")) {
				String time = table.equals("daily") ? "bucket" : "day";
				String plan = plan(Actor.staff("ST-PLAN"), scope, "SELECT series_id, " + time + ", sum, count FROM usage."
						+ table + " WHERE customer_id = ? AND series_id = ANY (?) AND " + time + " >= ? AND " + time + " < ?",
						customer, new Long[] { 1L, 2L }, from, to);
				System.out.println("Plan on usage." + table + " for " + scope + ":\n" + plan);
				// The company's customers as a hash read once; the rule's own call only for rows outside it.
				assertThat(plan).contains(table + "_pkey").contains("hashed SubPlan").doesNotContain("Seq Scan");
			}
		}
	}

	@Test
	@DisplayName("R-7.5 availability reads each stretch's samples by its times in the primary key, not the series' whole history")
	void availabilityStretchesUseTheTimesInTheIndex() {
		tenancy.call(Actor.job("plan"), TenantScope.system(),
				() -> jdbc.sql("SELECT usage.ensure_partition(?)").param(java.time.LocalDate.of(2025, 12, 2))
					.query(Boolean.class).single());
		UUID customer = UUID.randomUUID();
		String plan = plan(Actor.user("CP-PLAN"), TenantScope.customer(customer), UsageQueries.STRETCHES,
				new Long[] { 1_764_633_600L }, new Long[] { 1_764_640_800L }, customer, new Long[] { 1L, 2L });
		System.out.println("Availability stretches:\n" + plan);
		assertThat(plan).containsPattern("Index Cond: .*AND \\(at >= .*AND \\(at < ");
	}

	@Test
	@DisplayName("R-7.5 a relevant-service system's rollup probes find each bucket by its time in the primary key, not by reading the series' history")
	void rollupProbesUseTheBucketInTheIndex() {
		Object[] keys = { new String[] { UUID.randomUUID().toString() }, new Long[] { 1L }, new Long[] { 1_764_547_200L } };
		Object[] spans = { new String[] { UUID.randomUUID().toString() }, new Long[] { 1L }, new Long[] { 1_764_547_200L },
				new Long[] { 1_764_633_600L } };
		String stored = plan(Actor.serviceSystem("plan"), TenantScope.serviceSystem("COMPANY"),
				Rollups.storedSql("daily"), keys);
		String any = plan(Actor.serviceSystem("plan"), TenantScope.serviceSystem("COMPANY"),
				Rollups.anyStoredSql("daily"), spans);
		String days = plan(Actor.serviceSystem("plan"), TenantScope.serviceSystem("COMPANY"), Rollups.storedDaysSql(), keys);
		System.out.println("Rollup probes:\n" + stored + "\n" + any + "\n" + days);
		// Under row-level security a condition calling a function that is not leakproof (to_timestamp) on the key's
		// column is kept out of the index condition: written that way, this test fails, each probe a filter over
		// the series' whole history.
		assertThat(stored).containsPattern("Index Cond: .*AND \\(bucket = ");
		assertThat(any).containsPattern("Index Cond: .*AND \\(bucket >= .*AND \\(bucket <= ");
		assertThat(days).containsPattern("Index Cond: .*AND \\(day = ");
		tenancy.call(Actor.job("plan"), TenantScope.system(),
				() -> jdbc.sql("SELECT usage.ensure_partition(?)").param(java.time.LocalDate.of(2025, 12, 1))
					.query(Boolean.class).single());
		String samples = plan(Actor.serviceSystem("plan"), TenantScope.serviceSystem("COMPANY"), SampleWriter.ANY_STORED,
				spans);
		System.out.println("Samples probe:\n" + samples);
		assertThat(samples).containsPattern("Index Cond: .*AND \\(at >= .*AND \\(at <= ");
	}
}
