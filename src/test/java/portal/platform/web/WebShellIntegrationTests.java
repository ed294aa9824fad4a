package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import portal.PortalIntegrationTest;
import portal.platform.TestPrincipals;

@PortalIntegrationTest
@DisplayName("The web shell: layout, language choice, public pages and home pages")
class WebShellIntegrationTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/portal-page/environment", "/apply", "/sign-in" })
	@DisplayName("R-23 every public page is complete in English and in Japanese, with the note on the authentic language")
	void publicPagesAreCompleteInBothLanguages(String path) throws Exception {
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\""),
					containsString("Skip to main content"), containsString("the English text is the authentic one"),
					not(containsString("??")))));
		mvc.perform(get(path).cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""),
					containsString("メインコンテンツへスキップ"), containsString("英語版を正本とします"),
					not(containsString("??")))));
	}

	@Test
	@DisplayName("R-23 choosing Japanese sets a year-long, SameSite=Lax language cookie")
	void choosingJapaneseSetsTheCookie() throws Exception {
		mvc.perform(get("/").param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ご契約中のサービスを、ひとつの場所で")))
			.andExpect(cookie().value("portal-lang", "ja"))
			.andExpect(cookie().maxAge("portal-lang", 365 * 24 * 60 * 60))
			.andExpect(cookie().sameSite("portal-lang", "Lax"))
			.andExpect(cookie().httpOnly("portal-lang", true));
	}

	@Test
	@DisplayName("a language the portal does not speak is ignored, in the link and in the cookie")
	void unsupportedLanguageIsIgnored() throws Exception {
		mvc.perform(get("/").param("lang", "fr").cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("portal-lang"))
			.andExpect(content().string(containsString("<html lang=\"ja\"")));
		mvc.perform(get("/").cookie(new Cookie("portal-lang", "fr")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")));
	}

	@Test
	@DisplayName("the language switch keeps the page and its other parameters")
	void languageSwitchKeepsParameters() throws Exception {
		mvc.perform(get("/portal-page/environment?section=screen"))
			.andExpect(content().string(allOf(containsString("href=\"?section=screen&amp;lang=ja\""),
					containsString("href=\"?section=screen&amp;lang=en\""))));
	}

	@Test
	@DisplayName("R-20.1 the environment page names each supported browser and its minimum version")
	void environmentPageListsBrowsers() throws Exception {
		mvc.perform(get("/portal-page/environment"))
			.andExpect(content().string(allOf(containsString("Google Chrome / Chromium"),
					containsString("Version 120 or later"), containsString("Version 121 or later"),
					containsString("Version 17 or later"), containsString("360 pixels"),
					containsString("id=\"browser-banner\""), containsString("<noscript>"),
					containsString("\"includeIndicatorStyles\":false"))));
	}

	@Test
	@DisplayName("the sign-in form posts login ID, password and code with exactly one CSRF token")
	void signInFormHasOneCsrfToken() throws Exception {
		String page = mvc.perform(get("/sign-in"))
			.andExpect(content().string(allOf(containsString("name=\"username\""), containsString("name=\"password\""),
					containsString("name=\"code\""), containsString("action=\"/sign-in\""),
					containsString("Lost or stolen login information?"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("name=\"_csrf\"", -1)).hasSize(2);
	}

	@Test
	@DisplayName("R-6.1 the sign-in page kept in memory gives each visitor a form token of their own, in their language and variant")
	void signInPageFromMemoryCarriesEachVisitorsToken() throws Exception {
		var first = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse();
		var second = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse();
		String firstToken = formToken(first.getContentAsString());
		Cookie firstCookie = tokenHolder(first);
		Cookie secondCookie = tokenHolder(second);
		assertThat(firstToken).isNotEqualTo(formToken(second.getContentAsString()));
		assertThat(firstCookie.getValue()).isNotEqualTo(secondCookie.getValue());

		mvc.perform(post("/sign-in").param("username", "CP00000000").param("password", "x").param("code", "000000")
			.param("_csrf", firstToken).cookie(secondCookie)).andExpect(status().isForbidden());
		mvc.perform(post("/sign-in").param("username", "CP00000000").param("password", "x").param("code", "000000")
			.param("_csrf", firstToken).cookie(firstCookie)).andExpect(status().is3xxRedirection());

		mvc.perform(get("/sign-in?error").cookie(new Cookie("portal-lang", "ja")))
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""), containsString("id=\"sign-in-error\""))));
		mvc.perform(get("/sign-in").with(authentication(TestPrincipals.staff("ST9000009", "DESK"))))
			.andExpect(content().string(containsString("ST9000009")));
	}

	/** The cookie that keeps the visitor's token: its own, or the session's where one was made. */
	private static Cookie tokenHolder(org.springframework.mock.web.MockHttpServletResponse response) {
		Cookie cookie = response.getCookie("PORTAL_CSRF");
		return cookie != null ? cookie : response.getCookie("PORTAL_SESSION");
	}

	private static String formToken(String page) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a form token").isTrue();
		return token.group(1);
	}

	@Test
	@DisplayName("R-7.5 the customer portal home shows the signed-in login ID and the portal's sections")
	void appHomeShowsUserAndSections() throws Exception {
		mvc.perform(get("/app").with(authentication(TestPrincipals.customerUser("CP-A-1", UUID.randomUUID(), "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Signed in as CP-A-1"), containsString("Services"),
					containsString("href=\"/app/services\""), containsString("Sign out"), not(containsString("??")),
					not(containsString("href=\"/app/users\"")))));
	}

	@Test
	@DisplayName("the operator console home shows the console's sections to staff")
	void consoleHomeShowsSections() throws Exception {
		mvc.perform(get("/console").with(authentication(TestPrincipals.staff("ST-1", "ADMIN"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Signed in as ST-1"), containsString("Lost credentials"),
					containsString("href=\"/console/system-keys\""), not(containsString("??")))));
		// Sections a staff member may not open are not offered to them.
		mvc.perform(get("/console").with(authentication(TestPrincipals.staff("ST-2", "AUDITOR"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/console/customers\""),
					not(containsString("href=\"/console/system-keys\"")),
					not(containsString("href=\"/console/lost-credentials\"")))));
	}
}
