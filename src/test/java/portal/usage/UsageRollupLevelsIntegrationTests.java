package portal.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import portal.platform.TestPrincipals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 1-day step reads the daily rollups, a 1-hour step the hourly ones: both levels must tell
 * the same story, so a day's answer equals its hours merged, and gaps stay gaps at both.
 */
@PortalIntegrationTest
@DisplayName("R-14.1 R-14.3 The daily level answers a 1-day step as the hourly level merged")
class UsageRollupLevelsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant FIRST_DAY = Instant.parse("2026-11-27T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	portal.platform.Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	CustomerSummary customer;

	long series;

	List<Double> secondDay = new ArrayList<>();

	@BeforeEach
	void twoDaysWithMissingHours() throws Exception {
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		customer = fixtures.customer("Levels Usage");
		String circuit = fixtures.circuit(key, "COMPANY", customer, "levels");
		StringBuilder body = new StringBuilder();
		int lines = 0;
		// Every hour full (12 samples) or empty: the hours 03-05 of the first day, and the whole third day, are missing.
		for (int hour = 0; hour < 48; hour++) {
			if (hour >= 3 && hour <= 5) {
				continue;
			}
			for (int slot = 0; slot < 12; slot++) {
				Instant at = FIRST_DAY.plus(Duration.ofMinutes(hour * 60L + slot * 5L));
				double value = 1_000 + (hour * 7_919L + slot * 104_729L) % 90_000;
				body.append(circuit).append(",traffic-in,").append(at).append(',').append((long) value).append('\n');
				if (hour >= 24) {
					secondDay.add(value);
				}
				lines++;
			}
		}
		fixtures.ingest(key, "text/csv", body.toString()).andExpect(jsonPath("$.added").value(lines));
		series = fixtures.count("SELECT id FROM usage.series WHERE instance_id = ? AND metric = 'traffic-in'", circuit);
	}

	private JsonNode values(String step, String stat) throws Exception {
		String json = mvc.perform(get("/api/v1/usage/query").param("series", String.valueOf(series))
			.param("from", FIRST_DAY.toString()).param("to", FIRST_DAY.plus(Duration.ofDays(3)).toString())
			.param("step", step).param("stat", stat)
			.with(authentication(TestPrincipals.customerUser("CP-LEVELS", customer.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JSON.readTree(json).get("series").get(0).get("values");
	}

	@Test
	@DisplayName("R-14.1 R-14.3 hourly points equal the hourly CSV export row for row, which streams the same days' rows of hours, gaps empty, for every stat")
	void hourlyPointsEqualTheHourlyExport() throws Exception {
		for (String stat : List.of("sum", "max", "min", "mean", "p95")) {
			JsonNode hours = values("1h", stat);
			String csv = mvc.perform(get("/api/v1/usage/export").param("series", String.valueOf(series))
				.param("from", FIRST_DAY.toString()).param("to", FIRST_DAY.plus(Duration.ofDays(3)).toString())
				.param("step", "1h").param("stat", stat)
				.with(authentication(TestPrincipals.customerUser("CP-LEVELS", customer.id(), "VIEWER"))))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			List<String> rows = csv.lines().skip(1).toList();
			assertThat(rows).as(stat).hasSize(hours.size());
			for (int i = 0; i < rows.size(); i++) {
				String exported = rows.get(i).substring(rows.get(i).lastIndexOf(',') + 1);
				if (hours.get(i).isNull()) {
					assertThat(exported).as("%s at hour %d", stat, i).isEmpty();
				}
				else {
					assertThat(Double.parseDouble(exported)).as("%s at hour %d", stat, i)
						.isCloseTo(hours.get(i).asDouble(), within(Math.abs(hours.get(i).asDouble()) * 1e-12));
				}
			}
		}
	}

	@Test
	@DisplayName("R-14.1 a day's sum, max, min and mean equal its hours merged, and a day without data is null")
	void dailyEqualsHourlyMerged() throws Exception {
		for (String stat : List.of("sum", "max", "min", "mean")) {
			JsonNode hours = values("1h", stat);
			JsonNode days = values("1d", stat);
			assertThat(hours.size()).isEqualTo(72);
			assertThat(days.size()).isEqualTo(3);
			for (int day = 0; day < 2; day++) {
				List<Double> present = new ArrayList<>();
				for (int hour = day * 24; hour < day * 24 + 24; hour++) {
					if (!hours.get(hour).isNull()) {
						present.add(hours.get(hour).asDouble());
					}
				}
				// Every present hour holds 12 samples, so a day's mean is the mean of its hours' means.
				double merged = switch (stat) {
					case "sum" -> present.stream().mapToDouble(Double::doubleValue).sum();
					case "max" -> present.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
					case "min" -> present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
					default -> present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
				};
				assertThat(days.get(day).asDouble()).as("%s of day %d", stat, day)
					.isCloseTo(merged, within(Math.abs(merged) * 1e-9));
			}
			assertThat(hours.get(4).isNull()).as("a missing hour").isTrue();
			assertThat(days.get(2).isNull()).as("a day without data").isTrue();
		}
	}

	@Test
	@DisplayName("R-14.1 a day's p95 lies within 1 % of the exact 95th percentile of its samples")
	void dailyP95WithinTheStatedError() throws Exception {
		JsonNode days = values("1d", "p95");
		List<Double> sorted = new ArrayList<>(secondDay);
		Collections.sort(sorted);
		double exact = sorted.get((int) Math.floor(Sketches.P95 * (sorted.size() - 1)));
		assertThat(days.get(1).asDouble()).isCloseTo(exact, within(exact * Sketches.RELATIVE_ACCURACY));
		assertThat(days.get(2).isNull()).isTrue();
	}
}
