package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Safeguards of the identity pages that the ASVS map (docs/security/asvs.md) cites: each test
 * fails when the safeguard it names is taken away.
 */
@PortalIntegrationTest
@DisplayName("R-6.2 R-6.3 R-7.5 Safeguards of the account pages")
class AccountSafeguardsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAdministration administration;

	@Autowired
	Tenancy tenancy;

	IdentityPageFixtures fixtures;

	UUID customer;

	IdentityPageFixtures.Person admin;

	IdentityPageFixtures.Person viewer;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
		admin = fixtures.active(customer, Role.CUSTOMER_ADMINISTRATOR);
		viewer = fixtures.active(customer, Role.CUSTOMER_VIEWER);
	}

	@Test
	@DisplayName("R-7.1 markup typed into a name is shown as text, never as markup")
	void escapesWhatPeopleType() throws Exception {
		mvc.perform(post("/app/users/" + viewer.loginId() + "/contact").with(csrf())
			.with(authentication(admin.authentication()))
			.param("name", "Eve <script>alert(1)</script>").param("email", viewer.view().email())
			.param("phone", "+81 3 0000 0000"));
		String page = page("/app/users/" + viewer.loginId());
		assertThat(page).contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
	}

	@Test
	@DisplayName("R-7.5 search text is bound as a value, never read as SQL")
	void searchTextIsNeverSql() throws Exception {
		String page = page("/app/users?q=" + java.net.URLEncoder.encode("x' OR '1'='1", "UTF-8"));
		assertThat(page).doesNotContain("/app/users/" + viewer.loginId() + "\"");
		assertThat(page("/app/users?q=" + viewer.loginId())).contains("/app/users/" + viewer.loginId() + "\"");
	}

	@Test
	@DisplayName("R-7.1 a change of state is never made by a GET, and a form binds only its own fields")
	void changesNeedPostAndFormsBindOnlyTheirFields() throws Exception {
		MockHttpServletResponse refused = mvc.perform(get("/app/users/" + viewer.loginId() + "/disable")
			.with(authentication(admin.authentication()))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(405);
		mvc.perform(post("/app/users/" + viewer.loginId() + "/contact").with(csrf())
			.with(authentication(admin.authentication())).param("name", "Still A Viewer")
			.param("email", viewer.view().email()).param("phone", "+81 3 0000 0000")
			.param("roles", "administrator").param("state", "DISABLED"));
		var stored = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> administration.user(customer, viewer.loginId()));
		assertThat(stored.name()).isEqualTo("Still A Viewer");
		assertThat(stored.roles()).containsExactly("viewer");
		assertThat(stored.state()).isEqualTo("active");
	}

	@Test
	@DisplayName("R-6.3 disabling a user ends the session they have open")
	void disablingEndsTheUsersSession() throws Exception {
		Cookie session = signIn(viewer);
		MockHttpServletResponse before = mvc.perform(get("/app").cookie(session)).andReturn().getResponse();
		assertThat(before.getRedirectedUrl() == null ? "" : before.getRedirectedUrl()).doesNotContain("/sign-in");
		mvc.perform(post("/app/users/" + viewer.loginId() + "/disable").with(csrf())
			.with(authentication(admin.authentication())));
		MockHttpServletResponse after = mvc.perform(get("/app").cookie(session)).andReturn().getResponse();
		assertThat(after.getStatus()).isEqualTo(302);
		assertThat(after.getRedirectedUrl()).contains("/sign-in");
	}

	@Test
	@DisplayName("R-6.3 signed-in pages are not stored by browsers or caches, and say their type and character set")
	void pagesAreNotCachedAndSayTheirType() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/app/users").with(authentication(admin.authentication())))
			.andReturn().getResponse();
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getContentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
		MockHttpServletResponse api = mvc.perform(get("/api/v1/me").with(authentication(admin.authentication())))
			.andReturn().getResponse();
		assertThat(api.getHeader("Cache-Control")).contains("no-store");
		assertThat(api.getContentType()).startsWith("application/json");
	}

	@Test
	@DisplayName("R-6.2 every password field is masked, and offers the password manager its purpose")
	void passwordFieldsAreMasked() throws Exception {
		String signIn = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
		assertThat(Pattern.compile("<input[^>]*name=\"password\"[^>]*>").matcher(signIn).results()
			.map(match -> match.group()).toList()).isNotEmpty().allMatch(input -> input.contains("type=\"password\""));
		String profile = page("/app/profile");
		assertThat(Pattern.compile("<input[^>]*name=\"(newPassword|newPasswordRepeat|currentPassword)\"[^>]*>")
			.matcher(profile).results().map(match -> match.group()).toList()).hasSizeGreaterThanOrEqualTo(3)
			.allMatch(input -> input.contains("type=\"password\"") && input.contains("autocomplete=\""))
			.noneMatch(input -> input.contains("onpaste"));
	}

	@Test
	@DisplayName("R-20.2 the TRACE method is refused")
	void traceIsRefused() throws Exception {
		int status = mvc.perform(request(HttpMethod.TRACE, "/app/users").with(authentication(admin.authentication())))
			.andReturn().getResponse().getStatus();
		// Spring Security's firewall refuses the method before any handler sees it.
		assertThat(status).isIn(400, 403, 405);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(authentication(admin.authentication()))).andReturn().getResponse()
			.getContentAsString();
	}

	private Cookie signIn(IdentityPageFixtures.Person person) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("username", person.loginId())
			.param("password", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(person))).andReturn();
		Cookie cookie = result.getResponse().getCookie("PORTAL_SESSION");
		assertThat(cookie).as("session cookie of " + person.loginId()).isNotNull();
		return cookie;
	}
}
