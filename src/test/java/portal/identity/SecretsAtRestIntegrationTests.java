package portal.identity;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;
import portal.identity.credentials.Secrets;
import portal.identity.credentials.SecretsResealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-6.2 TOTP secrets are sealed at rest")
class SecretsAtRestIntegrationTests {

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
	JdbcClient jdbc;

	@Autowired
	SecretsResealing resealing;

	@Autowired
	AccountFixtures fixtures;

	@Test
	@DisplayName("R-6.2 an account's TOTP secret is stored sealed, never in clear, and sign-in still checks it")
	void storedSealed() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		String stored = storedSecret(user.loginId());
		assertThat(stored).startsWith("gcm1:").doesNotContain(user.totpSecret());
		fixtures.signIn(mvc, user);
	}

	@Test
	@DisplayName("R-6.2 the secret offered during activation is stored sealed until the link is used")
	void pendingSecretSealed() {
		String email = "pending-" + UUID.randomUUID() + "@example.test";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		tenancy.call(Actor.job("test"), TenantScope.system(), () -> administration.add(UUID.randomUUID(),
				new NewUser("Pending Person", email, "+81 3 1234 5678", java.util.EnumSet.of(Role.CUSTOMER_VIEWER),
						java.util.List.of(), java.util.List.of(), null, "en", true, version)));
		String token = fixtures.mailedToken(email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String stored = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT pending_totp_secret FROM identity.activation_links WHERE token_hash = ?")
			.param(Secrets.digest(token)).query(String.class).single());
		assertThat(stored).startsWith("gcm1:").doesNotContain(offer.totpSecret());
		assertThat(activation.offer(token).orElseThrow().totpSecret()).isEqualTo(offer.totpSecret());
	}

	@Test
	@DisplayName("R-6.2 a secret stored in clear is sealed by resealing, and the account still signs in")
	void clearSecretsAreSealed() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("UPDATE identity.accounts SET totp_secret = ? WHERE login_id = ?")
			.params(user.totpSecret(), user.loginId()).update());
		fixtures.signIn(mvc, user);
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("UPDATE identity.accounts SET totp_secret = ? WHERE login_id = ?")
			.params(user.totpSecret(), user.loginId()).update());

		int resealed = tenancy.call(Actor.job("test"), TenantScope.system(), resealing::resealAll);

		assertThat(resealed).isPositive();
		assertThat(storedSecret(user.loginId())).startsWith("gcm1:").doesNotContain(user.totpSecret());
		fixtures.signIn(mvc, user);
	}

	@Test
	@DisplayName("R-6.2 only a staff administrator reseals secrets through the console API")
	void onlyStaffAdministratorsReseal() throws Exception {
		Cookie desk = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK));
		mvc.perform(post("/api/v1/console/secrets/reseal").cookie(desk).with(csrf())).andExpect(status().isForbidden());
		Cookie admin = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_ADMIN));
		mvc.perform(post("/api/v1/console/secrets/reseal").cookie(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resealed").isNumber());
		mvc.perform(post("/console/secrets/reseal").cookie(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private String storedSecret(String loginId) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT totp_secret FROM identity.accounts WHERE login_id = ?").param(loginId)
			.query(String.class).single());
	}
}
