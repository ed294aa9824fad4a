package portal.customers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.5 A feed links a contract only to the customer it belongs to")
class ContractLinkIntegrationTests {

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
	@DisplayName("R-7.5 linking to a customer whose legal name is not the customer of record is refused, "
			+ "and the contracting company gains no view of that customer")
	void refusesForeignLink() throws Exception {
		CustomerFixtures fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		CustomerSummary victim = fixtures.customer("Delta Denki", "JP");
		String key = fixtures.key("NTT-KOREA");
		String contractNo = fixtures.unique("foreign");
		fixtures.putContract(key, contractNo, CustomerFixtures.activeContract("arcstar-universal-one", "NTT-KOREA",
				"Someone Else Ltd.", victim.code()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("customerCode")));
		long links = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM platform.customer_companies WHERE customer_id = ? AND company_code = 'NTT-KOREA'")
			.param(victim.id()).query(Long.class).single());
		assertThat(links).isZero();
		fixtures.putContract(key, contractNo, CustomerFixtures.activeContract("arcstar-universal-one", "NTT-KOREA",
				victim.legalName(), victim.code())).andExpect(status().isCreated());
	}
}
