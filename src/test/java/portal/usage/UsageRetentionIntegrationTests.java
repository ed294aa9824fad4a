package portal.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.retention.DataClass;
import portal.retention.Purge;
import portal.retention.RetentionJob;
import portal.retention.RetentionPeriods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Retention of usage at its boundaries. The samples lie on days of their own, long past, so
 * that dropping those days' partitions touches no other test's data.
 */
@PortalIntegrationTest
@DisplayName("R-13.1 Usage is purged past its retention period and never within it")
class UsageRetentionIntegrationTests {

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
	List<Purge> purges;

	@Autowired
	RetentionJob job;

	@Autowired
	RetentionPeriods periods;

	@Autowired
	Clock clock;

	UsageFixtures fixtures;

	String circuit;

	@BeforeEach
	void samplesOnTwoOldDays() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		CustomerSummary customer = fixtures.customer("Retention Works");
		circuit = fixtures.circuit(key, "COMPANY", customer, "old");
	}

	private void ingest(String day) throws Exception {
		String key = fixtures.key("COMPANY");
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in," + day + "T23:55:00Z,1\n" + circuit
				+ ",traffic-in," + LocalDate.parse(day).plusDays(1) + "T00:00:00Z,2\n")
			.andExpect(jsonPath("$.added").value(2));
	}

	private long samplesOn(String day) {
		return fixtures.count("""
				SELECT count(*) FROM usage.samples s JOIN usage.series r ON r.customer_id = s.customer_id AND r.id = s.series_id
				WHERE r.instance_id = ? AND s.at >= ?::date AND s.at < ?::date + 1""", circuit, day, day);
	}

	private long hourly(String bucket) {
		return fixtures.hours(circuit, "traffic-in").containsKey(Instant.parse(bucket)) ? 1 : 0;
	}

	// The hours of the day's row laid out by day, as "3,20", or "none".
	private String laidOut(String day) {
		return fixtures.asSystem(() -> jdbc.sql("""
				SELECT d.hours FROM usage.hourly_days d JOIN usage.series r ON r.customer_id = d.customer_id AND r.id = d.series_id
				WHERE r.instance_id = ? AND d.day = ?::timestamptz""").params(circuit, day + "T00:00:00Z")
			.query((rs, n) -> java.util.Arrays.stream(HoursOfDay.hours(rs.getBytes(1))).mapToObj(Integer::toString)
				.collect(java.util.stream.Collectors.joining(",")))
			.optional().orElse("none"));
	}

	private Purge purge(DataClass dataClass) {
		return purges.stream().filter(p -> p.dataClass() == dataClass).findFirst().orElseThrow();
	}

	private Purge.Purged asJob(Purge purge, Instant cutoff) {
		return tenancy.call(Actor.job("retention-test"), TenantScope.system(), () -> purge.purgeBefore(cutoff));
	}

	@Test
	@DisplayName("R-13.1 a day's partition is dropped only once the whole day lies before the cutoff")
	void partitionsAtTheBoundary() throws Exception {
		ingest("2001-03-01");
		Instant nextDay = Instant.parse("2001-03-02T00:00:00Z");
		assertThat(asJob(purge(DataClass.RAW_USAGE), nextDay.minusSeconds(1)).count()).isZero();
		assertThat(samplesOn("2001-03-01")).isEqualTo(1);
		Purge.Purged purged = asJob(purge(DataClass.RAW_USAGE), nextDay);
		assertThat(purged.count()).isGreaterThanOrEqualTo(1);
		assertThat(purged.range()).contains("2001-03-01");
		assertThat(samplesOn("2001-03-01")).isZero();
		assertThat(samplesOn("2001-03-02")).isEqualTo(1);
	}

	@Test
	@DisplayName("R-13.1 an hourly bucket is deleted only once it ends at or before the cutoff")
	void rollupsAtTheBoundary() throws Exception {
		ingest("2001-04-01");
		Instant bucketEnd = Instant.parse("2001-04-02T00:00:00Z");
		asJob(purge(DataClass.HOURLY_USAGE), bucketEnd.minusSeconds(1));
		assertThat(hourly("2001-04-01T23:00:00Z")).isEqualTo(1);
		asJob(purge(DataClass.HOURLY_USAGE), bucketEnd);
		assertThat(hourly("2001-04-01T23:00:00Z")).isZero();
		assertThat(hourly("2001-04-02T00:00:00Z")).isEqualTo(1);
	}

	@Test
	@DisplayName("R-13.1 the hourly purge drops the days whose hours are all past and cuts the cutoff's day to its later hours, sketches included")
	void hoursLaidOutByDayFollowThePurge() throws Exception {
		String key = fixtures.key("COMPANY");
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2001-05-01T10:00:00Z,1\n" + circuit
				+ ",traffic-in,2001-05-02T03:00:00Z,2\n" + circuit + ",traffic-in,2001-05-02T20:00:00Z,3\n")
			.andExpect(jsonPath("$.added").value(3));
		assertThat(laidOut("2001-05-01")).isEqualTo("10");
		assertThat(laidOut("2001-05-02")).isEqualTo("3,20");
		// The first day's one hour is past; the second day's 03:00 bucket ends at 04:00, after the cutoff, and stays.
		assertThat(asJob(purge(DataClass.HOURLY_USAGE), Instant.parse("2001-05-02T03:59:59Z")).count()).isOne();
		assertThat(laidOut("2001-05-01")).isEqualTo("none");
		assertThat(laidOut("2001-05-02")).isEqualTo("3,20");
		assertThat(asJob(purge(DataClass.HOURLY_USAGE), Instant.parse("2001-05-02T10:00:00Z")).count()).isOne();
		assertThat(laidOut("2001-05-02")).isEqualTo("20");
		assertThat(hourly("2001-05-02T20:00:00Z")).isEqualTo(1);
		// The hour that stays keeps its own sketch, which later samples of the hour merge into.
		UsageFixtures.Hour kept = fixtures.hours(circuit, "traffic-in").get(Instant.parse("2001-05-02T20:00:00Z"));
		com.datadoghq.sketch.ddsketch.DDSketch sketch = Sketches.empty();
		Sketches.mergeInto(sketch, kept.sketch());
		assertThat(sketch.getCount()).isEqualTo(1);
		assertThat(Sketches.p95(sketch)).isCloseTo(3, org.assertj.core.api.Assertions.within(3 * Sketches.RELATIVE_ACCURACY));
		assertThat(HoursOfDay.figures(fixtures.asSystem(() -> jdbc.sql("""
				SELECT d.sum FROM usage.hourly_days d JOIN usage.series r ON r.customer_id = d.customer_id AND r.id = d.series_id
				WHERE r.instance_id = ?""").param(circuit).query((rs, n) -> rs.getBytes(1)).single()))).containsExactly(3);
		asJob(purge(DataClass.HOURLY_USAGE), Instant.parse("2001-05-02T21:00:00Z"));
		assertThat(laidOut("2001-05-02")).isEqualTo("none");
	}

	@Test
	@DisplayName("R-13.1 the daily job applies the period from the clock and records class, range and count in the audit trail")
	void theJobAppliesPeriodsFromTheClockAndAudits() throws Exception {
		ingest("2001-05-01");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		int days = (int) ChronoUnit.DAYS.between(LocalDate.parse("2001-05-02"), today);
		int before = periods.days(DataClass.RAW_USAGE);
		tenancy.run(Actor.staff("ST-ADMIN"), TenantScope.allCustomers(), () -> periods.set(DataClass.RAW_USAGE, days));
		try {
			List<RetentionJob.Outcome> outcomes = job.run();
			RetentionJob.Outcome raw = outcomes.stream().filter(o -> o.dataClass() == DataClass.RAW_USAGE)
				.findFirst().orElseThrow();
			assertThat(raw.count()).isPositive();
			assertThat(samplesOn("2001-05-01")).isZero();
			assertThat(samplesOn("2001-05-02")).isEqualTo(1);
			assertThat(fixtures.count("""
					SELECT count(*) FROM audit.entries WHERE action = 'retention.purged' AND target_id = 'raw-usage'
					AND details ->> 'range' LIKE '%2001-05-01%' AND (details ->> 'count')::bigint > 0""")).isEqualTo(1);
		}
		finally {
			tenancy.run(Actor.staff("ST-ADMIN"), TenantScope.allCustomers(),
					() -> periods.set(DataClass.RAW_USAGE, before));
		}
	}
}
