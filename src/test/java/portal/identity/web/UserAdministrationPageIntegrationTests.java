package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

@PortalIntegrationTest
@DisplayName("R-7.1–R-7.5 The customer administrator's user pages")
class UserAdministrationPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAdministration administration;

	@Autowired
	Terms terms;

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
		viewer = fixtures.registered(customer, Role.CUSTOMER_VIEWER);
	}

	@Test
	@DisplayName("R-7.1 the list shows the customer's users with their state in words, as a page or as the htmx fragment")
	void listsUsersAsPageOrFragment() throws Exception {
		mvc.perform(get("/app/users").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("<html"), containsString("Skip to main content"),
					containsString("id=\"user-results\""), containsString(admin.loginId()), containsString(viewer.loginId()),
					containsString("Waiting for activation"), containsString("Active"), containsString("Add user"),
					not(containsString("??")))));
		mvc.perform(get("/app/users").param("q", viewer.view().email()).header("HX-Request", "true")
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"user-results\""), containsString(viewer.loginId()),
					not(containsString(admin.loginId())), not(containsString("<html")))));
		mvc.perform(get("/app/users").param("q", "nobody-by-this-name").header("HX-Request", "true")
			.with(authentication(admin.authentication())))
			.andExpect(content().string(containsString("No user matches “nobody-by-this-name”.")));
	}

	@Test
	@DisplayName("R-23 the user pages speak Japanese")
	void japanese() throws Exception {
		for (String path : List.of("/app/users", "/app/users/new", "/app/users/changes", "/app/users/consent-terms",
				"/app/users/" + viewer.loginId(), "/app/users/" + viewer.loginId() + "/remove",
				"/app/users/" + viewer.loginId() + "/reset", "/app/users/" + viewer.loginId() + "/lost")) {
			mvc.perform(get(path).param("lang", "ja").with(authentication(admin.authentication())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("<html lang=\"ja\""), not(containsString("??")))));
		}
		mvc.perform(get("/app/users/new").param("lang", "ja").with(authentication(admin.authentication())))
			.andExpect(content().string(allOf(containsString("ご本人が個人情報保護規程（第1版）に同意していることを確認しました。"),
					containsString("管理者"), containsString("注文者"), containsString("閲覧者"))));
	}

	@Test
	@DisplayName("R-7.1 only customer administrators reach the user pages")
	void onlyAdministrators() throws Exception {
		IdentityPageFixtures.Person orderer = fixtures.active(customer, Role.CUSTOMER_ORDERER);
		IdentityPageFixtures.Person viewer = fixtures.active(customer, Role.CUSTOMER_VIEWER);
		mvc.perform(get("/app/users").with(authentication(viewer.authentication()))).andExpect(status().isForbidden());
		mvc.perform(get("/app/users/new").with(authentication(orderer.authentication())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/app/users/" + admin.loginId() + "/disable").with(csrf())
			.with(authentication(viewer.authentication()))).andExpect(status().isForbidden());
		IdentityPageFixtures.Person staff = fixtures.staff(Role.STAFF_ADMIN);
		mvc.perform(get("/app/users").with(authentication(staff.authentication()))).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.5 an administrator of another customer finds none of these users, by list or by login ID")
	void anotherCustomersAdministratorSeesNothing() throws Exception {
		IdentityPageFixtures.Person other = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		mvc.perform(get("/app/users").with(authentication(other.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(other.loginId()), not(containsString(viewer.loginId())),
					not(containsString(admin.loginId())))));
		for (String step : List.of("", "/remove", "/reset", "/lost")) {
			mvc.perform(get("/app/users/" + viewer.loginId() + step).with(authentication(other.authentication())))
				.andExpect(status().isNotFound());
		}
		for (String action : List.of("disable", "enable", "resend-activation", "lost", "remove", "contact", "roles")) {
			mvc.perform(post("/app/users/" + viewer.loginId() + "/" + action).with(csrf())
				.with(authentication(other.authentication()))
				.param("name", "Taken Over").param("email", "x@example.com").param("phone", "+81 3 1234 5678")
				.param("roles", "viewer"))
				.andExpect(status().isNotFound());
		}
		assertThat(state(viewer)).isEqualTo("pending-activation");
	}

	@Test
	@DisplayName("R-7.3 the add form asks for consent to the version in force, with a link to read it, and the service limits")
	void addFormAsksForConsent() throws Exception {
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		mvc.perform(get("/app/users/new").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("I confirm that this person has consented to the Terms of Personal Information Protection, version "
							+ version + "."),
					containsString("href=\"/app/users/consent-terms\""), containsString("name=\"consentTermsVersion\" value=\""
							+ version + "\""),
					containsString("value=\"administrator\""), containsString("value=\"orderer\""),
					containsString("value=\"viewer\""), containsString("name=\"serviceScope\""),
					containsString("Arcstar Universal One"), containsString("name=\"thirdParty\""),
					containsString("name=\"language\""), containsString("identity-reauth-for-administrator"),
					not(containsString("??")))));
		mvc.perform(get("/app/users/consent-terms").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Terms of Personal Information Protection for the Customer Portal")));
	}

	@Test
	@DisplayName("R-7.3 without the consent confirmation nobody is registered, and the checkbox says why")
	void refusesWithoutConsent() throws Exception {
		String email = fixtures.email("unconsented");
		mvc.perform(addUser(email, "viewer"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Confirm that the person has consented"),
					containsString("aria-describedby=\"consent-link consent-error\""), containsString("value=\"" + email + "\""))))
			.andExpect(result -> assertThat(ActivationPageIntegrationTests.autofocused(
					result.getResponse().getContentAsString())).isEqualTo("consent-confirmed"));
		assertThat(listed(email)).isEmpty();
	}

	@Test
	@DisplayName("R-6.1 R-7.1 adding a user registers them, limited to chosen services, and queues the activation email")
	void addsUser() throws Exception {
		String email = fixtures.email("added");
		mvc.perform(addUser(email, "orderer").param("consentConfirmed", "true").param("serviceScope", "home5g")
			.param("thirdParty", "Integrator Ltd"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "identity.page.users.done.added"));
		UserView added = listed(email).get(0);
		assertThat(added.roles()).containsExactly("orderer");
		assertThat(added.serviceScope()).containsExactly("home5g");
		assertThat(added.thirdParty()).isEqualTo("Integrator Ltd");
		assertThat(fixtures.activationToken(email)).isNotBlank();

		mvc.perform(get("/app/users/" + added.loginId()).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(email), containsString("Integrator Ltd"),
					containsString("home5G"), containsString("Send a new activation link"), containsString("User added"))));
	}

	@Test
	@DisplayName("R-7.2 granting the administrator role needs the acting administrator's password and a fresh code")
	void grantingAdministratorNeedsReauthentication() throws Exception {
		String email = fixtures.email("new-admin");
		mvc.perform(addUser(email, "administrator").param("consentConfirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter your current password and a fresh one-time code")));
		mvc.perform(addUser(email, "administrator").param("consentConfirmed", "true")
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", "000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The password or the one-time code is not right."),
					not(containsString(IdentityPageFixtures.PASSWORD)))));
		assertThat(listed(email)).isEmpty();

		mvc.perform(addUser(email, "administrator").param("consentConfirmed", "true")
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(admin)))
			.andExpect(status().is3xxRedirection());
		assertThat(listed(email).get(0).roles()).containsExactly("administrator");
	}

	@Test
	@DisplayName("R-7.1 R-6.3 a new email address for a user needs the administrator's password and a fresh code")
	void changingEmailNeedsReauthentication() throws Exception {
		String user = "/app/users/" + viewer.loginId();
		String before = viewer.view().email();
		String changed = fixtures.email("moved");
		mvc.perform(post(user + "/contact").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "Moved Person").param("email", changed).param("phone", "+81 3 0000 0000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Enter your current password and a fresh one-time code"),
					containsString("id=\"contact-current-password\""))));
		mvc.perform(post(user + "/contact").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "Moved Person").param("email", changed).param("phone", "+81 3 0000 0000")
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", "000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The password or the one-time code is not right."),
					not(containsString(IdentityPageFixtures.PASSWORD)))));
		assertThat(email(viewer)).isEqualTo(before);

		mvc.perform(post(user + "/contact").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "Moved Person").param("email", changed).param("phone", "+81 3 0000 0000")
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(admin)))
			.andExpect(redirectedUrl(user));
		assertThat(email(viewer)).isEqualTo(changed);
	}

	@Test
	@DisplayName("R-7.1 R-7.4 disabling, enabling and contact changes are done, told, and recorded with who did them")
	void changesAUserAndShowsWhoDidIt() throws Exception {
		String user = "/app/users/" + viewer.loginId();
		mvc.perform(post(user + "/disable").with(csrf()).with(authentication(admin.authentication())))
			.andExpect(redirectedUrl(user))
			.andExpect(flash().attribute("done", "identity.page.user.done.disabled"));
		assertThat(state(viewer)).isEqualTo("disabled");
		mvc.perform(post(user + "/enable").with(csrf()).with(authentication(admin.authentication())))
			.andExpect(redirectedUrl(user));
		mvc.perform(post(user + "/contact").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "Renamed Person").param("email", "bad-address").param("phone", "+81 3 0000 0000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Give a valid email address"),
					containsString("aria-describedby=\"contact-email-error\""))));
		mvc.perform(post(user + "/contact").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "Renamed Person").param("email", viewer.view().email()).param("phone", "+81 3 0000 0000"))
			.andExpect(redirectedUrl(user));

		mvc.perform(get("/app/users/changes").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Who changed what"), containsString("User disabled"),
					containsString("User enabled"), containsString("Contact details changed"),
					containsString(admin.loginId()), containsString(viewer.loginId()))));
		mvc.perform(get("/app/users/changes").param("action", "user.disabled").header("HX-Request", "true")
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"changes\""), containsString("User disabled"),
					not(containsString("User enabled")), not(containsString("<html")))));
	}

	@Test
	@DisplayName("R-7.1 removing asks first, then erases the user; the last administrator is told why they cannot go")
	void removesAfterConfirmation() throws Exception {
		mvc.perform(get("/app/users/" + viewer.loginId() + "/remove").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The name, email address and telephone number are erased."),
					containsString("action=\"/app/users/" + viewer.loginId() + "/remove\""))));
		mvc.perform(post("/app/users/" + viewer.loginId() + "/remove").with(csrf())
			.with(authentication(admin.authentication())))
			.andExpect(redirectedUrl("/app/users"))
			.andExpect(flash().attribute("removed", viewer.loginId()));
		mvc.perform(get("/app/users/" + viewer.loginId()).with(authentication(admin.authentication())))
			.andExpect(status().isNotFound());

		mvc.perform(post("/app/users/" + admin.loginId() + "/disable").with(csrf())
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This would leave your company without an active administrator.")));
		mvc.perform(post("/app/users/" + admin.loginId() + "/remove").with(csrf())
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This would leave your company without an active administrator.")));
	}

	@Test
	@DisplayName("R-6.4 an administrator reports a user's login information lost, and a reset needs re-authentication")
	void reportsLostAndResets() throws Exception {
		IdentityPageFixtures.Person orderer = fixtures.active(customer, Role.CUSTOMER_ORDERER);
		String user = "/app/users/" + orderer.loginId();
		mvc.perform(post(user + "/lost").with(csrf()).with(authentication(admin.authentication())))
			.andExpect(redirectedUrl(user));
		assertThat(state(orderer)).isEqualTo("locked");

		mvc.perform(post(user + "/reset").with(csrf()).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter your current password and a fresh one-time code")));
		mvc.perform(post(user + "/reset").with(csrf()).with(authentication(admin.authentication()))
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(admin)))
			.andExpect(redirectedUrl(user));
		assertThat(state(orderer)).isEqualTo("pending-activation");
	}

	@Test
	@DisplayName("every form of the user pages needs its CSRF token")
	void needsCsrf() throws Exception {
		mvc.perform(post("/app/users/" + viewer.loginId() + "/disable").with(authentication(admin.authentication())))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder addUser(String email, String role) {
		return post("/app/users").with(csrf()).with(authentication(admin.authentication()))
			.param("name", "New Person")
			.param("email", email)
			.param("phone", "+81 3 5555 0000")
			.param("roles", role)
			.param("language", "ja")
			.param("consentTermsVersion", String.valueOf(terms.requireInForce(Terms.PERSONAL_INFORMATION).version()));
	}

	private List<UserView> listed(String email) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> administration.users(customer, email));
	}

	private String email(IdentityPageFixtures.Person person) {
		return tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> administration.user(customer, person.loginId()).email());
	}

	private String state(IdentityPageFixtures.Person person) {
		return tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> administration.user(customer, person.loginId()).state());
	}
}
