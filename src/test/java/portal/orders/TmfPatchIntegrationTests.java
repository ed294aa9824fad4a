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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.7 A TMF641 merge patch changes what a customer may change before the order has started")
class TmfPatchIntegrationTests {

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
	@DisplayName("R-7.7 description, externalId, notificationContact, requestedStartDate and requestedCompletionDate each change and are read back; null clears; notes are added; each change is audited")
	void patchesEachField() throws Exception {
		var holder = fixtures.holder("tmf-p", "COMPANY");
		String id = create(holder);
		amend(holder.orderer(), id, "{\"description\": \"Upgrade for the new call centre\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("Upgrade for the new call centre"));
		amend(holder.orderer(), id, "{\"externalId\": \"PO-2027-0042\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value("PO-2027-0042"));
		amend(holder.orderer(), id, "{\"notificationContact\": \"network-team@example.com\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.notificationContact").value("network-team@example.com"));
		amend(holder.orderer(), id, "{\"requestedStartDate\": \"2030-01-10T09:00:00+09:00\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.requestedStartDate").value("2030-01-10T00:00:00Z"));
		amend(holder.orderer(), id, "{\"requestedCompletionDate\": \"2030-01-20T00:00:00Z\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.requestedCompletionDate").value("2030-01-20T00:00:00Z"));
		amend(holder.orderer(), id, "{\"note\": [{\"text\": \"Access through the loading bay\"}]}")
			.andExpect(status().isOk());
		amend(holder.administrator(), id, "{\"note\": [{\"text\": \"Budget confirmed\"}]}").andExpect(status().isOk());

