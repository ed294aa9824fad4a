package portal.usage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bodies of the same series and day arriving at once, each the first samples of a bucket:
 * each writer finds the bucket missing, so each inserts it. The later one must not overwrite the
 * earlier one's bucket: it waits for it, fails on the primary key, starts over reading the bucket
 * and merges its samples into it; the day's row of hours then lists both writers' hours. The
 * hourly purge meeting a writer on the day its cutoff falls in keeps what the writer added.
 */
@PortalIntegrationTest
@DisplayName("R-14.1 Concurrent writers of the same rollup bucket both count, and the hourly purge keeps what a writer adds meanwhile")
class RollupRaceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UsageIngestion ingestion;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	java.util.List<portal.retention.Purge> purges;

	@Test
	@DisplayName("R-14.1 a bucket created by a concurrent writer is merged into, not overwritten: count, sum, min and max cover both")
	void secondWriterMergesIntoTheFirstWritersNewBucket() throws Exception {
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		CustomerSummary customer = fixtures.customer("Rollup Race");
		String circuit = fixtures.circuit(key, "COMPANY", customer, "race");
		// The series, the day's partition and the day's bucket exist already, so that the writers meet
		// only at the hour's new bucket.
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2004-03-01T02:00:00Z,1\n")
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		race(circuit + ",traffic-in,2004-03-01T10:05:00Z,100\n", circuit + ",traffic-in,2004-03-01T10:35:00Z,40\n");

		assertThat(hour(fixtures, circuit, "2004-03-01T10:00:00Z")).as("the hour holds both samples")
			.isEqualTo("2 140 40 100");
		assertThat(bucket(fixtures, "daily", circuit, "2004-03-01T00:00:00Z")).as("the day holds all three")
			.isEqualTo("3 141 1 100");
		byte[][] day = hoursOfDay(fixtures, circuit, "2004-03-01T00:00:00Z");
		assertThat(HoursOfDay.hours(day[0])).as("the day's hours, laid out after both writers").containsExactly(2, 10);
		assertThat(HoursOfDay.counts(day[1])).containsExactly(1, 2);
		assertThat(HoursOfDay.figures(day[2])).containsExactly(1, 140);
	}

	@Test
	@DisplayName("R-14.1 two writers of a day that has no hours yet both count: its row of hours lists both writers' hours")
	void secondWriterOfANewDayMergesIntoTheFirstWritersDay() throws Exception {
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		CustomerSummary customer = fixtures.customer("Rollup Race New Day");
		String circuit = fixtures.circuit(key, "COMPANY", customer, "race-day");
		// The series exists (from another day) and so does the day's partition; the day has no bucket yet, so the
		// writers of two different hours meet at the day's new bucket.
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2004-04-01T00:00:00Z,1\n")
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		tenancy.call(Actor.job("race"), TenantScope.system(), () -> jdbc.sql("SELECT usage.ensure_partition(?)")
			.param(java.time.LocalDate.of(2004, 3, 2)).query(Boolean.class).single());

		race(circuit + ",traffic-in,2004-03-02T10:05:00Z,100\n", circuit + ",traffic-in,2004-03-02T11:35:00Z,40\n");

		assertThat(hour(fixtures, circuit, "2004-03-02T10:00:00Z")).isEqualTo("1 100 100 100");
		assertThat(hour(fixtures, circuit, "2004-03-02T11:00:00Z")).isEqualTo("1 40 40 40");
		assertThat(bucket(fixtures, "daily", circuit, "2004-03-02T00:00:00Z")).as("the day holds both writers' samples")
			.isEqualTo("2 140 40 100");
		byte[][] day = hoursOfDay(fixtures, circuit, "2004-03-02T00:00:00Z");
		assertThat(HoursOfDay.hours(day[0])).as("the day's hours, laid out by both writers").containsExactly(10, 11);
		assertThat(HoursOfDay.counts(day[1])).containsExactly(1, 1);
		assertThat(HoursOfDay.figures(day[2])).containsExactly(100, 40);
	}

	@Test
	@DisplayName("R-13.1 R-14.1 the hourly purge of a day whose hours were all past keeps the hour a concurrent writer added to it")
	void hourlyPurgeKeepsAnHourAddedWhileItWaited() throws Exception {
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		CustomerSummary customer = fixtures.customer("Rollup Race Purge");
		String circuit = fixtures.circuit(key, "COMPANY", customer, "race-purge");
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2004-05-02T01:00:00Z,7\n")
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		portal.retention.Purge hourly = purges.stream()
			.filter(p -> p.dataClass() == portal.retention.DataClass.HOURLY_USAGE).findFirst().orElseThrow();
		// At 05:00 the day's one hour (01:00) is past: its row would go whole. A writer adds 10:00 to the row and
		// holds it while the purge waits for it.
		java.time.Instant cutoff = java.time.Instant.parse("2004-05-02T05:00:00Z");
		whileHeld(circuit + ",traffic-in,2004-05-02T10:00:00Z,9\n",
				() -> tenancy.call(Actor.job("race"), TenantScope.system(), () -> hourly.purgeBefore(cutoff)));
		assertThat(fixtures.hours(circuit, "traffic-in")).as("the hour added while the purge waited")
			.containsKey(java.time.Instant.parse("2004-05-02T10:00:00Z"));
		// The next run cuts the past hour off and keeps the other.
		tenancy.call(Actor.job("race"), TenantScope.system(), () -> hourly.purgeBefore(cutoff));
		assertThat(fixtures.hours(circuit, "traffic-in").keySet())
			.containsExactly(java.time.Instant.parse("2004-05-02T10:00:00Z"));
	}

	// The first writer writes its line and holds its transaction open until the second waits on a lock.
	private void race(String firstLine, String secondLine) throws Exception {
		assertThat(whileHeld(firstLine, () -> asSystem(() -> ingest(secondLine))).accepted()).isEqualTo(1);
	}

	// A writer adds its line (a sample new to the store) and holds its transaction open until the other work,
	// started meanwhile, waits on a lock; then it commits, and the other work's answer is returned.
	private <T> T whileHeld(String line, java.util.function.Supplier<T> other) throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<IngestionReport> writer = CompletableFuture.supplyAsync(() -> asSystem(
				() -> transactions.execute(status -> {
					IngestionReport report = ingest(line);
					written.countDown();
					await(release);
					return report;
				})));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<T> waiting = CompletableFuture.supplyAsync(other);
		awaitBlockedOnALock();
		release.countDown();
		assertThat(writer.get(30, TimeUnit.SECONDS).added()).isEqualTo(1);
		return waiting.get(30, TimeUnit.SECONDS);
	}

	// The day's row of usage.hourly_days: its packed hours, counts and sums.
	private byte[][] hoursOfDay(UsageFixtures fixtures, String circuit, String day) {
		return fixtures.asSystem(() -> jdbc.sql("""
				SELECT b.hours, b.count, b.sum FROM usage.hourly_days b
				JOIN usage.series s ON s.customer_id = b.customer_id AND s.id = b.series_id
				WHERE s.instance_id = ? AND b.day = ?::timestamptz""").params(circuit, day)
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2), rs.getBytes(3) }).single());
	}

	// An hour's bucket as its day's row of hours keeps it: "count sum min max".
	private static String hour(UsageFixtures fixtures, String circuit, String start) {
		UsageFixtures.Hour hour = fixtures.hours(circuit, "traffic-in").get(java.time.Instant.parse(start));
		return hour.count() + " " + figure(hour.sum()) + " " + figure(hour.min()) + " " + figure(hour.max());
	}

	private static String figure(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	private String bucket(UsageFixtures fixtures, String table, String circuit, String bucket) {
		return fixtures.asSystem(() -> jdbc.sql("""
				SELECT b.count || ' ' || b.sum || ' ' || b.min || ' ' || b.max FROM usage.%s b
				JOIN usage.series s ON s.customer_id = b.customer_id AND s.id = b.series_id
				WHERE s.instance_id = ? AND b.bucket = ?::timestamptz""".formatted(table))
			.params(circuit, bucket).query(String.class).single());
	}

	private IngestionReport ingest(String line) {
		return ingestion.ingest("COMPANY", IngestFormat.CSV,
				new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.serviceSystem("race"), TenantScope.serviceSystem("COMPANY"), work);
	}

	// Until a backend of this database waits on a lock: the second writer's insert behind the first's bucket.
	private void awaitBlockedOnALock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Long waiting = tenancy.call(Actor.job("race"), TenantScope.system(), () -> jdbc.sql(
					"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
				.query(Long.class).single());
			if (waiting > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The second writer never waited for the first one's bucket");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
