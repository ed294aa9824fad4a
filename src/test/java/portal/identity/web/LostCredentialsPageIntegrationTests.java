package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

@PortalIntegrationTest
@DisplayName("R-6.4 The public page to report lost or stolen login information")
class LostCredentialsPageIntegrationTests {

	private static final String CONFIRMATION = "If the details match an account, it is now locked";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAdministration administration;

	@Autowired
	Tenancy tenancy;

	IdentityPageFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
	}

	@Test
	@DisplayName("R-6.4 R-23 the form is open to everyone, in English and in Japanese")
	void rendersInBothLanguages() throws Exception {
		mvc.perform(get("/lost-credentials"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Report lost or stolen login information"),
					containsString("name=\"loginId\""), containsString("name=\"email\""),
					containsString("name=\"_csrf\""), not(containsString("??")))));
		mvc.perform(get("/lost-credentials").param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("ログイン情報の紛失・盗難の届出"),
					containsString("アカウントは直ちにロックされます。"), not(containsString("??")))));
	}

	@Test
	@DisplayName("R-6.4 a matching report locks the account, and the answer is the same as for details that match nothing")
	void answersTheSameWhetherOrNotItMatched() throws Exception {
		UUID customer = UUID.randomUUID();
		IdentityPageFixtures.Person person = fixtures.active(customer, Role.CUSTOMER_VIEWER);

		String unknown = mvc.perform(post("/lost-credentials").with(csrf())
			.param("loginId", "CP9999999").param("email", "nobody@example.com"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CONFIRMATION)))
			.andReturn().getResponse().getContentAsString();
		String matching = mvc.perform(post("/lost-credentials").with(csrf())
			.param("loginId", person.loginId()).param("email", person.view().email()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CONFIRMATION)))
			.andReturn().getResponse().getContentAsString();

		assertThat(main(matching)).isEqualTo(main(unknown));
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> administration.user(customer, person.loginId()).state())).isEqualTo("locked");
	}

	@Test
	@DisplayName("R-6.4 empty fields are named beside themselves and nothing is reported")
	void requiresBothFields() throws Exception {
		mvc.perform(post("/lost-credentials").with(csrf()).param("loginId", "").param("email", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Fill in this field."),
					containsString("aria-describedby=\"lost-login-id-error\""),
					containsString("aria-describedby=\"lost-email-hint lost-email-error\""),
					not(containsString(CONFIRMATION)))));
	}

	@Test
	@DisplayName("the form is refused without its CSRF token")
	void needsCsrf() throws Exception {
		mvc.perform(post("/lost-credentials").param("loginId", "CP1").param("email", "a@example.com"))
			.andExpect(status().isForbidden());
	}

	/** The page's main content; the CSRF token in the layout differs from request to request. */
	private static String main(String html) {
		return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
	}
}
