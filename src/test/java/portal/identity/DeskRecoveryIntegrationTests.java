package portal.identity;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-6.4 The desk restores access after a lost or stolen report")
class DeskRecoveryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	LostCredentials lost;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	@DisplayName("R-6.4 R-AUD a customer's sole administrator, reported lost, is verified, reactivated and the report closed, each step audited")
	void restoresTheSoleAdministrator() throws Exception {
		var admin = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		lost.reportAnonymously(admin.loginId(), admin.email());
		Cookie desk = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK));
		String id = reportOf(admin.loginId());

		mvc.perform(post("/api/v1/console/lost-credentials/{id}/restoration", id).cookie(desk).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.fields.verification").exists());
		mvc.perform(post("/api/v1/console/lost-credentials/{id}/verification", id).cookie(desk).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"verification\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.verification").exists());
		mvc.perform(post("/api/v1/console/lost-credentials/{id}/verification", id).cookie(desk).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"verification\":\"Called back on the number on file\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verification").value("Called back on the number on file"));
		mvc.perform(post("/api/v1/console/lost-credentials/{id}/restoration", id).cookie(desk).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handledAt").exists());

		String state = system(() -> jdbc.sql("SELECT state FROM identity.accounts WHERE login_id = ?")
			.param(admin.loginId()).query(String.class).single());
		assertThat(state).isEqualTo("PENDING_ACTIVATION");
		assertThat(activation.offer(fixtures.mailedToken(admin.email()))).get()
			.satisfies(offer -> assertThat(offer.reset()).isTrue());
		var actions = system(() -> jdbc.sql("""
				SELECT action FROM audit.entries WHERE target_id = ? AND action LIKE 'lost-credentials.%' ORDER BY seq""")
			.param(admin.loginId()).query(String.class).list());
		assertThat(actions).containsExactly("lost-credentials.verified", "lost-credentials.access-restored");
		mvc.perform(post("/api/v1/console/lost-credentials/{id}/closure", id).cookie(desk).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	@DisplayName("R-6.4 only desk or admin staff reach the recovery routes")
	void customersCannotRecover() throws Exception {
		var admin = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		mvc.perform(get("/api/v1/console/lost-credentials").cookie(fixtures.signIn(mvc, admin)))
			.andExpect(status().isForbidden());
	}

	private String reportOf(String loginId) {
		return system(() -> jdbc.sql("""
				SELECT r.id::text FROM identity.lost_credential_reports r JOIN identity.accounts a ON a.id = r.account_id
				WHERE a.login_id = ? AND r.handled_at IS NULL""").param(loginId).query(String.class).single());
	}

	private <T> T system(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), work);
	}
}
