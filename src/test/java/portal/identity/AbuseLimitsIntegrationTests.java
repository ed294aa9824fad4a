package portal.identity;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
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
import portal.terms.Terms;
import portal.identity.activation.Activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-6.2 R-6.4 Abuse limits on the public forms and on re-authentication, shared by every node")
class AbuseLimitsIntegrationTests {

	/** The test profile's budget of lost-credentials reports per address and hour. */
	private static final int REPORTS_PER_ADDRESS = 50;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	@DisplayName("R-6.4 a flood of reports with distinct login IDs from one address is cut off, and another address still reports")
	void floodFromOneAddressIsCutOff() throws Exception {
		String flooder = address();
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < REPORTS_PER_ADDRESS + 10; i++) {
			int status = mvc.perform(post("/lost-credentials").with(csrf()).with(from(flooder))
				.param("loginId", "CP" + (10_000_000 + i)).param("email", "flood@example.test"))
				.andReturn().getResponse().getStatus();
			if (status == 200) {
				accepted++;
			}
			else if (status == 429) {
				refused++;
			}
		}
		assertThat(accepted).isEqualTo(REPORTS_PER_ADDRESS);
		assertThat(refused).isEqualTo(10);

		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		mvc.perform(post("/lost-credentials").with(csrf()).with(from(address()))
			.param("loginId", user.loginId()).param("email", user.email()))
			.andExpect(status().isOk());
		assertThat(reportsAbout(user.loginId())).isEqualTo(1);
	}

	@Test
	@DisplayName("R-6.4 one login ID can be reported only a few times an hour, from however many addresses")
	void reportsPerLoginIdAreLimited() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		String body = "{\"loginId\": \"" + user.loginId() + "\", \"email\": \"someone@example.test\"}";
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/public/lost-credentials").with(from(address()))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted());
		}
		mvc.perform(post("/api/v1/public/lost-credentials").with(from(address()))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	@DisplayName("R-6.2 failed re-authentications are audited and lock the account after the sign-in limit")
	void failedReauthenticationsLock() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/api/v1/me/password").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(passwordChange("wrong password " + i, fixtures.nextCode(user))))
				.andExpect(status().isForbidden());
		}
		assertThat(audited("reauthentication.failed", user.loginId())).isEqualTo(5);
		mvc.perform(post("/api/v1/me/password").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(passwordChange(user.password(), fixtures.nextCode(user))))
			.andExpect(status().isForbidden());
	}

	private static String passwordChange(String current, String code) {
		return "{\"currentPassword\": \"" + current + "\", \"code\": \"" + code
				+ "\", \"newPassword\": \"a brand new passphrase 42\"}";
	}

	private static String address() {
		return "2001:db8::" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":"
				+ Integer.toHexString((int) (Math.random() * 0xffff));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private long reportsAbout(String loginId) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT count(*) FROM identity.lost_credential_reports r JOIN identity.accounts a ON a.id = r.account_id
				WHERE a.login_id = ?""").param(loginId).query(Long.class).single());
	}

	private long audited(String action, String loginId) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM audit.entries WHERE action = ? AND target_id = ?").params(action, loginId)
			.query(Long.class).single());
	}
}
