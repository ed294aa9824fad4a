package portal.orders;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
class OrderPagesIntegrationTests {

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
	@DisplayName("R-7.7 the bandwidth change form is generated from the descriptor, shows the current bandwidth, and refuses a value outside the choices beside the field")
	void formFromDescriptor() throws Exception {
		var holder = fixtures.holder("pages-a", "COMPANY");
		Authentication orderer = holder.orderer();
		mvc.perform(get("/app/orders/new").param("instanceId", holder.circuit()).with(authentication(orderer)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("type=change-bandwidth")));
		mvc.perform(get("/app/orders/new").param("instanceId", holder.circuit()).param("type", "change-bandwidth")
			.with(authentication(orderer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"p.bandwidthMbps\""),
					containsString("<option value=\"10000\""), containsString("type=\"date\""),
					containsString("<strong>100</strong>"))));

		mvc.perform(post("/app/orders").with(csrf()).with(authentication(orderer)).param("instanceId", holder.circuit())
			.param("type", "change-bandwidth").param("p.bandwidthMbps", "300").param("p.effectiveDate", "")
			.param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"p-bandwidthMbps-error\""),
					containsString("id=\"p-effectiveDate-error\""))));
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isZero();
	}

	@Test
	@DisplayName("R-7.7 a double click on submit creates one order; the history lists it, as a page, an htmx fragment and CSV")
	void doubleClickAndHistory() throws Exception {
		var holder = fixtures.holder("pages-b", "COMPANY");
		Authentication orderer = holder.orderer();
		String key = UUID.randomUUID().toString();
		for (int click = 0; click < 2; click++) {
			mvc.perform(post("/app/orders").with(csrf()).with(authentication(orderer))
				.param("instanceId", holder.circuit()).param("type", "change-bandwidth")
				.param("p.bandwidthMbps", "200").param("p.effectiveDate", "2026-12-10").param("idempotencyKey", key))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/app/orders/*"));
		}
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isEqualTo(1);

		mvc.perform(get("/app/orders").with(authentication(orderer))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("change-bandwidth"))));
		mvc.perform(get("/app/orders").param("state", "completed").header("HX-Request", "true")
			.with(authentication(orderer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), not(containsString("change-bandwidth")))));
		mvc.perform(get("/app/orders.csv").with(authentication(orderer))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id,orderDate,state"),
					containsString(",acknowledged,arcstar-universal-one,change-bandwidth," + holder.circuit()))));

		var other = fixtures.holder("pages-c", "COMPANY");
		mvc.perform(get("/app/orders.csv").with(authentication(other.orderer())))
			.andExpect(content().string(not(containsString(holder.circuit()))));
	}

	@Test
	@DisplayName("R-7.7 an administrator makes bandwidth changes wait for approval on the policy page; an orderer cannot")
	void approvalPolicyPage() throws Exception {
		var holder = fixtures.holder("pages-e", "COMPANY");
		mvc.perform(get("/app/orders/approval-policy").with(authentication(holder.administrator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"arcstar-universal-one:change-bandwidth\"")));
		mvc.perform(get("/app/orders/approval-policy").with(authentication(holder.orderer())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/app/orders/approval-policy").with(csrf()).with(authentication(holder.administrator()))
			.param("orderTypes", "arcstar-universal-one:change-bandwidth")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/app/orders").with(csrf()).with(authentication(holder.orderer()))
			.param("instanceId", holder.circuit()).param("type", "change-bandwidth").param("p.bandwidthMbps", "200")
			.param("p.effectiveDate", "2026-12-10").param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ? AND state = ?",
				holder.customer().id(), "pendingApproval")).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.7 Company staff see the order in their queue and complete it from the console; an affiliate's staff do not see it")
	void consoleQueue() throws Exception {
		var holder = fixtures.holder("pages-d", "COMPANY");
		mvc.perform(post("/app/orders").with(csrf()).with(authentication(holder.orderer()))
			.param("instanceId", holder.circuit()).param("type", "change-bandwidth").param("p.bandwidthMbps", "500")
			.param("p.effectiveDate", "2026-12-10").param("idempotencyKey", UUID.randomUUID().toString()))
			.andExpect(status().is3xxRedirection());
		String id = fixtures.asSystem(() -> jdbc.sql("SELECT id FROM orders.service_orders WHERE customer_id = ?")
			.param(holder.customer().id()).query(UUID.class).single()).toString();
		Authentication staff = TestPrincipals.staff("ST-PG-1", "SERVICE_MANAGER");
		mvc.perform(get("/console/orders").with(authentication(staff))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/console/orders/" + id)));
		mvc.perform(post("/console/orders/{id}/moves", id).with(csrf()).with(authentication(staff))
			.param("move", "inProgress")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/console/orders/{id}/moves", id).with(csrf()).with(authentication(staff))
			.param("move", "completed")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/app/services/instances/{id}", holder.circuit()).with(authentication(holder.orderer())))
			.andExpect(content().string(containsString(">500<")));
		mvc.perform(get("/console/orders/{id}", id).with(authentication(
				OrderFixtures.affiliateStaff("ST-PG-2", "NTT-SINGAPORE", "DESK"))))
			.andExpect(status().isNotFound());
	}
}
