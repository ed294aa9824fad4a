package portal.customers;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.2 A user limited to some relevant services sees only those")
class ServiceLimitIntegrationTests {

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

	@Test
	@DisplayName("R-7.2 contracts and instances of other services are hidden from a limited user, not from others")
	void limitedUserSeesOnlyTheirServices() throws Exception {
		CustomerFixtures fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		CustomerSummary customer = fixtures.customer("Gamma Seiki", "JP");
		String key = fixtures.key("COMPANY");
		String wan = fixtures.unique("wan");
		String voice = fixtures.unique("voice");
		fixtures.putContract(key, wan, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				customer.legalName(), customer.code())).andExpect(status().isCreated());
		fixtures.putContract(key, voice, CustomerFixtures.activeContract("arcstar-ip-voice", "COMPANY",
				customer.legalName(), customer.code())).andExpect(status().isCreated());
		String circuit = fixtures.unique("wan-c1");
		fixtures.putInstance(key, circuit, CustomerFixtures.circuit(wan, "Head office", "active"))
			.andExpect(status().isCreated());

		var limited = TestPrincipals.limitedCustomerUser("CP-LIM-1", customer.id(), Set.of("arcstar-ip-voice"),
				"VIEWER");
		mvc.perform(get("/api/v1/contracts").with(authentication(limited)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[*].relevantService").value(everyItem(is("arcstar-ip-voice"))));
		mvc.perform(get("/api/v1/service-instances/{id}", circuit).with(authentication(limited)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/service-instances").with(authentication(limited)))
			.andExpect(jsonPath("$.total").value(0));

		var unlimited = TestPrincipals.customerUser("CP-ALL-1", customer.id(), "VIEWER");
		mvc.perform(get("/api/v1/contracts").with(authentication(unlimited))).andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/service-instances/{id}", circuit).with(authentication(unlimited)))
			.andExpect(status().isOk());
	}
}
