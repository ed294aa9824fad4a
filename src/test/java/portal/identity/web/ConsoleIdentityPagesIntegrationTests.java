package portal.identity.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

@PortalIntegrationTest
@DisplayName("R-6.4 The console's accounts, and lost-credentials desk")
class ConsoleIdentityPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	IdentityPageFixtures fixtures;

	IdentityPageFixtures.Person desk;

	IdentityPageFixtures.Person user;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		desk = fixtures.staff(Role.STAFF_DESK);
		user = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
	}

	@Test
	@DisplayName("staff search every account in their scope, as the page or as the htmx fragment")
	void searchesAccounts() throws Exception {
		mvc.perform(get("/console/users").param("q", user.view().email()).with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("<html"), containsString("area-console"),
					containsString(user.loginId()), containsString("Portal user"), containsString("administrator"),
					containsString("Active"), not(containsString("??")))));
		mvc.perform(get("/console/users").param("q", desk.loginId()).header("HX-Request", "true")
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"account-results\""), containsString(desk.loginId()),
					containsString("Staff"), not(containsString("<html")))));
		mvc.perform(get("/console/users").param("lang", "ja").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("アカウント"), not(containsString("??")))));
	}

	@Test
	@DisplayName("after signing in, staff land on the console and customers' users in the portal")
	void eachLandsInTheirArea() throws Exception {
		mvc.perform(post("/sign-in").with(csrf()).param("username", desk.loginId())
			.param("password", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(desk)))
			.andExpect(redirectedUrl("/console"));
		mvc.perform(post("/sign-in").with(csrf()).param("username", user.loginId())
			.param("password", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(user)))
			.andExpect(redirectedUrl("/app"));
	}

	@Test
	@DisplayName("R-7.5 customers' users never reach the console's pages")
	void customersAreRefused() throws Exception {
		mvc.perform(get("/console/users").with(authentication(user.authentication()))).andExpect(status().isForbidden());
		mvc.perform(get("/console/lost-credentials").with(authentication(user.authentication())))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-6.4 the desk sees reports, open ones first, in English and in Japanese")
	void deskSeesReports() throws Exception {
		mvc.perform(post("/lost-credentials").with(csrf()).param("loginId", user.loginId())
			.param("email", user.view().email())).andExpect(status().isOk());
		mvc.perform(get("/console/lost-credentials").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Lost or stolen login information"),
					containsString(user.loginId()), containsString("Open"), containsString("The public report form"),
					not(containsString("??")))));
		mvc.perform(get("/console/lost-credentials").param("lang", "ja").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("未対応"), containsString("公開の届出フォーム"),
					not(containsString("??")))));
		IdentityPageFixtures.Person serviceManager = fixtures.staff(Role.STAFF_SERVICE_MANAGER);
		mvc.perform(get("/console/lost-credentials").with(authentication(serviceManager.authentication())))
			.andExpect(status().isForbidden());
	}
}
