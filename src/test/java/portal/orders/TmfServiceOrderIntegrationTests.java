package portal.orders;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
class TmfServiceOrderIntegrationTests {

	static final String BASE = "/tmf-api/serviceOrdering/v4/serviceOrder";

	static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

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
	@DisplayName("R-7.7 a TMF641 order is created, listed with X-Total-Count and X-Result-Count, read, and cancelled by merge patch")
	void lifecycleThroughTheFacade() throws Exception {
		var holder = fixtures.holder("tmf-a", "COMPANY");
		String body = """
				{"description": "TMF order", "serviceOrderItem": [{"id": "1", "action": "modify",
				 "service": {"id": "%s", "serviceType": "change-bandwidth", "serviceCharacteristic": [
				  {"name": "bandwidthMbps", "value": "500"}, {"name": "effectiveDate", "value": "2026-12-10"}]}}]}"""
			.formatted(holder.circuit());
		String id = JsonPath.read(mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$['@type']").value("ServiceOrder"))
			.andExpect(jsonPath("$.state").value("acknowledged"))
			.andExpect(jsonPath("$.serviceOrderItem[0].action").value("modify"))
			.andExpect(jsonPath("$.serviceOrderItem[0].service.id").value(holder.circuit()))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());

		mvc.perform(get(BASE).param("offset", "0").param("limit", "1").with(authentication(holder.orderer())))
			.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "2"))
			.andExpect(header().string("X-Result-Count", "1"));
		mvc.perform(get(BASE).param("limit", "500").with(authentication(holder.orderer())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.reason").value("limit"));
		mvc.perform(get(BASE + "/{id}", id).with(authentication(holder.orderer()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.href").value(BASE + "/" + id));

		mvc.perform(patch(BASE + "/{id}", id).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MERGE_PATCH).content("{\"priority\": \"1\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("priority"))
			.andExpect(jsonPath("$.status").value("400")).andExpect(jsonPath("$.code").exists());
		mvc.perform(patch(BASE + "/{id}", id).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MERGE_PATCH).content("{\"state\": "))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$['@type']").value("Error"));
		mvc.perform(patch(BASE + "/{id}", id).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MERGE_PATCH).content("{\"state\": \"cancelled\", \"cancellationReason\": \"Changed plans\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("assessingCancellation"))
			.andExpect(jsonPath("$.note[*].text", hasItem("Changed plans")));
	}

	@Test
	@DisplayName("R-7.7 R-7.5 bad values, other customers' orders and missing credentials are refused in TMF's error shape")
	void refusals() throws Exception {
		var holder = fixtures.holder("tmf-b", "COMPANY");
		var other = fixtures.holder("tmf-c", "COMPANY");
		mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"serviceOrderItem": [{"action": "modify", "service": {"id": "%s", "serviceType": "change-bandwidth",
					 "serviceCharacteristic": [{"name": "bandwidthMbps", "value": "7"}]}}]}""".formatted(holder.circuit())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.code").value("invalid-fields"));
		mvc.perform(post(BASE).with(csrf()).with(authentication(other.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"serviceOrderItem": [{"action": "delete", "service": {"id": "%s"}}]}""".formatted(holder.circuit())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("items[0].instanceId"));
		mvc.perform(get(BASE)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$['@type']").value("Error")).andExpect(jsonPath("$.code").value("unauthorized"))
			.andExpect(jsonPath("$.status").value("401"));
		mvc.perform(get(BASE).with(authentication(portal.platform.TestPrincipals.staff("ST0000001", "STAFF_DESK"))))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
	}

	@Test
	@DisplayName("R-7.7 the orders API and the TMF641 facade are in the OpenAPI document")
	void documented() throws Exception {
		mvc.perform(get("/v3/api-docs").with(authentication(portal.platform.TestPrincipals.staff("ST0000001", "STAFF_ADMIN")))).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/tmf-api/serviceOrdering/v4/serviceOrder/{id}'].patch").exists())
			.andExpect(jsonPath("$.paths['/api/v1/orders'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/orders/{id}/approval'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/orders/{id}/moves'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/system/orders/{id}'].patch").exists());
	}
}
