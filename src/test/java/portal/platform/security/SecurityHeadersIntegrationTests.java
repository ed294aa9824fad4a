package portal.platform.security;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-7.5 Security headers, cookie flags and the routes nobody named")
class SecurityHeadersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	@DisplayName("R-7.5 pages send a CSP without inline styles or scripts, HSTS over HTTPS, nosniff, a referrer policy and no framing")
	void headers() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/").secure(true)).andExpect(status().isOk())
			.andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
				"frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		mvc.perform(get("/api/v1/catalog/relevant-services"))
			.andExpect(header().string("Content-Security-Policy", csp))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	@DisplayName("R-7.5 no page carries an inline style attribute or style element the CSP would block")
	void pagesHaveNoInlineStyles() throws Exception {
		for (String page : List.of("/", "/sign-in", "/lost-credentials", "/portal-page/environment")) {
			String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
			assertThat(html).as(page).doesNotContain(" style=\"").doesNotContain("<style");
		}
	}

	@Test
	@DisplayName("R-7.5 the language cookie is HttpOnly and SameSite=Lax")
	void languageCookieFlags() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/").param("lang", "ja")).andReturn().getResponse();
		Cookie cookie = response.getCookie("portal-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
	}

	@Test
	@DisplayName("R-7.5 a route no rule names is refused, even to a signed-in person")
	void unnamedRoutesAreRefused() throws Exception {
		mvc.perform(get("/somewhere-new").with(authentication(TestPrincipals.staff("ST0000001", "ADMIN"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/somewhere-new").with(authentication(TestPrincipals.customerUser("CP0000001",
				java.util.UUID.randomUUID(), "ADMINISTRATOR"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-PI.1 the account directory is open to the desk, administrators and auditors only")
	void directoryOnlyForStaffWhoNeedIt() throws Exception {
		for (String role : List.of("SERVICE_MANAGER", "PUBLISHER", "MAINTENANCE_PLANNER")) {
			mvc.perform(get("/console/users").with(authentication(TestPrincipals.staff("ST0000002", role))))
				.andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/console/users").with(authentication(TestPrincipals.staff("ST0000002", role))))
				.andExpect(status().isForbidden());
		}
		for (String role : List.of("DESK", "ADMIN", "AUDITOR")) {
			mvc.perform(get("/console/users").with(authentication(TestPrincipals.staff("ST0000003", role))))
				.andExpect(status().isOk());
			mvc.perform(get("/api/v1/console/users").with(authentication(TestPrincipals.staff("ST0000003", role))))
				.andExpect(status().isOk());
		}
	}

	@Test
	@DisplayName("R-7.5 the OpenAPI document and Swagger UI are for signed-in people unless opened by setting")
	void apiDocsNeedSignIn() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/v3/api-docs").with(authentication(TestPrincipals.customerUser("CP0000004",
				java.util.UUID.randomUUID(), "VIEWER"))))
			.andExpect(status().isOk());
	}

}
