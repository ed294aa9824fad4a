package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.NewVersion;
import portal.terms.Terms;

@PortalIntegrationTest
@DisplayName("R-7.3 Consent confirmations and acceptances, as stored and as shown")
class ConsentRecordsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	Terms terms;

	@Autowired
	Documents documents;

	IdentityPageFixtures fixtures;

	UUID customer;

	IdentityPageFixtures.Person admin;

	IdentityPageFixtures.Person viewer;

	int version;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
		admin = fixtures.active(customer, Role.CUSTOMER_ADMINISTRATOR);
		viewer = fixtures.registered(customer, Role.CUSTOMER_VIEWER);
		version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
	}

	@Test
	@DisplayName("R-7.3 registering a user stores the confirmation in the terms module: version, who, when")
	void registrationStoresTheConfirmationInTerms() {
		List<Map<String, Object>> rows = asSystem(() -> jdbc.sql("""
				SELECT customer_id, kind, terms_version, confirmed_by, confirmed_at FROM terms.consent_confirmations
				WHERE account_id = ?""").param(viewer.view().id()).query().listOfRows());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("customer_id", customer)
			.containsEntry("kind", Terms.PERSONAL_INFORMATION)
			.containsEntry("terms_version", version)
			.containsEntry("confirmed_by", "ST0000000");
		assertThat(rows.get(0).get("confirmed_at")).isNotNull();
		String oldTable = asSystem(() -> jdbc.sql("SELECT CAST(to_regclass('identity.consent_confirmations') AS text)")
			.query(String.class).optional().orElse(null));
		assertThat(oldTable).isNull();
	}

	@Test
	@DisplayName("R-7.3 the administrator sees who confirmed which version for a user and when, and what the user accepted")
	void administratorSeesAUsersConsents() throws Exception {
		mvc.perform(get("/app/users/{loginId}/consents", viewer.loginId()).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Confirmed by ST0000000 on"),
					containsString("version " + version), containsString("No version is accepted yet."),
					not(containsString("/receipt")), not(containsString("??")))));
		mvc.perform(get("/app/users/{loginId}/consents", admin.loginId()).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Accepted on"), containsString("Confirmed by"))));
		mvc.perform(get("/app/users/{loginId}", viewer.loginId()).with(authentication(admin.authentication())))
			.andExpect(content().string(containsString("/app/users/" + viewer.loginId() + "/consents")));
	}

	@Test
	@DisplayName("R-7.3 R-7.5 an administrator of another customer does not see the user's consents")
	void anotherCustomersAdministratorSeesNothing() throws Exception {
		IdentityPageFixtures.Person stranger = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		mvc.perform(get("/app/users/{loginId}/consents", viewer.loginId()).with(authentication(stranger.authentication())))
			.andExpect(status().isNotFound());
		IdentityPageFixtures.Person colleague = fixtures.active(customer, Role.CUSTOMER_VIEWER);
		mvc.perform(get("/app/users/{loginId}/consents", viewer.loginId()).with(authentication(colleague.authentication())))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.3 a user sees on their profile what they accepted when, with the receipt, and the same through the API")
	void userSeesOwnAcceptancesWithReceipts() throws Exception {
		long acceptance = asSystem(() -> jdbc.sql("""
				SELECT id FROM terms.acceptances WHERE account_id = ? AND kind = ? AND version = ?""")
			.params(admin.user().accountId(), Terms.PERSONAL_INFORMATION, version).query(Long.class).single());
		mvc.perform(get("/app/profile/consents").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Accepted on"),
					containsString("/app/consents/" + acceptance + "/receipt"), containsString("Confirmed by ST0000000"),
					not(containsString("??")))));
		mvc.perform(get("/app/profile").with(authentication(admin.authentication())))
			.andExpect(content().string(containsString("/app/profile/consents")));
		mvc.perform(get("/app/consents/{id}/receipt", acceptance).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(admin.loginId())));
		mvc.perform(get("/api/v1/me/consents").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(acceptance))
			.andExpect(jsonPath("$[0].version").value(version))
			.andExpect(jsonPath("$[0].receipt").value("/app/consents/" + acceptance + "/receipt"));
	}

	@Test
	@DisplayName("R-7.3 staff see per version how many accepted and, paged, who has not; customers may not look")
	void staffSeeWhoHasNotAccepted() throws Exception {
		IdentityPageFixtures.Person desk = fixtures.staff(Role.STAFF_DESK);
		mvc.perform(get("/console/documents/{key}/consents", Terms.PERSONAL_INFORMATION)
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"count-accepted\""),
					containsString("version " + version), not(containsString(">" + admin.loginId() + "<")),
					not(containsString("??")))));
		mvc.perform(get("/console/documents/{key}/consents", "portal-terms").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"count-accepted\">0<"),
					containsString("Users who have not accepted"))));
		mvc.perform(get("/console/documents/{key}/consents", Terms.PERSONAL_INFORMATION)
			.with(authentication(admin.authentication())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/console/documents/{key}/consents", "portal-terms").param("size", "2")
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.notAcceptedBy.length()").value(2));
		mvc.perform(get("/api/v1/console/documents/{key}/consents", "portal-terms").param("size", "0")
			.with(authentication(desk.authentication())))
			.andExpect(status().isBadRequest());
	}

	@Test
	@DisplayName("R-7.3 a receipt can be checked: the stored SHA-256, the one printed and that of the served text are equal")
	void receiptChecksAgainstThePublishedText() throws Exception {
		Map<String, Object> stored = asSystem(() -> jdbc.sql("""
				SELECT id, sha256 FROM terms.acceptances WHERE account_id = ? AND kind = ? AND version = ?""")
			.params(admin.user().accountId(), Terms.PERSONAL_INFORMATION, version).query().singleRow());
		String storedHash = (String) stored.get("sha256");

		String receipt = mvc.perform(get("/app/consents/{id}/receipt", stored.get("id"))
				.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher printed = Pattern.compile("SHA-256 of the English text accepted:\\s*([0-9a-f]{64})").matcher(receipt);
		assertThat(printed.find()).as("the receipt prints a SHA-256").isTrue();

		String served = JsonPath.read(mvc.perform(get("/api/v1/documents/{key}/versions/{version}",
				Terms.PERSONAL_INFORMATION, version))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.body");
		String servedHash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(served.getBytes(StandardCharsets.UTF_8)));

		assertThat(storedHash).matches("[0-9a-f]{64}");
		assertThat(printed.group(1)).isEqualTo(storedHash);
		assertThat(servedHash).isEqualTo(storedHash);
		assertThat(receipt).contains("/api/v1/documents/" + Terms.PERSONAL_INFORMATION + "/versions/" + version);
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), work::get);
	}
}
