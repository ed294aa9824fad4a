package portal.usage;

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
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-14.3 Usage queries answer aligned points with gaps as gaps, within the customer")
class UsageQueryIntegrationTests {

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

	UsageFixtures fixtures;

	CustomerSummary alpha;

	CustomerSummary beta;

	String alphaCircuit;

	long alphaSeries;

	@BeforeEach
	void twoCustomersWithUsage() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		alpha = fixtures.customer("Alpha Usage");
		beta = fixtures.customer("Beta Usage");
		alphaCircuit = fixtures.circuit(key, "COMPANY", alpha, "alpha");
		String betaCircuit = fixtures.circuit(key, "COMPANY", beta, "beta");
		// 08:00 and 08:10 present, 08:05 missing: a gap.
		fixtures.ingest(key, "text/csv", alphaCircuit + ",traffic-in,2026-11-30T08:00:00Z,100\n" + alphaCircuit
				+ ",traffic-in,2026-11-30T08:10:00Z,300\n" + betaCircuit + ",traffic-in,2026-11-30T08:00:00Z,999\n")
			.andExpect(jsonPath("$.added").value(3));
		alphaSeries = fixtures.count("SELECT id FROM usage.series WHERE instance_id = ? AND metric = 'traffic-in'",
				alphaCircuit);
	}

	@Test
	@DisplayName("R-14.3 a missing sample is answered as null, never filled in")
	void gapsAreNulls() throws Exception {
		mvc.perform(get("/api/v1/usage/query").param("series", String.valueOf(alphaSeries))
			.param("from", "2026-11-30T08:00:00Z").param("to", "2026-11-30T08:15:00Z").param("step", "5m")
			.with(authentication(TestPrincipals.customerUser("CP-U-1", alpha.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.times.length()").value(3))
			.andExpect(jsonPath("$.series[0].values[0]").value(100.0))
			.andExpect(jsonPath("$.series[0].values[1]").value(nullValue()))
			.andExpect(jsonPath("$.series[0].values[2]").value(300.0))
			.andExpect(jsonPath("$.notice").exists());
		mvc.perform(get("/api/v1/usage/query").param("series", String.valueOf(alphaSeries))
			.param("from", "2026-11-30T07:00:00Z").param("to", "2026-11-30T09:00:00Z").param("step", "1h")
			.param("stat", "mean").with(authentication(TestPrincipals.customerUser("CP-U-1", alpha.id(), "VIEWER"))))
			.andExpect(jsonPath("$.series[0].values[0]").value(nullValue()))
			.andExpect(jsonPath("$.series[0].values[1]").value(200.0));
	}

	@Test
	@DisplayName("R-7.5 another customer's series is not found, and the availability shows the gap as an outage")
	void anotherCustomersSeriesIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/usage/query").param("series", String.valueOf(alphaSeries))
			.param("from", "2026-11-30T08:00:00Z").param("to", "2026-11-30T08:15:00Z")
			.with(authentication(TestPrincipals.customerUser("CP-U-2", beta.id(), "VIEWER"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/usage/availability").param("instance", alphaCircuit)
			.param("from", "2026-11-30T08:00:00Z").param("to", "2026-11-30T08:15:00Z")
			.with(authentication(TestPrincipals.customerUser("CP-U-1", alpha.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outages.length()").value(1))
			.andExpect(jsonPath("$.outages[0].from").value("2026-11-30T08:05:00Z"));
	}

	@Test
	@DisplayName("R-7.5 at the RLS wall, a customer's connection sees none of another customer's usage rows")
	void theWallHoldsOnEveryUsageTable() {
		for (String table : List.of("usage.series", "usage.samples", "usage.hourly_days",
				"usage.daily")) {
			long foreign = tenancy.call(Actor.user("CP-U-2"), TenantScope.customer(beta.id()),
					() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE customer_id = ?").param(alpha.id())
						.query(Long.class).single());
			long unfiltered = tenancy.call(Actor.user("CP-U-2"), TenantScope.customer(beta.id()),
					() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE customer_id <> ?").param(beta.id())
						.query(Long.class).single());
			long own = tenancy.call(Actor.user("CP-U-1"), TenantScope.customer(alpha.id()),
					() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE customer_id = ?").param(alpha.id())
						.query(Long.class).single());
			assertThat(foreign).as(table).isZero();
			assertThat(unfiltered).as(table).isZero();
			assertThat(own).as(table).isPositive();
		}
	}

	@Test
	@DisplayName("R-14.1 the CSV export has a header and the same points as the query, gaps empty")
	void exportMatchesTheQuery() throws Exception {
		String csv = mvc.perform(get("/api/v1/usage/export").param("series", String.valueOf(alphaSeries))
			.param("from", "2026-11-30T08:00:00Z").param("to", "2026-11-30T08:15:00Z").param("step", "5m")
			.with(authentication(TestPrincipals.customerUser("CP-U-1", alpha.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().toList()).containsExactly("time,instance,metric,unit,value",
				"2026-11-30T08:00:00Z," + alphaCircuit + ",traffic-in,bps,100",
				"2026-11-30T08:05:00Z," + alphaCircuit + ",traffic-in,bps,",
				"2026-11-30T08:10:00Z," + alphaCircuit + ",traffic-in,bps,300");
	}
}
