package portal.orders;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.ServiceLimit;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** a user limited to some service instances or relevant services orders on those only. */
@PortalIntegrationTest
class OrderLimitsIntegrationTests {

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

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(mvc, customers, keys, tenancy, jdbc);
	}

	@Test
	@DisplayName("R-7.2 a user limited to one circuit orders on it, and an order on another circuit of the same contract is refused naming the instance, with nothing written")
	void instanceLimitedUserOrdersOnItsInstanceOnly() throws Exception {
		var holder = fixtures.holder("lim-a", "COMPANY");
		String other = fixtures.circuit(holder, "c2");
		Authentication limited = instanceLimited(holder, holder.circuit());

		submit(limited, OrderFixtures.bandwidthChange(holder.circuit(), "200")).andExpect(status().isCreated());
		submit(limited, OrderFixtures.bandwidthChange(other, "200")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields", hasKey("items[0].instanceId")));
		assertThat(orders(holder)).isEqualTo(1);
		// The same order on the other circuit is the unlimited orderer's to place.
		submit(holder.orderer(), OrderFixtures.bandwidthChange(other, "200")).andExpect(status().isCreated());
		assertThat(orders(holder)).isEqualTo(2);
	}

	@Test
	@DisplayName("R-7.2 a user limited to some instances cannot add an instance to a contract; an unlimited orderer can")
	void instanceLimitedUserCannotAdd() throws Exception {
		var holder = fixtures.holder("lim-b", "COMPANY");
		String add = """
				{"items": [{"orderType": "add", "contractNo": "%s", "parameters": {"circuitId": "CID-3001",
				 "siteName": "Kobe office", "country": "JP", "accessType": "ethernet", "bandwidthMbps": 100}}]}"""
			.formatted(holder.contractNo());

		submit(instanceLimited(holder, holder.circuit()), add).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields", hasKey("items[0].contractNo")));
		assertThat(orders(holder)).isZero();
		submit(holder.orderer(), add).andExpect(status().isCreated()).andExpect(jsonPath("$.items[0].action")
			.value("add"));
		assertThat(orders(holder)).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.2 a user limited to a relevant service orders on that service's instances")
	void serviceLimitedUserOrdersOnItsService() throws Exception {
		var holder = fixtures.holder("lim-c", "COMPANY");
		Authentication limited = TestPrincipals.limitedCustomerUser("CP-SVC-" + holder.customer().code(),
				holder.customer().id(), Set.of("arcstar-universal-one"), "ORDERER");

		submit(limited, OrderFixtures.bandwidthChange(holder.circuit(), "500")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.submittedBy").value("CP-SVC-" + holder.customer().code()));
		assertThat(orders(holder)).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.2 in the pages a user limited to one circuit gets the order form of that circuit only, and a forged submission on another circuit writes nothing")
	void instanceLimitInThePages() throws Exception {
		var holder = fixtures.holder("lim-d", "COMPANY");
		String other = fixtures.circuit(holder, "c2");
		Authentication limited = instanceLimited(holder, holder.circuit());

		mvc.perform(get("/app/orders/new").param("instanceId", holder.circuit()).param("type", "change-bandwidth")
			.with(authentication(limited))).andExpect(status().isOk());
		mvc.perform(get("/app/orders/new").param("instanceId", other).param("type", "change-bandwidth")
			.with(authentication(limited))).andExpect(status().isNotFound());
		mvc.perform(post("/app/orders").with(csrf()).with(authentication(limited)).param("instanceId", other)
			.param("type", "change-bandwidth").param("p.bandwidthMbps", "200").param("p.effectiveDate", "2026-12-10")
			.param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().isNotFound());
		assertThat(orders(holder)).isZero();
	}

	private Authentication instanceLimited(OrderFixtures.Holder holder, String instance) {
		return TestPrincipals.limitedCustomerUser("CP-INS-" + holder.customer().code(), holder.customer().id(),
				new ServiceLimit(Set.of(), Set.of(instance)), "ORDERER");
	}

	private long orders(OrderFixtures.Holder holder) {
		return fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id());
	}

	private ResultActions submit(Authentication user, String body) throws Exception {
		return mvc.perform(post("/api/v1/orders").with(csrf()).with(authentication(user))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
