package portal.customers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each refused report is answered with a problem detail naming what is wrong, and leaves
 * contracts, instances and the audit trail exactly as they were.
 */
@PortalIntegrationTest
@DisplayName("R-7.6 Reports the inventory refuses")
class FeedValidationIntegrationTests {

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

	String key;

	String contractNo;

	long rowsBefore;

	@BeforeEach
	void anActiveContractWithAnActiveCircuit() throws Exception {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		key = fixtures.key("COMPANY");
		contractNo = fixtures.unique("valid");
		fixtures.putContract(key, contractNo, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				"Valid Ltd", "")).andExpect(status().isCreated());
		fixtures.putInstance(key, fixtures.unique("valid-c1"), CustomerFixtures.circuit(contractNo, "Live", "active"))
			.andExpect(status().isCreated());
		rowsBefore = rows();
	}

	@AfterEach
	void nothingWasWritten() {
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	@DisplayName("R-4.2 an unknown relevant service is refused, naming relevantService")
	void unknownRelevantService() throws Exception {
		refused(fixtures.putContract(key, fixtures.unique("x"), CustomerFixtures.activeContract("carrier-pigeon",
				"COMPANY", "Valid Ltd", "")), 400, "relevantService");
	}

	@Test
	@DisplayName("R-7.6 a customer code of no Portal Customer is refused, naming customerCode")
	void unknownCustomerCode() throws Exception {
		refused(fixtures.putContract(key, fixtures.unique("x"), CustomerFixtures.activeContract("arcstar-universal-one",
				"COMPANY", "Valid Ltd", "C-9999999")), 400, "customerCode");
	}

	@Test
	@DisplayName("R-4.2 an instance kind other than the descriptor's is refused, naming kind")
	void wrongInstanceKind() throws Exception {
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, "Wrong", "active")
			.replace("\"kind\": \"circuit\"", "\"kind\": \"sim-line\"")), 400, "kind");
	}

	@Test
	@DisplayName("R-4.2 an attribute value the descriptor refuses is refused, naming the attribute")
	void attributeOutOfRange() throws Exception {
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, "Too fast", "active")
			.replace("\"bandwidthMbps\": 100", "\"bandwidthMbps\": 999999")), 400, "attributes.bandwidthMbps");
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, "Bad id", "active")
			.replace("CID-1001", "lower-case")), 400, "attributes.circuitId");
	}

	@Test
	@DisplayName("R-4.2 a missing required attribute and an attribute the descriptor does not define are refused")
	void missingOrUnknownAttribute() throws Exception {
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.instance(contractNo, "circuit", "Short",
				"{\"circuitId\": \"CID-2\"}", "active")), 400, "attributes.siteName");
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, "Extra", "active")
			.replace("\"country\": \"JP\"", "\"country\": \"JP\", \"colour\": \"blue\"")), 400, "attributes.colour");
	}

	@Test
	@DisplayName("R-7.6 an unknown state and a missing field are refused, naming the field")
	void badStateOrMissingField() throws Exception {
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, "Odd", "sleeping")),
				400, "state");
		fixtures.putContract(key, fixtures.unique("x"), """
				{"relevantService": "arcstar-universal-one", "contractingCompany": "COMPANY", "state": "active",
				 "startDate": "2024-01-01"}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.fields.customerOfRecord").exists());
	}

	@Test
	@DisplayName("R-7.6 an end date before the start and an ended contract without an end date are refused")
	void inconsistentDates() throws Exception {
		refused(fixtures.putContract(key, fixtures.unique("x"), CustomerFixtures.contract("arcstar-universal-one",
				"COMPANY", "Valid Ltd", "", "active", "2020-01-01")), 400, "endDate");
		refused(fixtures.putContract(key, fixtures.unique("x"), CustomerFixtures.contract("arcstar-universal-one",
				"COMPANY", "Valid Ltd", "", "ended", "")), 400, "endDate");
	}

	@Test
	@DisplayName("R-9.3 a contract that still has active instances cannot end")
	void endingWithLiveInstances() throws Exception {
		refused(fixtures.putContract(key, contractNo, CustomerFixtures.contract("arcstar-universal-one", "COMPANY",
				"Valid Ltd", "", "ended", "2025-03-31")), 409, "state");
		assertThat(fixtures.count("SELECT count(*) FROM customers.contracts WHERE contract_no = ? AND state = 'active'",
				contractNo)).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.6 an ended contract takes no new instances")
	void instanceOnEndedContract() throws Exception {
		String ended = fixtures.unique("ended");
		fixtures.putContract(key, ended, CustomerFixtures.contract("arcstar-universal-one", "COMPANY", "Valid Ltd", "",
				"ended", "2025-03-31")).andExpect(status().isCreated());
		rowsBefore = rows();
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(ended, "Late", "active")), 409,
				"contractNo");
	}

	@Test
	@DisplayName("R-7.6 an instance of a contract the portal does not know is refused, naming contractNo")
	void unknownContract() throws Exception {
		refused(fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(fixtures.unique("nowhere"),
				"Orphan", "active")), 400, "contractNo");
	}

	@Test
	@DisplayName("R-20.2 malformed JSON is answered with a 400 problem detail")
	void malformedJson() throws Exception {
		fixtures.putContract(key, fixtures.unique("x"), "{\"relevantService\": \"arcstar-universal-one\",")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("/problems/malformed-body"));
	}

	@Test
	@DisplayName("R-20.2 a body that is not JSON is answered with a 415 problem detail")
	void wrongContentType() throws Exception {
		mvc.perform(put("/api/v1/system/contracts/{no}", fixtures.unique("x")).header("Authorization", "Bearer " + key)
			.contentType(MediaType.TEXT_PLAIN).content("relevantService=arcstar-universal-one"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	@DisplayName("R-20.2 an oversized body is answered with a 413 problem detail before it is read")
	void oversizedBody() throws Exception {
		String label = "x".repeat(1_100_000);
		fixtures.putInstance(key, fixtures.unique("x"), CustomerFixtures.circuit(contractNo, label, "active"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static void refused(ResultActions result, int status, String field) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail", startsWith(field + ":")));
	}

	/** This test's rows only: other tests share the database. */
	private long rows() {
		String mine = "T-" + fixtures.run + "-%";
		return fixtures.count("SELECT (SELECT count(*) FROM customers.contracts WHERE contract_no LIKE ?) "
				+ "+ (SELECT count(*) FROM customers.service_instances WHERE id LIKE ?) "
				+ "+ (SELECT count(*) FROM audit.entries WHERE target_id LIKE ?)", mine, mine, mine);
	}
}
