package portal.identity;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.identity.activation.Activation;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-AUD R-6.3 Security events in the audit trail, and session time limits in the portal's clock")
class SecurityEventsIntegrationTests {

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
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures fixtures;

	AccountFixtures.ActiveUser user;

	@BeforeEach
	void signedInUser() {
		user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
	}

	@Test
	@DisplayName("R-6.3 a session idle past the limit ends at the next request, and the expiry is audited")
	void idleTimeout() throws Exception {
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(get("/app").cookie(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/app").cookie(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(31));
		mvc.perform(get("/app").cookie(session)).andExpect(status().is3xxRedirection());
		assertThat(audited("session.expired", user.loginId(), "idle")).isEqualTo(1);
	}

	@Test
	@DisplayName("R-6.3 an active session ends at the absolute limit, however busy, and the expiry is audited")
	void absoluteTimeout() throws Exception {
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(get("/app").cookie(session)).andExpect(status().isOk());
		for (int i = 0; i < 28; i++) {
			clock.advance(Duration.ofMinutes(25));
			mvc.perform(get("/app").cookie(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/app").cookie(session)).andExpect(status().is3xxRedirection());
		assertThat(audited("session.expired", user.loginId(), "absolute")).isEqualTo(1);
	}

	@Test
	@DisplayName("R-AUD R-6.3 signing out ends the session and is audited")
	void signOutIsAudited() throws Exception {
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(post("/sign-out").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(audited("session.signed-out", user.loginId(), null)).isEqualTo(1);
		mvc.perform(get("/app").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	@DisplayName("R-AUD refused access is audited once a minute per person, however often it is tried")
	void refusalsAreAuditedWithACap() throws Exception {
		Cookie session = fixtures.signIn(mvc, user);
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/console").cookie(session)).andExpect(status().isForbidden());
		}
		assertThat(audited("access.refused", user.loginId(), null)).isEqualTo(1);
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(get("/console").cookie(session)).andExpect(status().isForbidden());
		assertThat(audited("access.refused", user.loginId(), null)).isEqualTo(2);
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT details ->> 'repeatsNotRecorded' FROM audit.entries
				WHERE action = 'access.refused' AND target_id = ? ORDER BY id DESC LIMIT 1""")
			.param(user.loginId()).query(String.class).single())).isEqualTo("4");
	}

	@Test
	@DisplayName("R-AUD a form sent without its CSRF token is refused and audited")
	void csrfFailureIsAudited() throws Exception {
		String address = "2001:db8::c5:" + Integer.toHexString((int) (Math.random() * 0xffff));
		mvc.perform(post("/lost-credentials").with(from(address)).param("loginId", "CP10000001").param("email", "x@example.test"))
			.andExpect(status().isForbidden());
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM audit.entries WHERE action = 'csrf.refused' AND origin = ?").param(address)
			.query(Long.class).single())).isEqualTo(1);
	}

	private long audited(String action, String loginId, String limit) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT count(*) FROM audit.entries WHERE action = ? AND target_id = ?
				AND (CAST(? AS text) IS NULL OR details ->> 'limit' = ?)""")
			.params(action, loginId, limit, limit).query(Long.class).single());
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
