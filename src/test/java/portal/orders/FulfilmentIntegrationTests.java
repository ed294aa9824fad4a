package portal.orders;

import com.jayway.jsonpath.JsonPath;
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
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.7 Fulfilment by the contracting company changes the instance only as the order type says, in the order's transaction")
class FulfilmentIntegrationTests {

	private static final Authentication COMPANY_STAFF = TestPrincipals.staff("ST-FUL-9", "SERVICE_MANAGER");

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
	@DisplayName("R-7.7 completing an add-site order leaves the existing circuit's attributes as they were; a bandwidth change then changes the bandwidth only")
	void addSiteLeavesTheCircuitAlone() throws Exception {
		var holder = fixtures.holder("site", "COMPANY");
		String addSite = id(submit(holder.orderer(), """
				{"items": [{"orderType": "add-site", "instanceId": "%s", "parameters": {"siteName": "Osaka branch",
				 "country": "SG", "siteAddress": "1 Raffles Place", "accessType": "broadband", "bandwidthMbps": 50,
				 "desiredDate": "2027-01-15"}}]}""".formatted(holder.circuit()))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.items[0].action").value("noChange")));
		complete(COMPANY_STAFF, addSite);
		circuit(holder).andExpect(jsonPath("$.attributes.siteName").value("Head office"))
			.andExpect(jsonPath("$.attributes.country").value("JP"))
			.andExpect(jsonPath("$.attributes.accessType").value("ethernet"))
			.andExpect(jsonPath("$.attributes.bandwidthMbps").value(100));
		assertThat(instanceChanges(holder)).as("no instance change to audit").isZero();

		String bandwidth = id(submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "500")));
		complete(COMPANY_STAFF, bandwidth);
		circuit(holder).andExpect(jsonPath("$.attributes.bandwidthMbps").value(500))
			.andExpect(jsonPath("$.attributes.siteName").value("Head office"))
			.andExpect(jsonPath("$.attributes.country").value("JP"))
			.andExpect(jsonPath("$.attributes.accessType").value("ethernet"))
			.andExpect(jsonPath("$.attributes.circuitId").value("CID-1001"));
		assertThat(instanceChanges(holder)).as("the completion's instance change is audited").isEqualTo(1);
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action ="
				+ " 'service-instance.changed' AND details->>'changes' = 'attributes' AND actor = 'ST-FUL-9'",
				holder.circuit())).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.7 when the instance cannot take the change, the completion is refused and the order stays in progress, with no completed step written")
	void failedInstanceChangeRollsBackTheOrder() throws Exception {
		var holder = fixtures.holder("roll", "COMPANY");
		String id = id(submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200")));
		move(COMPANY_STAFF, id, "inProgress", "").andExpect(status().isOk());
		// The relevant-service system ends the circuit while the order is being worked on.
		mvc.perform(put("/api/v1/system/service-instances/{id}", holder.circuit())
			.header("Authorization", "Bearer " + holder.key()).contentType(MediaType.APPLICATION_JSON).content("""
					{"contractNo": "%s", "kind": "circuit", "label": "Head office", "state": "terminated",
					 "attributes": {"circuitId": "CID-1001", "siteName": "Head office", "country": "JP",
					 "accessType": "ethernet", "bandwidthMbps": 100}}""".formatted(holder.contractNo())))
			.andExpect(status().is2xxSuccessful());

		move(COMPANY_STAFF, id, "completed", "").andExpect(status().isConflict());
		mvc.perform(get("/api/v1/orders/{id}", id).with(authentication(holder.orderer())))
			.andExpect(jsonPath("$.state").value("inProgress"))
			.andExpect(jsonPath("$.completionDate").doesNotExist())
			.andExpect(jsonPath("$.timeline[*].state", contains("acknowledged", "inProgress")));
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action ="
				+ " 'order.completed'", id)).isZero();
		assertThat(fixtures.count("SELECT count(*) FROM orders.order_events WHERE order_id = CAST(? AS uuid)", id))
			.isEqualTo(2);
	}

	@Test
	@DisplayName("R-7.7 an affiliate's staff see their own company's queue and move its orders on, but not the Company's orders")
	void affiliateStaffSeeTheirQueue() throws Exception {
		var affiliate = fixtures.holder("aff", "NTT-SINGAPORE");
		var company = fixtures.holder("own", "COMPANY");
		String affiliateOrder = id(submit(affiliate.orderer(), OrderFixtures.bandwidthChange(affiliate.circuit(),
				"200")));
		String companyOrder = id(submit(company.orderer(), OrderFixtures.bandwidthChange(company.circuit(), "200")));
		Authentication staff = OrderFixtures.affiliateStaff("ST-SG-" + fixtures.run, "NTT-SINGAPORE",
				"SERVICE_MANAGER");

		mvc.perform(get("/api/v1/console/orders").param("size", "200").with(authentication(staff)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(affiliateOrder)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(companyOrder))))
			.andExpect(jsonPath("$.items[*].contractingCompany", not(hasItem("COMPANY"))));
		mvc.perform(get("/api/v1/console/orders/{id}", affiliateOrder).with(authentication(staff)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/console/orders/{id}", companyOrder).with(authentication(staff)))
			.andExpect(status().isNotFound());
		complete(staff, affiliateOrder);
		circuit(affiliate).andExpect(jsonPath("$.attributes.bandwidthMbps").value(200));
		move(staff, companyOrder, "inProgress", "").andExpect(status().isNotFound());
	}

	@Test
	@DisplayName("R-7.7 an approval policy naming a relevant service holds every order type on it for approval, and no other service's")
	void approvalByRelevantService() throws Exception {
		var holder = fixtures.holder("apprsvc", "COMPANY");
		policy(holder, "{\"allOrders\": false, \"relevantServices\": [\"arcstar-ip-voice\"]}");
		submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"))
			.andExpect(jsonPath("$.state").value("acknowledged"));

		policy(holder, "{\"allOrders\": false, \"relevantServices\": [\"arcstar-universal-one\"]}");
		String held = id(submit(holder.orderer(), """
				{"items": [{"orderType": "report-fault", "instanceId": "%s", "parameters": {"symptom": "down",
				 "occurredOn": "2026-11-29", "details": "No link since the morning"}}]}""".formatted(holder.circuit()))
			.andExpect(jsonPath("$.state").value("pendingApproval")));
		mvc.perform(post("/api/v1/orders/{id}/approval", held).with(csrf()).with(authentication(holder.administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"approve\", \"note\": \"Go ahead\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("inProgress"));
	}

	private void policy(OrderFixtures.Holder holder, String body) throws Exception {
		mvc.perform(put("/api/v1/orders/approval-policy").with(csrf()).with(authentication(holder.administrator()))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	private long instanceChanges(OrderFixtures.Holder holder) {
		return fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action = "
				+ "'service-instance.changed'", holder.circuit());
	}

	private ResultActions circuit(OrderFixtures.Holder holder) throws Exception {
		return mvc.perform(get("/api/v1/service-instances/{id}", holder.circuit())
			.with(authentication(holder.orderer()))).andExpect(status().isOk());
	}

	private void complete(Authentication staff, String id) throws Exception {
		move(staff, id, "inProgress", "").andExpect(status().isOk());
		move(staff, id, "completed", "").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("completed"));
	}

	private ResultActions submit(Authentication user, String body) throws Exception {
		return mvc.perform(post("/api/v1/orders").with(csrf()).with(authentication(user))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions move(Authentication staff, String id, String state, String note) throws Exception {
		return mvc.perform(post("/api/v1/console/orders/{id}/moves", id).with(csrf()).with(authentication(staff))
			.contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"%s\", \"note\": \"%s\"}".formatted(state,
					note)));
	}

	private static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}
}
