package portal.customers;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.6 Relevant-service systems report contracts and service instances")
class SystemFeedIntegrationTests {

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

	String companyKey;

	@BeforeEach
	void keyOfTheCompany() {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		companyKey = fixtures.key("COMPANY");
	}

	@Test
	@DisplayName("R-7.6 a new contract answers 201, and the same report again answers 200 with the same body")
	void reportingAContractTwiceAnswersTheSameBody() throws Exception {
		CustomerSummary customer = fixtures.customer("Idempotent Works", "JP");
		String no = fixtures.unique("uno");
		String body = CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY", customer.legalName(),
				customer.code());
		MvcResult first = fixtures.putContract(companyKey, no, body)
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/contracts/" + no))
			.andExpect(jsonPath("$.customerCode").value(customer.code()))
			.andExpect(jsonPath("$.endDate").doesNotExist())
			.andReturn();
		fixtures.putContract(companyKey, no, body)
			.andExpect(status().isOk())
			.andExpect(content().json(first.getResponse().getContentAsString(), true));
	}

	@Test
	@DisplayName("R-AUD the same report twice changes nothing the second time and is audited once")
	void repeatedReportsAreAuditedOnce() throws Exception {
		String no = fixtures.unique("once");
		String contract = CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY", "Once Ltd", "");
		fixtures.putContract(companyKey, no, contract).andExpect(status().isCreated());
		String instanceId = fixtures.unique("once-c1");
		String circuit = CustomerFixtures.circuit(no, "Once circuit", "active");
		fixtures.putInstance(companyKey, instanceId, circuit).andExpect(status().isCreated());
		OffsetDateTime changedAt = updatedAt(instanceId);

		fixtures.putContract(companyKey, no, contract).andExpect(status().isOk());
		// Numbers spelt differently are the same values.
		fixtures.putInstance(companyKey, instanceId, circuit.replace("\"bandwidthMbps\": 100", "\"bandwidthMbps\": 100.0"))
			.andExpect(status().isOk());

		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_type = 'contract' AND target_id = ?",
				no)).isEqualTo(1);
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_type = 'service-instance' "
				+ "AND target_id = ?", instanceId)).isEqualTo(1);
		assertThat(updatedAt(instanceId)).isEqualTo(changedAt);
	}

	@Test
	@DisplayName("R-AUD a changed report is recorded, attributed to the system's key name, and audited as a change")
	void changedReportIsAuditedAsChange() throws Exception {
		String no = fixtures.unique("change");
		fixtures.putContract(companyKey, no, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				"Change Ltd", "")).andExpect(status().isCreated());
		String instanceId = fixtures.unique("change-c1");
		fixtures.putInstance(companyKey, instanceId, CustomerFixtures.circuit(no, "Before", "designed"))
			.andExpect(status().isCreated());
		fixtures.putInstance(companyKey, instanceId, CustomerFixtures.circuit(no, "After", "active"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.label").value("After"))
			.andExpect(jsonPath("$.state").value("active"))
			.andExpect(jsonPath("$.attributes.bandwidthMbps").value(100));
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE action = 'service-instance.changed' "
				+ "AND target_id = ? AND actor_kind = 'SERVICE_SYSTEM' AND actor LIKE 'feed-%' "
				+ "AND details->>'changes' = 'label,state'", instanceId)).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.5 a key of one affiliate cannot write another affiliate's or the Company's contracts")
	void keysWriteOnlyTheirOwnCompanysContracts() throws Exception {
		String singapore = fixtures.key("NTT-SINGAPORE");
		String companyContract = fixtures.unique("company-owned");
		fixtures.putContract(companyKey, companyContract, CustomerFixtures.activeContract("arcstar-universal-one",
				"COMPANY", "Owner Ltd", "")).andExpect(status().isCreated());
		long before = contractsAndInstances();

		fixtures.putContract(singapore, fixtures.unique("america"), CustomerFixtures.activeContract("nexcenter",
				"NTT-AMERICA", "Elsewhere Inc", ""))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("/problems/foreign-contracting-company"));
		fixtures.putContract(singapore, companyContract, CustomerFixtures.activeContract("arcstar-universal-one",
				"NTT-SINGAPORE", "Owner Ltd", ""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("contractNo")));
		fixtures.putContract(singapore, companyContract, CustomerFixtures.activeContract("arcstar-universal-one",
				"COMPANY", "Owner Ltd", "")).andExpect(status().isForbidden());
		fixtures.putInstance(singapore, fixtures.unique("sneaky"), CustomerFixtures.circuit(companyContract, "Sneaky",
				"active")).andExpect(status().isForbidden());

		assertThat(contractsAndInstances()).isEqualTo(before);
	}

	@Test
	@DisplayName("R-7.6 a missing, malformed, unknown or revoked key is answered 401 as a problem detail")
	void badKeysAreRefused() throws Exception {
		String body = CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY", "Nobody Ltd", "");
		String no = fixtures.unique("nokey");
		// Without any bearer token the request counts as a browser's, which CSRF protection stops first.
		mvc.perform(put("/api/v1/system/contracts/{no}", no).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is4xxClientError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		fixtures.putContract("not-a-system-key", no, body)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		fixtures.putContract("cps_garbage", no, body).andExpect(status().isUnauthorized());
		fixtures.putContract("cps_0123456789abcdef_" + "A".repeat(43), no, body).andExpect(status().isUnauthorized());
		String revoked = fixtures.key("DOCOMO");
		String keyId = revoked.substring(4, 20);
		mvc.perform(delete("/api/v1/console/system-keys/{id}", keyId)
			.with(authentication(TestPrincipals.staff("ST-ADMIN-1", "ADMIN"))).with(csrf()))
			.andExpect(status().isNoContent());
		fixtures.putContract(revoked, no, CustomerFixtures.activeContract("docomo-mobile", "DOCOMO", "Nobody Ltd", ""))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		assertThat(fixtures.count("SELECT count(*) FROM customers.contracts WHERE contract_no = ?", no)).isZero();
	}

	@Test
	@DisplayName("R-7.6 a valid key records when it was last used")
	void keyUseIsRecorded() throws Exception {
		String key = fixtures.key("NTT-KOREA");
		String keyId = key.substring(4, 20);
		assertThat(fixtures.count("SELECT count(*) FROM customers.system_keys WHERE id = ? AND last_used_at IS NULL",
				keyId)).isEqualTo(1);
		fixtures.putContract(key, fixtures.unique("korea"), CustomerFixtures.activeContract("arcstar-universal-one",
				"NTT-KOREA", "Seoul Ltd", "")).andExpect(status().isCreated());
		assertThat(fixtures.count("SELECT count(*) FROM customers.system_keys WHERE id = ? AND last_used_at IS NOT NULL",
				keyId)).isEqualTo(1);
	}

	private OffsetDateTime updatedAt(String instanceId) {
		return fixtures.asSystem(() -> jdbc.sql("SELECT updated_at FROM customers.service_instances WHERE id = ?")
			.param(instanceId).query(OffsetDateTime.class).single());
	}

	private long contractsAndInstances() {
		String mine = "T-" + fixtures.run + "-%";
		return fixtures.count("SELECT (SELECT count(*) FROM customers.contracts WHERE contract_no LIKE ?) "
				+ "+ (SELECT count(*) FROM customers.service_instances WHERE id LIKE ?)", mine, mine);
	}
}
