package portal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
import portal.platform.TestPrincipals;

/**
 * The instance page reads as many points as its chart draws, at a step picked for the range,
 * and equal to the query API's answer at that step; its availability reads the samples only
 * where the hourly rollups do not already show every slot up, with the same answer.
 */
@PortalIntegrationTest
@DisplayName("R-14.1 The instance chart reads the rollup level its range needs")
class UsageInstanceChartIntegrationTests {

	static final Instant START = Instant.parse("2026-11-10T00:00:00Z");

	static final int DAYS = 3;

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
	UsageDashboard dashboard;

	@Autowired
	UsageQueries queries;

	@Autowired
	Clock clock;

	UsageFixtures fixtures;

	CustomerSummary customer;

	String circuit;

	@BeforeEach
	void threeDaysOfFiveMinuteUsage() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		customer = fixtures.customer("Chart Usage");
		circuit = fixtures.circuit(key, "COMPANY", customer, "chart");
		// Traffic every 5 minutes but for half an hour on the second day, when nothing at all arrives;
		// availability readings every 10 minutes, and one of 0 at 03:15 on the third day.
		StringBuilder csv = new StringBuilder();
		for (int slot = 0; slot < DAYS * 288; slot++) {
			Instant at = START.plus(Duration.ofMinutes(5L * slot));
			if (at.isAfter(Instant.parse("2026-11-11T10:05:00Z")) && at.isBefore(Instant.parse("2026-11-11T10:40:00Z"))) {
				continue;
			}
			csv.append(circuit).append(",traffic-in,").append(at).append(',').append(1_000_000 + slot * 1_000)
				.append('\n');
			if (slot % 2 == 0 || at.equals(Instant.parse("2026-11-12T03:15:00Z"))) {
				csv.append(circuit).append(",availability,").append(at).append(',')
					.append(at.equals(Instant.parse("2026-11-12T03:15:00Z")) ? 0 : 100).append('\n');
			}
		}
		fixtures.ingest(key, "text/csv", csv.toString()).andExpect(status().isOk());
	}

	@Test
	@DisplayName("R-14.1 the chart's points are the query API's answer at the step picked for the range, at most 800 per series")
	void chartEqualsTheQueryAtItsStep() {
		for (Duration range : List.of(Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(40))) {
			Instant from = START;
			Instant to = START.plus(range);
			QueryResult chart = asViewer(() -> dashboard.instance(customer.id(), circuit, from, to, null, Locale.ENGLISH)
				.orElseThrow().points());
			Step step = Step.forChart(range);
			assertThat(chart.step()).isEqualTo(step.code());
			assertThat(chart.times()).hasSizeLessThanOrEqualTo(Step.CHART_POINTS);
			QueryResult api = asViewer(() -> queries.query(customer.id(),
					chart.series().stream().map(p -> p.series().id()).toList(), from, to, step, Stat.MEAN, Locale.ENGLISH));
			assertThat(chart).isEqualTo(api);
		}
		assertThat(asViewer(() -> dashboard.instance(customer.id(), circuit, START, START.plus(Duration.ofDays(3)),
				Step.FIVE_MINUTES, Locale.ENGLISH).orElseThrow().points().times())).hasSize(3 * 288);
	}

	@Test
	@DisplayName("R-14.3 availability from the rollups finds the same outages and percentage as reading every sample")
	void availabilityEqualsTheSamples() {
		List<Instant[]> ranges = List.of(new Instant[] { START, START.plus(Duration.ofDays(DAYS)) },
				new Instant[] { START.minus(Duration.ofHours(5)), START.plus(Duration.ofDays(DAYS + 1)) },
				new Instant[] { Instant.parse("2026-11-10T07:07:00Z"), Instant.parse("2026-11-12T03:17:00Z") },
				new Instant[] { Instant.parse("2026-11-11T10:20:00Z"), Instant.parse("2026-11-11T12:00:00Z") });
		for (Instant[] range : ranges) {
			Availability fromRollups = asViewer(() -> queries.availability(customer.id(), circuit, range[0], range[1]));
			assertThat(fromRollups).as("%s – %s", range[0], range[1]).isEqualTo(fromSamples(range[0], range[1]));
		}
		Availability whole = asViewer(
				() -> queries.availability(customer.id(), circuit, START, START.plus(Duration.ofDays(DAYS))));
		assertThat(whole.outages()).extracting(o -> o.from() + " " + o.cause())
			.containsExactly("2026-11-11T10:10:00Z gap", "2026-11-12T03:15:00Z unavailable");
	}

	@Test
	@DisplayName("R-13.1 R-14.3 hours whose samples are purged while their rollups remain are not counted as up")
	void purgedSamplesAreNotTakenFromTheRollups() {
		fixtures.asSystem(() -> jdbc.sql("DELETE FROM usage.samples WHERE customer_id = ? AND at < ?")
			.params(customer.id(), Timestamp.from(START.plus(Duration.ofDays(1)))).update());
		Instant to = START.plus(Duration.ofDays(DAYS));
		Availability availability = asViewer(() -> queries.availability(customer.id(), circuit, START, to));
		assertThat(availability).isEqualTo(fromSamples(START, to));
		assertThat(availability.percentage()).isLessThan(100.0);
	}

	@Test
	@DisplayName("R-14.1 the page says which resolution it shows, takes a finer step on a short range, and refuses one too fine beside the field")
	void pageStepChoice() throws Exception {
		var viewer = authentication(TestPrincipals.customerUser("CP-CHART-1", customer.id(), "VIEWER"));
		mvc.perform(get("/app/usage/instances/{id}", circuit).param("range", "custom").param("from", "2026-11-10")
			.param("to", "2026-11-12").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Shown as hourly means (picked for the range): 72 points"),
					containsString("step=1h"), not(containsString("step-error")), not(containsString("range-error")))));
		mvc.perform(get("/app/usage/instances/{id}", circuit).param("range", "custom").param("from", "2026-11-10")
			.param("to", "2026-11-12").param("step", "5m").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Shown as 5-minute samples (as asked): 864 points"),
					containsString("step=5m"))));
		mvc.perform(get("/app/usage/instances/{id}", circuit).param("range", "90d").param("step", "5m").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"step-error\""),
					containsString("aria-invalid=\"true\""), containsString("step=1d"),
					containsString("Shown as daily means"))));
		mvc.perform(get("/api/v1/usage/series").param("instance", circuit).with(viewer))
			.andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	@DisplayName("R-14.1 a custom range that cannot be shown comes back in its fields with the reason beside them, in the person's language")
	void customRangeRefusedBesideItsFields() throws Exception {
		var viewer = authentication(TestPrincipals.customerUser("CP-CHART-1", customer.id(), "VIEWER"));
		String page = "/app/usage/instances/{id}";
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2026-11-12").param("to", "2026-11-10")
			.with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"range-error\""),
					containsString("The end date is before the start date"), containsString("value=\"2026-11-12\""),
					containsString("value=\"2026-11-10\""), containsString("aria-describedby=\"range-error\""),
					containsString("aria-invalid=\"true\""), containsString("value=\"custom\" selected"))));
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2026-11-12").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose both a start and an end date")));
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2026-13-45").param("to", "2026-11-12")
			.with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("as year-month-day"), containsString("value=\"2026-13-45\""))));
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2025-01-01").param("to", "2026-11-12")
			.with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A custom range covers at most 400 days")));
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2026-11-12").param("to", "2026-11-10")
			.param("lang", "ja").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("終了日が開始日より前になっています"),
					not(containsString("The end date is before")))));
		// Four hundred days, both included, can be shown; one more cannot.
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2025-10-08").param("to", "2026-11-12")
			.with(viewer))
			.andExpect(content().string(containsString("id=\"range-error\"")));
		mvc.perform(get(page, circuit).param("range", "custom").param("from", "2025-10-09").param("to", "2026-11-12")
			.with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("range-error"))));
	}

	// The availability as read from every sample of the range, slot by slot.
	private Availability fromSamples(Instant from, Instant to) {
		return asViewer(() -> {
			List<Series> series = jdbc.sql("SELECT id, interval_seconds, metric FROM usage.series"
					+ " WHERE customer_id = ? AND instance_id = ?")
				.params(customer.id(), circuit)
				.query((rs, n) -> new Series(rs.getLong(1), customer.id(), circuit, rs.getString(3),
						UsageFixtures.SERVICE, Duration.ofSeconds(rs.getInt(2)), false))
				.list();
			long step = series.stream().mapToLong(s -> s.interval().toSeconds()).min().orElseThrow();
			long start = Math.floorDiv(from.getEpochSecond(), step) * step;
			long end = Math.min(to.getEpochSecond(), clock.instant().getEpochSecond());
			int slots = (int) Math.max(0, (end - start + step - 1) / step);
			int[] state = new int[slots];
			Map<Long, String> metricOf = new HashMap<>();
			series.forEach(s -> metricOf.put(s.id(), s.metric()));
			int[] first = { Integer.MAX_VALUE };
			jdbc.sql("SELECT series_id, at, value FROM usage.samples WHERE customer_id = ? AND series_id = ANY (?)"
					+ " AND at >= ? AND at < ?")
				.params(customer.id(), series.stream().map(Series::id).toArray(Long[]::new),
						Timestamp.from(Instant.ofEpochSecond(start)), Timestamp.from(Instant.ofEpochSecond(end)))
				.query(rs -> {
					int slot = (int) ((rs.getTimestamp(2).toInstant().getEpochSecond() - start) / step);
					first[0] = Math.min(first[0], slot);
					state[slot] |= "availability".equals(metricOf.get(rs.getLong(1))) && rs.getDouble(3) < 50 ? 2 : 1;
				});
			List<Availability.Outage> outages = new ArrayList<>();
			long counted = 0;
			long down = 0;
			int runStart = -1;
			String cause = "";
			for (int i = first[0] == Integer.MAX_VALUE ? slots : first[0]; i <= slots; i++) {
				boolean isDown = i < slots && (state[i] == 0 || (state[i] & 2) != 0);
				if (i < slots) {
					counted++;
					down += isDown ? 1 : 0;
				}
				if (isDown && runStart < 0) {
					runStart = i;
					cause = state[i] == 0 ? "gap" : "unavailable";
				}
				else if (!isDown && runStart >= 0) {
					outages.add(new Availability.Outage(Instant.ofEpochSecond(start + runStart * step),
							Instant.ofEpochSecond(start + i * step), cause));
					runStart = -1;
				}
			}
			Double percentage = counted == 0 ? null : Math.round(100_000.0 * (counted - down) / counted) / 1000.0;
			return new Availability(circuit, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
					Duration.ofSeconds(step).toString(), percentage, outages, UsageQueries.NOTICE);
		});
	}

	private <T> T asViewer(Supplier<T> work) {
		return tenancy.call(Actor.user("CP-CHART-1"), TenantScope.customer(customer.id()), work);
	}
}
