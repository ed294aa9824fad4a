package portal.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers, keys, contracts and circuits for the usage tests, made through the customers
 * module's API and system feed. Names carry a per-test suffix: all tests share one database.
 */
final class UsageFixtures {

	static final String SERVICE = "access-premium";

	private final MockMvc mvc;

	private final Customers customers;

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

	UsageFixtures(MockMvc mvc, Customers customers, ServiceSystemKeys keys, Tenancy tenancy, JdbcClient jdbc) {
		this.mvc = mvc;
		this.customers = customers;
		this.keys = keys;
		this.tenancy = tenancy;
		this.jdbc = jdbc;
	}

	String unique(String name) {
		return "U-" + run + "-" + name;
	}

	CustomerSummary customer(String legalName) {
		return asSystem(() -> customers.register(legalName + " " + run, "JP", "1-1 Test Street"));
	}

	String key(String company) {
		return tenancy.call(Actor.staff("ST-TEST"), TenantScope.allCustomers(),
				() -> keys.issue(("usage-" + run + "-" + company + "-" + UUID.randomUUID().toString().substring(0, 4))
					.toLowerCase(Locale.ROOT), company));
	}

	/** An active Access Premium circuit of the customer under a new contract with the company; its id. */
	String circuit(String key, String company, CustomerSummary customer, String name) throws Exception {
		String contract = unique(name + "-k");
		mvc.perform(put("/api/v1/system/contracts/{no}", contract).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"relevantService": "%s", "contractingCompany": "%s",
					 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
					 "customerCode": "%s", "startDate": "2024-04-01", "state": "active"}"""
				.formatted(SERVICE, company, customer.legalName(), customer.code())))
			.andExpect(status().isCreated());
		String instance = unique(name);
		mvc.perform(put("/api/v1/system/service-instances/{id}", instance).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"contractNo": "%s", "kind": "circuit", "label": "%s", "state": "active",
					 "attributes": {"circuitId": "CID-1001", "siteName": "Test site", "bandwidthMbps": 100,
					 "interface": "1000BASE-T"}}""".formatted(contract, name)))
			.andExpect(status().isCreated());
		return instance;
	}

	ResultActions ingest(String key, String contentType, String body) throws Exception {
		return mvc.perform(post("/api/v1/system/usage").header("Authorization", "Bearer " + key)
			.contentType(contentType).content(body));
	}

	long count(String sql, Object... params) {
		return asSystem(() -> jdbc.sql(sql).params(java.util.Arrays.asList(params)).query(Long.class).single());
	}

	/** An hourly bucket as a day's row of hours keeps it; p95 and sketch null where the series has none. */
	record Hour(long count, double min, double max, double sum, Double p95, byte[] sketch) {
	}

	/** An instance's hourly buckets of a metric, by their start, read from the days' rows of hours. */
	Map<Instant, Hour> hours(String instance, String metric) {
		Map<Instant, Hour> hours = new TreeMap<>();
		asSystem(() -> {
			jdbc.sql("""
					SELECT d.day, d.hours, d.count, d.min, d.max, d.sum, d.p95, d.sketches FROM usage.hourly_days d
					JOIN usage.series r ON r.customer_id = d.customer_id AND r.id = d.series_id
					WHERE r.instance_id = ? AND r.metric = ?""")
				.params(instance, metric)
				.query(rs -> {
					Instant day = rs.getTimestamp(1).toInstant();
					int[] of = HoursOfDay.hours(rs.getBytes(2));
					int[] counts = HoursOfDay.counts(rs.getBytes(3));
					double[][] figures = new double[4][];
					for (int c = 0; c < 4; c++) {
						figures[c] = HoursOfDay.figures(rs.getBytes(4 + c));
					}
					byte[][] sketches = HoursOfDay.sketches(rs.getBytes(8), of.length);
					for (int i = 0; i < of.length; i++) {
						hours.put(day.plus(Duration.ofHours(of[i])), new Hour(counts[i], figures[0][i], figures[1][i],
								figures[2][i], Double.isNaN(figures[3][i]) ? null : figures[3][i], sketches[i]));
					}
				});
			return null;
		});
		return hours;
	}

	<T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("usage-test"), TenantScope.system(), work);
	}
}
