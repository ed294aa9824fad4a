package portal.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.activation.Activation;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-6.3 Session ids: random enough, renewed at re-authentication, cleared at sign-out")
class SessionTokensIntegrationTests {

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
	AccountFixtures fixtures;

	UUID customer;

	@BeforeEach
	void aCustomer() {
		customer = UUID.randomUUID();
	}

	@Test
	@DisplayName("R-6.3 a session id carries 256 random bits (43 base64url characters), new for every session")
	void sessionIdsCarry256RandomBits() throws Exception {
		String first = sessionId(mvc.perform(get("/app/profile")).andReturn().getResponse());
		String second = sessionId(mvc.perform(get("/app/profile")).andReturn().getResponse());
		for (String id : new String[] { first, second }) {
			assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
		}
		assertThat(first).isNotEqualTo(second);
		AccountFixtures.ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_VIEWER);
		String signedIn = decoded(fixtures.signIn(mvc, user));
		assertThat(signedIn).hasSize(43).isNotIn(first, second);
	}

	@Test
	@DisplayName("R-7.1 R-6.3 a re-authenticated change gives the session a new id; the old one no longer works")
	void reauthenticationRenewsTheSessionId() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser viewer = fixtures.customerUser(customer, Role.CUSTOMER_VIEWER);
		Cookie before = fixtures.signIn(mvc, admin);
		String changed = "moved-" + UUID.randomUUID() + "@example.com";
		MockHttpServletResponse response = mvc.perform(patch("/api/v1/users/{id}", viewer.loginId()).cookie(before)
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
					{"email":"%s","currentPassword":"%s","code":"%s"}""".formatted(changed, admin.password(),
					fixtures.nextCode(admin))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(changed))
			.andReturn()
			.getResponse();
		Cookie after = response.getCookie("PORTAL_SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		mvc.perform(get("/api/v1/me").cookie(before)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(after))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.loginId").value(admin.loginId()));
	}

	@Test
	@DisplayName("R-7.1 a contact change that keeps the email address needs no re-authentication and keeps the session id")
	void contactChangeWithoutNewAddressKeepsTheSession() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser viewer = fixtures.customerUser(customer, Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, admin);
		mvc.perform(patch("/api/v1/users/{id}", viewer.loginId()).cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"moved-" + UUID.randomUUID() + "@example.com\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("reauthentication-required")));
		assertThat(email(viewer)).isEqualTo(viewer.email());
		MockHttpServletResponse renamed = mvc.perform(patch("/api/v1/users/{id}", viewer.loginId()).cookie(session)
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed Viewer\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(renamed.getCookie("PORTAL_SESSION")).isNull();
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
	}

	@Test
	@DisplayName("R-6.3 sign-out over HTTPS sends Clear-Site-Data for cache, cookies and storage")
	void signOutClearsSiteData() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(post("/sign-out").secure(true).cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""));
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		// Over plain HTTP (a local run) browsers ignore the header; it is not sent.
		Cookie local = fixtures.signIn(mvc, user);
		mvc.perform(post("/sign-out").cookie(local).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.doesNotExist("Clear-Site-Data"));
	}

	private String email(AccountFixtures.ActiveUser user) {
		return tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> administration.user(customer, user.loginId()).email());
	}

	private static String sessionId(MockHttpServletResponse response) {
		Cookie cookie = response.getCookie("PORTAL_SESSION");
		assertThat(cookie).isNotNull();
		return decoded(cookie);
	}

	// The session cookie holds the id in base64, as Spring Session writes it.
	private static String decoded(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}
}
