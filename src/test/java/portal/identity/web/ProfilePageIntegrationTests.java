package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import portal.PortalIntegrationTest;
import portal.identity.IdentityException;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.identity.tokens.PersonalTokens;
import portal.notices.Email;
import portal.notices.EmailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PortalIntegrationTest
@DisplayName("R-PI.1–R-PI.3 The profile page")
class ProfilePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAdministration administration;

	@Autowired
	PersonalTokens tokens;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EmailOutbox outbox;

	IdentityPageFixtures fixtures;

	UUID customer;

	IdentityPageFixtures.Person viewer;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
		viewer = fixtures.active(customer, Role.CUSTOMER_VIEWER);
	}

	@Test
	@DisplayName("R-PI.1 R-PI.2 the page shows exactly name, email, telephone and login ID, and the joint-use register")
	void showsPersonalInformationAndJointUse() throws Exception {
		String page = mvc.perform(get("/app/profile").with(authentication(viewer.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("Personal information"),
					containsString(viewer.view().name()), containsString(viewer.view().email()),
					containsString("+81 3 0000 0000"), containsString(viewer.loginId()),
					containsString("Joint use of your personal information"), containsString("Country or region"),
					containsString("Sessions"), containsString("API tokens"), containsString("Change your password"),
					containsString("Delete my registration"), not(containsString("??")))))
			.andReturn().getResponse().getContentAsString();
		String personal = page.substring(page.indexOf("id=\"personal-information\""), page.indexOf("</dl>",
				page.indexOf("id=\"personal-information\"")));
		assertThat(Pattern.compile("<dt").matcher(personal).results().count()).isEqualTo(4);
		assertThat(page.substring(page.indexOf("id=\"joint-use\""))).contains("<td>Japan</td>");
	}

	@Test
	@DisplayName("R-23 the profile speaks Japanese")
	void japanese() throws Exception {
		mvc.perform(get("/app/profile").param("lang", "ja").with(authentication(viewer.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""), containsString("個人情報の共同利用"),
					containsString("日本"), containsString("APIトークン"), containsString("登録の削除"),
					not(containsString("??")))));
	}

	@Test
	@DisplayName("staff reach their profile in the console, customers' users in the portal, and neither in the other's area")
	void eachAreaHasItsProfile() throws Exception {
		IdentityPageFixtures.Person desk = fixtures.staff(Role.STAFF_DESK);
		mvc.perform(get("/console/profile").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(desk.loginId()), containsString("area-console"),
					containsString("action=\"/console/profile/tokens\""))));
		mvc.perform(get("/app/profile").with(authentication(desk.authentication()))).andExpect(status().isForbidden());
		mvc.perform(get("/console/profile").with(authentication(viewer.authentication())))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("ASVS 7.4 7.5.2 people see their sessions, the current one marked in words, and end another one only after confirming it is them")
	void listsAndEndsSessions() throws Exception {
		Cookie[] here = signIn(viewer);
		Cookie[] elsewhere = signIn(viewer);
		String page = mvc.perform(get("/app/profile").cookie(here))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This session"), containsString("End"),
					containsString("action=\"/app/profile/sessions/end\""))))
			.andReturn().getResponse().getContentAsString();
		Matcher end = Pattern.compile("name=\"handle\" value=\"([0-9a-f]+)\"").matcher(page);
		assertThat(end.find()).isTrue();
		String other = end.group(1);
		assertThat(end.find()).as("only the other session has an end button").isFalse();

		mvc.perform(post("/app/profile/sessions/end").cookie(here).with(csrf()).header("HX-Request", "true")
			.param("handle", other))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"sessions-reauth-error\""),
					containsString("aria-invalid=\"true\""), not(containsString("The session has ended.")))));
		mvc.perform(post("/app/profile/sessions/end").cookie(here).with(csrf()).header("HX-Request", "true")
			.param("handle", other).param("currentPassword", "not my password").param("code", fixtures.freshCode(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sessions-reauth-error\"")));
		mvc.perform(get("/app/profile").cookie(elsewhere)).andExpect(status().isOk());

		MvcResult ended = mvc.perform(post("/app/profile/sessions/end").cookie(here).with(csrf())
			.header("HX-Request", "true").param("handle", other)
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"sessions\""), containsString("The session has ended."),
					not(containsString("<html")))))
			.andReturn();
		mvc.perform(get("/app/profile").cookie(elsewhere)).andExpect(status().is3xxRedirection());
		// The confirmation renewed this session's id (ASVS 7.2.4): the new cookie carries on.
		mvc.perform(get("/app/profile").cookie(ended.getResponse().getCookie("PORTAL_SESSION"))).andExpect(status().isOk());
	}

	@Test
	@DisplayName("ASVS 7.5.2 people end all their other sessions at once, after confirming it is them")
	void endsAllOtherSessions() throws Exception {
		Cookie[] here = signIn(viewer);
		Cookie[] second = signIn(viewer);
		Cookie[] third = signIn(viewer);
		mvc.perform(post("/app/profile/sessions/end").cookie(here).with(csrf()).param("others", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sessions-reauth-error\"")));
		mvc.perform(get("/app/profile").cookie(second)).andExpect(status().isOk());

		MvcResult ended = mvc.perform(post("/app/profile/sessions/end").cookie(here).with(csrf()).param("others", "true")
			.param("currentPassword", IdentityPageFixtures.PASSWORD).param("code", fixtures.freshCode(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your other sessions have ended.")))
			.andReturn();
		mvc.perform(get("/app/profile").cookie(second)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/app/profile").cookie(third)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/app/profile").cookie(ended.getResponse().getCookie("PORTAL_SESSION"))).andExpect(status().isOk());
	}

	@Test
	@DisplayName("a new API token's secret is shown once: as the htmx fragment, or in the whole page without htmx")
	void createsTokenShowingTheSecretOnce() throws Exception {
		String fragment = mvc.perform(post("/app/profile/tokens").with(csrf())
			.with(authentication(viewer.authentication()))
			.header("HX-Request", "true")
			.param("name", "nightly export")
			.param("validDays", "30"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("id=\"tokens\""), containsString("nightly export"),
					containsString("readonly"), containsString("never shows it again"), not(containsString("<html")),
					not(containsString("Skip to main content")))))
			.andReturn().getResponse().getContentAsString();
		Matcher secret = Pattern.compile("value=\"(cpt_[A-Za-z0-9_\\-]+)\"").matcher(fragment);
		assertThat(secret.find()).isTrue();

		mvc.perform(post("/app/profile/tokens").with(csrf())
			.with(authentication(viewer.authentication()))
			.param("name", "second")
			.param("validDays", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Skip to main content"),
					containsString("The token “second” is ready."))));

		mvc.perform(get("/app/profile").with(authentication(viewer.authentication())))
			.andExpect(content().string(allOf(containsString("nightly export"), not(containsString(secret.group(1))))));
	}

	@Test
	@DisplayName("a token is revoked only after the confirmation step")
	void revokesAfterConfirmation() throws Exception {
		var token = tenancy.call(viewer.user().actor(), viewer.user().scope(),
				() -> tokens.create(viewer.user(), "to revoke", 10)).token();
		String path = "/app/profile/tokens/" + token.id() + "/revoke";
		mvc.perform(post(path).with(csrf()).with(authentication(viewer.authentication())).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Revoke the token “to revoke”?"),
					containsString("name=\"confirmed\""), not(containsString("<html")))));
		assertThat(tokenState(token.id())).isNull();

		mvc.perform(post(path).with(csrf()).with(authentication(viewer.authentication())).param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The token is revoked."), containsString("<html"))));
		assertThat(tokenState(token.id())).isNotNull();
	}

	@Test
	@DisplayName("R-6.2 changing the password needs the current password and a fresh code; refusals show beside the fields")
	void changesPasswordAfterReauthentication() throws Exception {
		mvc.perform(post("/app/profile/password").with(csrf()).with(authentication(viewer.authentication()))
			.header("HX-Request", "true")
			.param("currentPassword", "not my password")
			.param("code", "123456")
			.param("newPassword", "a brand new passphrase 7")
			.param("newPasswordRepeat", "a brand new passphrase 7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password\""),
					containsString("The password or the one-time code is not right."),
					containsString("aria-describedby=\"password-reauth-error\""), not(containsString("<html")),
					not(containsString("a brand new passphrase 7")))));

		mvc.perform(post("/app/profile/password").with(csrf()).with(authentication(viewer.authentication()))
			.param("currentPassword", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.freshCode(viewer))
			.param("newPassword", "short")
			.param("newPasswordRepeat", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Use at least 12 characters."),
					containsString("id=\"new-password-error\""))));

		mvc.perform(post("/app/profile/password").with(csrf()).with(authentication(viewer.authentication()))
			.header("HX-Request", "true")
			.param("currentPassword", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.freshCode(viewer))
			.param("newPassword", "a brand new passphrase 7")
			.param("newPasswordRepeat", "a brand new passphrase 7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your password has been changed.")));
	}

	@Test
	@DisplayName("R-PI.3 deleting one's registration explains the consequences first, then erases and signs out")
	void withdrawsAfterConfirmation() throws Exception {
		mvc.perform(get("/app/profile/withdraw").with(authentication(viewer.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your name, email address and telephone number are erased."),
					containsString("Your login ID is retired for good"), containsString("you are signed out"),
					containsString("name=\"confirmed\""))));

		mvc.perform(post("/app/profile/withdraw").with(csrf()).with(authentication(viewer.authentication()))
			.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your registration is deleted"),
					not(containsString(viewer.view().email())))));

		assertThatThrownBy(() -> tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> administration.user(customer, viewer.loginId()))).isInstanceOf(IdentityException.class);
	}

	@Test
	@DisplayName("R-PI.3 withdrawing erases the person's name and address from queued and sent mails in the outbox")
	void withdrawalErasesThePersonFromTheOutbox() throws Exception {
		String email = viewer.view().email();
		String name = viewer.view().name();
		UUID queued = queue(email, "Dear " + name + ", maintenance on your line starts tonight.");
		UUID sent = queue(email, "Dear " + name + ", your order is confirmed.");
		asSystem(() -> jdbc.sql("UPDATE notices.outbox SET sent_at = now() WHERE id = ?").param(sent).update());
		assertThat(outboxRowsMentioning(email, name, queued, sent)).isGreaterThanOrEqualTo(2);

		mvc.perform(post("/app/profile/withdraw").with(csrf()).with(authentication(viewer.authentication()))
			.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your registration is deleted")));

		assertThat(outboxRowsMentioning(email, name, queued, sent)).isZero();
		assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM notices.outbox WHERE id = ?").param(queued)
			.query(Integer.class).single())).as("the queued mail is dropped").isZero();
		String kept = asSystem(() -> jdbc.sql("SELECT recipient || ' | ' || body FROM notices.outbox WHERE id = ?")
			.param(sent).query(String.class).single());
		assertThat(kept).isEqualTo("erased@erased.invalid | Dear [erased], your order is confirmed.");
	}

	/** Queues a mail to the person as the portal's modules do: on behalf of their customer. */
	private UUID queue(String recipient, String body) {
		return asSystem(() -> transactions.execute(status -> outbox
			.enqueue(new Email(recipient, "Customer Portal", body, java.util.Locale.ENGLISH, customer))));
	}

	/** Mails still addressed to the person (the activation mail too), and of the two queued here those naming them. */
	private int outboxRowsMentioning(String email, String name, UUID queued, UUID sent) {
		return asSystem(() -> jdbc.sql("""
				SELECT count(*) FROM notices.outbox
				WHERE lower(recipient) = lower(?)
					OR (id IN (?, ?) AND (body LIKE '%' || ? || '%' OR subject LIKE '%' || ? || '%'))""")
			.params(email, queued, sent, name, name).query(Integer.class).single());
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), work);
	}

	@Test
	@DisplayName("R-PI.3 the last administrator cannot delete the registration, and is told why rather than shown an error")
	void lastAdministratorIsToldWhy() throws Exception {
		IdentityPageFixtures.Person admin = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		mvc.perform(post("/app/profile/withdraw").with(csrf()).with(authentication(admin.authentication()))
			.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This would leave your company without an active administrator.")));
	}

	@Test
	@DisplayName("every form of the profile needs its CSRF token")
	void needsCsrf() throws Exception {
		mvc.perform(post("/app/profile/withdraw").with(authentication(viewer.authentication())).param("confirmed", "true"))
			.andExpect(status().isForbidden());
	}

	/** Signs in through the real form, so the session is kept and indexed like any other. */
	private Cookie[] signIn(IdentityPageFixtures.Person person) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf())
			.param("username", person.loginId())
			.param("password", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.freshCode(person)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return result.getResponse().getCookies();
	}

	private Object tokenState(UUID id) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> tokens.of(viewer.user()).stream()
			.filter(token -> token.id().equals(id))
			.findFirst()
			.orElseThrow()
			.revokedAt());
	}
}