		mvc.perform(get(BASE + "/{id}", id).with(authentication(holder.orderer()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("Upgrade for the new call centre"))
			.andExpect(jsonPath("$.externalId").value("PO-2027-0042"))
			.andExpect(jsonPath("$.notificationContact").value("network-team@example.com"))
			.andExpect(jsonPath("$.requestedStartDate").value("2030-01-10T00:00:00Z"))
			.andExpect(jsonPath("$.requestedCompletionDate").value("2030-01-20T00:00:00Z"))
			.andExpect(jsonPath("$.note[*].text", contains("Access through the loading bay", "Budget confirmed")))
			.andExpect(jsonPath("$.note[1].author").value("CP-ADM-" + holder.customer().code()))
			.andExpect(jsonPath("$.state").value("acknowledged"));

		// The portal's own API and the order's page show the same particulars.
		mvc.perform(get("/api/v1/orders/{id}", id).with(authentication(holder.orderer()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value("PO-2027-0042"))
			.andExpect(jsonPath("$.notificationContact").value("network-team@example.com"))
			.andExpect(jsonPath("$.requestedStartDate").value("2030-01-10T00:00:00Z"))
			.andExpect(jsonPath("$.requestedCompletionDate").value("2030-01-20T00:00:00Z"))
			.andExpect(jsonPath("$.notes[*].text", contains("Access through the loading bay", "Budget confirmed")));
		mvc.perform(get("/app/orders/{id}", id).with(authentication(holder.orderer()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"order-particulars\"")))
			.andExpect(content().string(containsString("PO-2027-0042")))
			.andExpect(content().string(containsString("network-team@example.com")))
			.andExpect(content().string(containsString("Access through the loading bay")));

		amend(holder.orderer(), id, "{\"externalId\": null}").andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").doesNotExist());
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action = 'order.amended'",
				id)).isEqualTo(8);
		assertThat(fixtures.count("SELECT count(*) FROM orders.order_events WHERE order_id = CAST(? AS uuid)", id))
			.as("amendments are not steps of the lifecycle").isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.7 a field a customer may not change, a bad value, or a patch mixing cancellation with changes is refused (400) naming the field; nothing is written")
	void refusesFieldsAndValues() throws Exception {
		var holder = fixtures.holder("tmf-q", "COMPANY");
		String id = create(holder);
		refused(holder, id, "{\"priority\": \"1\"}", 400, "priority");
		refused(holder, id, "{\"expectedCompletionDate\": \"2030-01-01T00:00:00Z\"}", 400, "expectedCompletionDate");
		refused(holder, id, "{\"serviceOrderItem\": []}", 400, "serviceOrderItem");
		refused(holder, id, "{\"requestedStartDate\": \"next week\"}", 400, "requestedStartDate");
		refused(holder, id, "{\"requestedStartDate\": \"2030-02-01T00:00:00Z\", \"requestedCompletionDate\": "
				+ "\"2030-01-01T00:00:00Z\"}", 400, "requestedCompletionDate");
		refused(holder, id, "{\"requestedStartDate\": \"2001-01-01T00:00:00Z\"}", 400, "requestedStartDate");
		refused(holder, id, "{\"externalId\": \"" + "x".repeat(101) + "\"}", 400, "externalId");
		refused(holder, id, "{\"note\": [{\"author\": \"me\"}]}", 400, "note[0].text");
		refused(holder, id, "{\"state\": \"cancelled\", \"description\": \"and change this\"}", 400, "description");
		refused(holder, id, "{\"description\": ", 400, "body");
		mvc.perform(get(BASE + "/{id}", id).with(authentication(holder.orderer())))
			.andExpect(jsonPath("$.description").value("TMF order"))
			.andExpect(jsonPath("$.requestedStartDate").doesNotExist())
			.andExpect(jsonPath("$.state").value("acknowledged"));
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action = 'order.amended'",
				id)).isZero();
		mvc.perform(patch(BASE + "/{id}", id).with(csrf()).with(authentication(TestPrincipals.customerUser(
				"CP-VIEW-" + holder.customer().code(), holder.customer().id(), "VIEWER")))
			.contentType(MERGE_PATCH).content("{\"description\": \"viewer\"}")).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.7 once the contracting company has started the order, or it has ended, every change is refused (409); cancellation by state still works while it runs")
	void refusesOnceStarted() throws Exception {
		var holder = fixtures.holder("tmf-r", "COMPANY");
		String id = create(holder);
		Authentication staff = TestPrincipals.staff("ST-TMF-1", "SERVICE_MANAGER");
		move(staff, id, "inProgress");
		refused(holder, id, "{\"description\": \"too late\"}", 409, "state");
		refused(holder, id, "{\"note\": [{\"text\": \"too late\"}]}", 409, "state");
		amend(holder.orderer(), id, "{\"state\": \"cancelled\", \"cancellationReason\": \"Project stopped\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("assessingCancellation"));

		String done = create(holder);
		move(staff, done, "inProgress");
		move(staff, done, "completed");
		refused(holder, done, "{\"externalId\": \"PO-late\"}", 409, "state");
	}

	@Test
	@DisplayName("R-7.7 the OpenAPI document shows the merge patch's body with the fields a customer may change")
	void documentsThePatchBody() throws Exception {
		mvc.perform(get("/v3/api-docs").with(authentication(TestPrincipals.staff("ST0000001", "STAFF_ADMIN"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/tmf-api/serviceOrdering/v4/serviceOrder/{id}'].patch.requestBody.content"
					+ "['application/merge-patch+json'].schema['$ref']").value("#/components/schemas/ServiceOrder_Update"))
			.andExpect(jsonPath("$.paths['/tmf-api/serviceOrdering/v4/serviceOrder/{id}'].patch.responses['409']")
				.exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.description").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.externalId").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.notificationContact").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.requestedStartDate").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.requestedCompletionDate").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.note").exists())
			.andExpect(jsonPath("$.components.schemas.ServiceOrder_Update.properties.priority").doesNotExist());
	}

	private String create(OrderFixtures.Holder holder) throws Exception {
		return JsonPath.read(mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"description": "TMF order", "serviceOrderItem": [{"id": "1", "action": "modify",
					 "service": {"id": "%s", "serviceType": "change-bandwidth", "serviceCharacteristic": [
					  {"name": "bandwidthMbps", "value": "500"}, {"name": "effectiveDate", "value": "2026-12-10"}]}}]}"""
				.formatted(holder.circuit())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	private ResultActions amend(Authentication user, String id, String body) throws Exception {
		return mvc.perform(patch(BASE + "/{id}", id)
			.with(csrf()).with(authentication(user)).contentType(MERGE_PATCH).content(body));
	}

	private void refused(OrderFixtures.Holder holder, String id, String body, int status, String field)
			throws Exception {
		amend(holder.orderer(), id, body).andExpect(status().is(status))
			.andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.status").value(String.valueOf(status)))
			.andExpect(jsonPath("$.reason").value(field));
	}

	private void move(Authentication staff, String id, String state) throws Exception {
		mvc.perform(post("/api/v1/console/orders/{id}/moves", id).with(csrf()).with(authentication(staff))
			.contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"%s\", \"note\": \"\"}".formatted(state)))
			.andExpect(status().isOk());
	}
}
