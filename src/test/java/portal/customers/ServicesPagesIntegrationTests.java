package portal.customers;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.6 The services pages of the customer portal and the console's customer desk")
class ServicesPagesIntegrationTests {

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

	CustomerFixtures fixtures;

	CustomerSummary holder;

	String contractNo;

	String instanceId;

	String otherContract;

	@BeforeEach
	void aCustomerWithACircuit() throws Exception {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		holder = fixtures.customer("Page Holder", "JP");
		CustomerSummary other = fixtures.customer("Page Stranger", "US");
		String key = fixtures.key("COMPANY");
		contractNo = fixtures.unique("page-uno");
		otherContract = fixtures.unique("stranger-uno");
		instanceId = fixtures.unique("page-c1");
		fixtures.putContract(key, contractNo, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				holder.legalName(), holder.code())).andExpect(status().isCreated());
		fixtures.putContract(key, otherContract, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				other.legalName(), other.code())).andExpect(status().isCreated());
		fixtures.putInstance(key, instanceId, CustomerFixtures.circuit(contractNo, "Head office circuit", "active"))
			.andExpect(status().isCreated());
	}

	@Test
	@DisplayName("R-7.6 the services page is a whole page, or only the results when htmx asks")
	void servicesPageFullAndFragment() throws Exception {
		mvc.perform(get("/app/services").with(authentication(user())))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("<html"), containsString("Skip to main content"),
					containsString("id=\"results\""), containsString(contractNo), containsString("Head office circuit"),
					containsString("Arcstar Universal One"), not(containsString(otherContract)),
					not(containsString("??customers.")))));
		mvc.perform(get("/app/services").param("q", "nothing-like-this").header("HX-Request", "true")
			.with(authentication(user())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), not(containsString("Skip to main content")),
					containsString("id=\"results\""), containsString("No service instances match these filters."),
					not(containsString("??customers.")))));
	}

	@Test
	@DisplayName("R-7.6 a history restore gets the whole page although htmx sends it")
	void historyRestoreGetsTheWholePage() throws Exception {
		mvc.perform(get("/app/services").header("HX-Request", "true").header("HX-History-Restore-Request", "true")
			.with(authentication(user())))
			.andExpect(content().string(containsString("<html")));
	}

	@Test
	@DisplayName("R-23 the services page is complete in Japanese")
	void servicesPageInJapanese() throws Exception {
		mvc.perform(get("/app/services").cookie(new Cookie("portal-lang", "ja")).with(authentication(user())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""), containsString("サービスインスタンス"),
					containsString("稼働中"), not(containsString("??customers.")))));
	}

	@Test
	@DisplayName("R-7.6 a customer without contracts sees an explanation, not an empty table")
	void emptyState() throws Exception {
		CustomerSummary newcomer = fixtures.customer("Newcomer", "JP");
		mvc.perform(get("/app/services")
			.with(authentication(TestPrincipals.customerUser("CP-N-1", newcomer.id(), "ADMINISTRATOR"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No services to show yet"), not(containsString("<table")))));
	}

	@Test
	@DisplayName("R-7.6 the instance page shows the attributes under the descriptor's names; another customer's is not found")
	void instanceDetail() throws Exception {
		mvc.perform(get("/app/services/instances/{id}", instanceId).with(authentication(user())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Bandwidth (Mbit/s)"), containsString("Ethernet (guaranteed)"),
					containsString("CID-1001"), not(containsString("??customers.")))));
		mvc.perform(get("/app/services/instances/{id}", instanceId).cookie(new Cookie("portal-lang", "ja"))
			.with(authentication(user())))
			.andExpect(content().string(allOf(containsString("帯域（Mbps）"), containsString("イーサネット（帯域保証）"))));
		CustomerSummary stranger = fixtures.customer("Curious", "JP");
		mvc.perform(get("/app/services/instances/{id}", instanceId)
			.with(authentication(TestPrincipals.customerUser("CP-S-1", stranger.id(), "VIEWER"))))
			.andExpect(status().isNotFound());
	}

	@Test
	@DisplayName("R-7.5 staff cannot open the customer portal's services page")
	void staffAreNotCustomers() throws Exception {
		mvc.perform(get("/app/services").with(authentication(TestPrincipals.staff("ST-1", "DESK"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.6 the console's customer search is a whole page, or only the results when htmx asks")
	void consoleCustomersFullAndFragment() throws Exception {
		mvc.perform(get("/console/customers").param("q", fixtures.run).with(authentication(staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString(holder.code()),
					not(containsString("??customers.")))));
		mvc.perform(get("/console/customers").param("q", fixtures.run).header("HX-Request", "true")
			.with(authentication(staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"results\""),
					containsString(holder.code()))));
	}

	@Test
	@DisplayName("R-7.6 staff see a customer's contracts and instances, and filter the instances with htmx")
	void consoleCustomerPage() throws Exception {
		mvc.perform(get("/console/customers/{code}", holder.code()).with(authentication(staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString(contractNo),
					containsString("Head office circuit"), not(containsString("??customers.")))));
		mvc.perform(get("/console/customers/{code}", holder.code()).param("state", "terminated")
			.header("HX-Request", "true").with(authentication(staff())))
			.andExpect(content().string(allOf(not(containsString("<html")),
					containsString("No service instances match these filters."))));
		mvc.perform(get("/console/customers/{code}/instances/{id}", holder.code(), instanceId)
			.with(authentication(staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bandwidth (Mbit/s)")));
		mvc.perform(get("/console/customers/{code}", holder.code())
			.with(authentication(CustomerFixtures.affiliateStaff("ST-SG-1", "NTT-SINGAPORE", "DESK"))))
			.andExpect(status().isNotFound());
	}

	private Authentication user() {
		return TestPrincipals.customerUser("CP-P-1", holder.id(), "VIEWER");
	}

	private static Authentication staff() {
		return TestPrincipals.staff("ST-1", "DESK");
	}
}
