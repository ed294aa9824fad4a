package portal.usage;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;
import portal.platform.web.TimeZones;

@PortalIntegrationTest
@DisplayName("R-14.1 Usage pages in the person's time zone")
class UsageTimeZonesIntegrationTests {

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

	CustomerSummary customer;

	String circuit;

	@BeforeEach
	void aCircuitWithUsage() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		customer = fixtures.customer("Zone Usage");
		circuit = fixtures.circuit(key, "COMPANY", customer, "zone");
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2026-11-30T08:00:00Z,100\n")
			.andExpect(jsonPath("$.added").value(1));
	}

	@Test
	@DisplayName("R-7.6 R-14.1 a custom range is whole days in Asia/Tokyo, the chart gets the zone, the table shows 17:00 JST")
	void customRangeChartAndTableInTheZone() throws Exception {
		Authentication viewer = TestPrincipals.customerUser("CPZONE0001", customer.id(), "VIEWER");
		mvc.perform(get("/app/usage/instances/{id}", circuit).param("range", "custom").param("from", "2026-11-30")
			.param("to", "2026-11-30").with(authentication(viewer))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "Asia%2FTokyo")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-zone=\"Asia/Tokyo\""),
					containsString("from=2026-11-29T15:00:00Z&amp;to=2026-11-30T15:00:00Z"),
					containsString("datetime=\"2026-11-30T08:00:00Z\">30 Nov 2026, 17:00 JST</time>"),
					containsString("(Asia/Tokyo)"))));
		mvc.perform(get("/app/usage/instances/{id}", circuit).param("range", "custom").param("from", "2026-11-30")
			.param("to", "2026-11-30").with(authentication(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-zone=\"UTC\""),
					containsString("from=2026-11-30T00:00:00Z&amp;to=2026-12-01T00:00:00Z"),
					containsString("datetime=\"2026-11-30T08:00:00Z\">30 Nov 2026, 08:00 UTC</time>"))));
	}
}
