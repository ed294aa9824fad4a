package portal.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.6 Staff issue and revoke the API keys of relevant-service systems")
class SystemKeysIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("R-6.2 a key is shown once, stored only as the SHA-256 hash of its secret, and listed without it")
	void keyIsShownOnceAndStoredAsHash() throws Exception {
		String name = "hash-check-" + suffix();
		String body = mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"contractingCompany\": \"NTT-EUROPE\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn().getResponse().getContentAsString();
		JsonNode issued = JSON.readTree(body);
		String token = issued.get("key").asString();
		String id = issued.get("id").asString();
		assertThat(token).matches("cps_[0-9a-f]{16}_[A-Za-z0-9_-]{43}").startsWith("cps_" + id + "_");

		byte[] stored = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT secret_hash FROM customers.system_keys WHERE id = ?").param(id).query(byte[].class).single());
		byte[] expected = MessageDigest.getInstance("SHA-256")
			.digest(token.substring(21).getBytes(StandardCharsets.US_ASCII));
		assertThat(stored).isEqualTo(expected);

		mvc.perform(get("/api/v1/console/system-keys").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem(name)))
			.andExpect(content().string(not(containsString(token.substring(21)))));
	}

	@Test
	@DisplayName("R-AUD issuing and revoking are audited; revoking twice changes nothing")
	void revocationIsAuditedOnce() throws Exception {
		String name = "revoke-check-" + suffix();
		String id = JSON.readTree(mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\", \"contractingCompany\": \"NTT-EUROPE\"}"))
			.andReturn().getResponse().getContentAsString()).get("id").asString();
		mvc.perform(delete("/api/v1/console/system-keys/{id}", id).with(admin()).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/console/system-keys/{id}", id).with(admin()).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/console/system-keys/{id}", "0000000000000000").with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
		long audited = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT count(*) FROM audit.entries WHERE target_type = 'system-key' AND target_id = ?""")
			.param(id).query(Long.class).single());
		assertThat(audited).isEqualTo(2);
	}

	@Test
	@DisplayName("R-7.5 a bad request, a taken name and a company outside the staff member's scope are refused")
	void refusals() throws Exception {
		mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Not Valid!\", \"contractingCompany\": \"NTT-EUROPE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("name")));
		mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"unknown-company-" + suffix() + "\", \"contractingCompany\": \"ACME\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("contractingCompany")));
		String name = "taken-" + suffix();
		String body = "{\"name\": \"" + name + "\", \"contractingCompany\": \"NTT-EUROPE\"}";
		mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/console/system-keys").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isConflict());
		var europeAdmin = CustomerFixtures.affiliateStaff("ST-EU-1", "NTT-EUROPE", "ADMIN");
		mvc.perform(post("/api/v1/console/system-keys").with(authentication(europeAdmin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"elsewhere-" + suffix() + "\", \"contractingCompany\": \"NTT-AMERICA\"}"))
			.andExpect(status().isForbidden());
		// Keys link contracts to customers, widening what a company's staff see: only the Company issues them.
		mvc.perform(post("/api/v1/console/system-keys").with(authentication(europeAdmin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"own-" + suffix() + "\", \"contractingCompany\": \"NTT-EUROPE\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/console/system-keys").with(authentication(europeAdmin)))
			.andExpect(jsonPath("$[*].contractingCompany", not(hasItem("NTT-AMERICA"))));
		mvc.perform(get("/api/v1/console/system-keys").with(authentication(TestPrincipals.staff("ST-2", "DESK"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.6 the system keys page lists keys, returns only the list to htmx, and shows a new key once")
	void systemKeysPage() throws Exception {
		mvc.perform(get("/console/system-keys").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Issue a key"),
					containsString("id=\"keys\""), not(containsString("??customers.")))));
		mvc.perform(get("/console/system-keys").header("HX-Request", "true").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("id=\"keys\""))));
		String name = "page-key-" + suffix();
		mvc.perform(post("/console/system-keys").param("name", name).param("contractingCompany", "NTT-EUROPE")
			.with(admin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(allOf(containsString("cps_"), containsString("It is not shown again"))));
		mvc.perform(get("/console/system-keys").with(admin()))
			.andExpect(content().string(allOf(containsString(name), not(containsString("cps_")))));
		mvc.perform(post("/console/system-keys").param("name", name).param("contractingCompany", "NTT-EUROPE")
			.with(admin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("exists already")));
		// In the reader's language, and beside the form rather than as the API's English message.
		mvc.perform(post("/console/system-keys").param("name", name).param("contractingCompany", "NTT-EUROPE")
			.param("lang", "ja").with(admin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("という名前のキーはすでにあります"),
					not(containsString("exists already")))));
		mvc.perform(post("/console/system-keys").param("name", "No Spaces").param("contractingCompany", "NTT-EUROPE")
			.param("lang", "ja").with(admin()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("英小文字・数字・ハイフンで3〜64文字")));
	}

	private static RequestPostProcessor admin() {
		return authentication(TestPrincipals.staff("ST-ADMIN-1", "ADMIN"));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
