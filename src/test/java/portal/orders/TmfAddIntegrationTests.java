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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.7 The TMF641 facade adds service instances like /api/v1/orders, and answers its edges in TMF's shape")
class TmfAddIntegrationTests {

	static final String BASE = TmfServiceOrderIntegrationTests.BASE;

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

	static String add(String bandwidth) {
		return """
				{"description": "A new site", "serviceOrderItem": [{"id": "1", "action": "add",
				 "service": {"serviceSpecification": {"id": "arcstar-universal-one"}, "serviceCharacteristic": [
				  {"name": "circuitId", "value": "CID-2002"}, {"name": "siteName", "value": "Osaka branch"},
				  {"name": "country", "value": "JP"}, {"name": "accessType", "value": "ethernet"},
				  {"name": "bandwidthMbps", "value": %s}]}}]}""".formatted(bandwidth);
	}

	@Test
	@DisplayName("R-7.7 an add through TMF641 goes under the customer's contract of the service and shows in both APIs")
	void addIsAcceptedAndVisibleInBothApis() throws Exception {
		var holder = fixtures.holder("tmf-add", "COMPANY");
		String id = JsonPath.read(mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(add("200")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.serviceOrderItem[0].action").value("add"))
			.andExpect(jsonPath("$.serviceOrderItem[0].service.serviceSpecification.id").value("arcstar-universal-one"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get(BASE + "/{id}", id).with(authentication(holder.orderer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serviceOrderItem[0].service.serviceCharacteristic[*].name", hasItem("siteName")));
		mvc.perform(get("/api/v1/orders/{id}", id).with(authentication(holder.orderer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].orderType").value("add"))
			.andExpect(jsonPath("$.items[0].contractNo").value(holder.contractNo()));
		mvc.perform(get("/api/v1/orders").with(authentication(holder.orderer())))
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
	}

	@Test
	@DisplayName("R-7.7 an add with a characteristic outside the descriptor's range is refused in TMF's shape naming it; "
			+ "nothing written")
	void badCharacteristicIsRefusedNamingIt() throws Exception {
		var holder = fixtures.holder("tmf-bad", "COMPANY");
		mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(add("0")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.status").value("400"))
			.andExpect(jsonPath("$.reason", containsString("bandwidthMbps")));
		mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(add("200").replace("arcstar-universal-one", "nexcenter")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.reason").value("serviceOrderItem[0].service.serviceSpecification.id"));
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isZero();
	}

	@Test
	@DisplayName("R-20.2 a body over the limit to /tmf-api is refused with 413 before it is read, in TMF's shape")
	void oversizeBodyIsRefused() throws Exception {
		var holder = fixtures.holder("tmf-big", "COMPANY");
		byte[] body = new byte[1_048_577];
		java.util.Arrays.fill(body, (byte) ' ');
		mvc.perform(post(BASE).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.code").value("payload-too-large"));
	}

	@Test
	@DisplayName("an unknown address under /tmf-api answers 404 in JSON, not an HTML page")
	void unknownPathIsJson() throws Exception {
		var holder = fixtures.holder("tmf-404", "COMPANY");
		mvc.perform(get("/tmf-api/serviceOrdering/v4/nothingHere").accept(MediaType.TEXT_HTML, MediaType.ALL)
			.with(authentication(holder.orderer())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$['@type']").value("Error"))
			.andExpect(jsonPath("$.status").value("404"));
	}
}
