package portal.orders;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-12.3 An ordering suspension refuses new orders and changes to them, never the sight of past ones")
class OrderingSuspensionIntegrationTests {

	private static final Authentication SERVICE_MANAGER = TestPrincipals.staff("ST-SUSP-1", "SERVICE_MANAGER");

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
	AgreementLifecycle lifecycle;

	@Autowired
	MutableClock clock;

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(mvc, customers, keys, tenancy, jdbc);
	}

	@Test
	@DisplayName("R-12.3 with ordering suspended, the API, the page form and the TMF641 facade refuse a new order with the reason and the end; the list, one order, the CSV and the TMF641 reads still answer")
	void suspendedOrderingKeepsTheHistoryVisible() throws Exception {
		var holder = fixtures.holder("susp", "COMPANY");
		tenancy.run(Actor.job("orders-test"), TenantScope.system(), () -> lifecycle.conclude(holder.customer().id(),
				null));
		String earlier = JsonPath.read(mvc.perform(post("/api/v1/orders").with(csrf())
			.with(authentication(holder.orderer())).contentType(MediaType.APPLICATION_JSON)
			.content(OrderFixtures.bandwidthChange(holder.circuit(), "200")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get("/app/orders/{id}", earlier).with(authentication(holder.orderer())))
			.andExpect(content().string(containsString("id=\"cancel-note\"")))
			.andExpect(content().string(not(containsString("id=\"ordering-paused\""))));
		// Whole seconds: the database keeps microseconds, the clock may have more.
		String until = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(2)).toString();
		mvc.perform(post("/api/v1/console/suspensions").with(authentication(SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "feature", "feature": "ordering", "reason": "art-11.1-4",
					 "kind": "emergency", "end": "%s"}""".formatted(holder.customer().code(), until)))
			.andExpect(status().isCreated());
		long before = fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id());

		mvc.perform(post("/api/v1/orders").with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(OrderFixtures.bandwidthChange(holder.circuit(), "500")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("/problems/service-suspended"))
			.andExpect(jsonPath("$.scope").value("feature:ordering"))
			.andExpect(jsonPath("$.reason").value("art-11.1-4"))
			.andExpect(jsonPath("$.until").value(until));
		mvc.perform(post("/app/orders").with(csrf()).with(authentication(holder.orderer()))
			.param("instanceId", holder.circuit()).param("type", "change-bandwidth").param("idempotencyKey", "page-1")
			.param("p.bandwidthMbps", "500").param("p.effectiveDate", "2026-12-10"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("id=\"suspended\"")))
			.andExpect(content().string(containsString("Force majeure")));
		mvc.perform(post("/tmf-api/serviceOrdering/v4/serviceOrder").with(csrf())
			.with(authentication(holder.orderer())).contentType(MediaType.APPLICATION_JSON).content("""
					{"serviceOrderItem": [{"id": "1", "action": "modify", "service": {"id": "%s",
					 "serviceType": "change-bandwidth", "serviceCharacteristic": [
					 {"name": "bandwidthMbps", "value": "500"}, {"name": "effectiveDate", "value": "2026-12-10"}]}}]}"""
				.formatted(holder.circuit())))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("service-suspended"))
			.andExpect(jsonPath("$.@type").value("Error"))
			.andExpect(jsonPath("$.until").value(until));
		mvc.perform(post("/api/v1/orders/{id}/cancel", earlier).with(csrf()).with(authentication(holder.orderer())))
			.andExpect(status().isServiceUnavailable());
		mvc.perform(patch("/tmf-api/serviceOrdering/v4/serviceOrder/{id}", earlier).with(csrf())
			.with(authentication(holder.orderer())).contentType("application/merge-patch+json")
			.content("{\"description\": \"Changed while suspended\"}"))
			.andExpect(status().isServiceUnavailable());
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).as("nothing written while suspended").isEqualTo(before);

		mvc.perform(get("/api/v1/orders").with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/orders/{id}", earlier).with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("acknowledged"));
		mvc.perform(get("/app/orders").with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(content().string(containsString(earlier)));
		// The order's page says why it cannot be acted on, instead of offering forms that would be refused.
		mvc.perform(get("/app/orders/{id}", earlier).with(authentication(holder.orderer())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ordering-paused\"")))
			.andExpect(content().string(not(containsString("id=\"cancel-note\""))));
		mvc.perform(get("/app/orders.csv").with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(content().string(containsString(earlier)));
		mvc.perform(get("/tmf-api/serviceOrdering/v4/serviceOrder").with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "1"));
		mvc.perform(get("/tmf-api/serviceOrdering/v4/serviceOrder/{id}", earlier)
			.with(authentication(holder.orderer()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(earlier));
	}
}
