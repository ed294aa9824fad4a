package portal.identity;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.notices.EmailOutbox;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;
import portal.identity.administration.UserStates;
import portal.identity.credentials.Totp;

@PortalIntegrationTest
@DisplayName("R-6, R-7 Identity and access")
class IdentityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

	@Autowired
	UserStates states;

	@Autowired
	Activation activation;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures fixtures;

	UUID alpha;

	UUID beta;

	@BeforeEach
	void twoCustomers() {
		alpha = UUID.randomUUID();
		beta = UUID.randomUUID();
	}

	@Test
	@DisplayName("R-6.1 R-6.3 a signed-in user reads their profile; the session id changes at sign-in (no fixation)")
	void signInRenewsSessionAndOpensProfile() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		// A session that exists before sign-in (here the one remembering the page asked for) is
		// replaced at sign-in, never promoted.
		Cookie before = mvc.perform(get("/app/profile")).andReturn().getResponse().getCookie("PORTAL_SESSION");
		assertThat(before).isNotNull();
		MvcResult signedIn = mvc.perform(post("/sign-in").cookie(before).param("username", admin.loginId())
			.param("password", admin.password()).param("code", fixtures.nextCode(admin)).with(csrf()))
			.andExpect(redirectedUrl("http://localhost/app/profile?continue"))
			.andReturn();
		Cookie after = signedIn.getResponse().getCookie("PORTAL_SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		mvc.perform(get("/api/v1/me").cookie(before)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(after))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.loginId").value(admin.loginId()))
			.andExpect(jsonPath("$.user.passwordHash").doesNotExist())
			.andExpect(jsonPath("$.jointUse[0].companyCode").value("COMPANY"));
	}

	@Test
	@DisplayName("R-6.1 staff land on the console after sign-in")
	void staffLandOnConsole() throws Exception {
		AccountFixtures.ActiveUser desk = fixtures.staffMember(Role.STAFF_DESK);
		mvc.perform(post("/sign-in").param("username", desk.loginId()).param("password", desk.password())
			.param("code", fixtures.nextCode(desk)).with(csrf()))
			.andExpect(redirectedUrl("/console"));
	}

	@Test
	@DisplayName("R-6.2 unknown login ID, wrong password, wrong code and locked account get the same answer")
	void refusalsLookAlike() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		String unknown = signInAnswer("CP99999999", "whatever password", "000000");
		String wrongPassword = signInAnswer(user.loginId(), "not the password at all", fixtures.nextCode(user));
		String wrongCode = signInAnswer(user.loginId(), user.password(), "000000");
		assertThat(unknown).isEqualTo("/sign-in?error");
		assertThat(wrongPassword).isEqualTo(unknown);
		assertThat(wrongCode).isEqualTo(unknown);
		for (int i = 0; i < 5; i++) {
			signInAnswer(user.loginId(), "still not the password", "000000");
		}
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo(unknown);
		clock.advance(Duration.ofMinutes(16));
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/app");
	}

	@Test
	@DisplayName("R-6.2 R-AUD every sign-in attempt is audited with outcome and login ID, never a secret")
	void signInAttemptsAreAudited() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		signInAnswer(user.loginId(), "a wrong password here", "000000");
		fixtures.signIn(mvc, user);
		var details = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT action || ' ' || details::text FROM audit.entries
				WHERE target_id = ? AND action LIKE 'sign-in.%' ORDER BY id""").param(user.loginId()).query(String.class)
			.list());
		assertThat(details).hasSize(2);
		assertThat(details.get(0)).startsWith("sign-in.failed").contains("wrong-password");
		assertThat(details.get(1)).startsWith("sign-in.succeeded");
		assertThat(String.join(" ", details)).doesNotContain(user.password()).doesNotContain("a wrong password here");
	}

	@Test
	@DisplayName("R-6.2 a hash made with weaker parameters is replaced at the next sign-in")
	void rehashesOnSignIn() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		var weak = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1);
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("UPDATE identity.accounts SET password_hash = ? WHERE login_id = ?")
			.params(weak.encode(user.password()), user.loginId()).update());
		fixtures.signIn(mvc, user);
		String hash = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT password_hash FROM identity.accounts WHERE login_id = ?").param(user.loginId())
			.query(String.class).single());
		assertThat(hash).startsWith("$argon2id$").contains("m=19456,t=2,p=1");
	}

	@Test
	@DisplayName("R-6.4 a lost/stolen report ends a working session and a working token at once")
	void lostCredentialsRevokeSessionsAndTokens() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		String token = createToken(session);
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		Cookie adminSession = fixtures.signIn(mvc, admin);
		mvc.perform(post("/api/v1/users/{id}/lost-credentials", user.loginId()).cookie(adminSession).with(csrf()))
			.andExpect(status().isAccepted());

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/sign-in?error");
		mvc.perform(get("/api/v1/console/lost-credential-reports")
			.cookie(fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.loginId == '" + user.loginId() + "')]").exists());
	}

	@Test
	@DisplayName("R-6.3 ASVS 7.5.2 a user lists and ends their own sessions after re-authenticating; an administrator ends a user's sessions")
	void sessionsCanBeEnded() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		Cookie first = fixtures.signIn(mvc, user);
		Cookie second = fixtures.signIn(mvc, user);
		String list = mvc.perform(get("/api/v1/me/sessions").cookie(first))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andReturn().getResponse().getContentAsString();
		String other = com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(list, "$[?(@.current == false)].handle")
			.get(0);
		mvc.perform(delete("/api/v1/me/sessions/{handle}", other).cookie(first).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("reauthentication-required")));
		mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isOk());
		MvcResult ended = mvc.perform(delete("/api/v1/me/sessions/{handle}", other).cookie(first).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + user.password() + "\",\"code\":\"" + fixtures.nextCode(user) + "\"}"))
			.andExpect(status().isNoContent())
			.andReturn();
		mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isUnauthorized());
		// The confirmation gave this session a new id (ASVS 7.2.4).
		first = ended.getResponse().getCookie("PORTAL_SESSION");
		mvc.perform(get("/api/v1/me").cookie(first)).andExpect(status().isOk());
		mvc.perform(delete("/api/v1/users/{id}/sessions", user.loginId()).cookie(fixtures.signIn(mvc, admin)).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").cookie(first)).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("R-7.2 a change of roles ends the user's sessions, so no session keeps the old roles")
	void roleChangeEndsSessions() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser other = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		Cookie otherSession = fixtures.signIn(mvc, other);
		mvc.perform(get("/api/v1/users").cookie(otherSession)).andExpect(status().isOk());
		mvc.perform(patch("/api/v1/users/{id}", other.loginId()).cookie(fixtures.signIn(mvc, admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"viewer\"]}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/users").cookie(otherSession)).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("R-7.5 staff of an affiliate cannot register staff; the Company's staff register affiliate staff")
	void affiliateStaffCannotWidenTheirScope() {
		tenancy.run(Actor.staff("ST-SG-ADMIN"), TenantScope.company("NTT-SINGAPORE"), () -> org.assertj.core.api
			.Assertions.assertThatThrownBy(() -> staff.addStaff("Wide Person", "wide-" + UUID.randomUUID()
					+ "@example.test", "+65 6000 0000", java.util.EnumSet.of(Role.STAFF_ADMIN), null, "en"))
			.isInstanceOf(IdentityException.class)
			.satisfies(refusal -> org.assertj.core.api.Assertions
				.assertThat(((IdentityException) refusal).offendingField()).hasValue("companyScope")));
		UserView narrow = tenancy.call(Actor.staff("ST-ADMIN"), TenantScope.allCustomers(), () -> staff.addStaff(
				"Narrow Person", "narrow-" + UUID.randomUUID() + "@example.test", "+65 6000 0001",
				java.util.EnumSet.of(Role.STAFF_DESK), "NTT-SINGAPORE", "en"));
		assertThat(narrow.companyScope()).isEqualTo("NTT-SINGAPORE");
		tenancy.run(Actor.staff("ST-ADMIN"), TenantScope.allCustomers(), () -> org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> staff.addStaff("Odd Person", "odd-" + UUID.randomUUID() + "@example.test",
					"+65 6000 0002", java.util.EnumSet.of(Role.STAFF_DESK), "NOT-A-COMPANY", "en"))
			.isInstanceOf(IdentityException.class));
	}

	@Test
	@DisplayName("R-7.5 staff of an affiliate reach their own account and tokens, and no other staff account")
	void affiliateStaffReachTheirOwnAccount() throws Exception {
		UserView created = tenancy.call(Actor.staff("ST-ADMIN"), TenantScope.allCustomers(), () -> staff.addStaff(
				"Affiliate Desk", "aff-" + UUID.randomUUID() + "@example.test", "+65 6000 0003",
				java.util.EnumSet.of(Role.STAFF_DESK), "NTT-SINGAPORE", "en"));
		String token = fixtures.mailedToken(created.email());
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String password = "quiet lantern morning " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(activation.activate(token, password, password,
				Totp.code(offer.totpSecret(), Totp.step(clock.instant())), true,
				offer.personalInformationTerms().version()).succeeded()).isTrue();
		AccountFixtures.ActiveUser desk = new AccountFixtures.ActiveUser(created.loginId(), password,
				offer.totpSecret(), null, created.email(), java.util.Set.of(Role.STAFF_DESK));
		AccountFixtures.ActiveUser otherStaff = fixtures.staffMember(Role.STAFF_AUDITOR);
		Cookie session = fixtures.signIn(mvc, desk);
		mvc.perform(get("/api/v1/me").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.loginId").value(desk.loginId()));
		createToken(session);
		mvc.perform(get("/api/v1/console/users").param("search", otherStaff.loginId()).cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	@DisplayName("R-6.2 the right password with a wrong code warns the person by mail; tokens cannot withdraw")
	void knownPasswordIsReported() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		assertThat(signInAnswer(user.loginId(), user.password(), "000000")).isEqualTo("/sign-in?error");
		var mails = tenancy.call(Actor.job("test"), TenantScope.system(), () -> outbox.recent(50));
		assertThat(mails).anySatisfy(mail -> {
			assertThat(mail.recipient()).isEqualTo(user.email());
			assertThat(mail.subject()).contains("Someone used your Customer Portal password");
		});
		String token = createToken(fixtures.signIn(mvc, user));
		mvc.perform(delete("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-6.2 R-6.4 ten wrong codes after the right password lock the account as lost, across temporary locks")
	void guessedCodesLockTheAccount() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
		for (int i = 1; i <= 10; i++) {
			assertThat(signInAnswer(user.loginId(), user.password(), "000000")).isEqualTo("/sign-in?error");
			if (i % 5 == 0) {
				// Each fifth failure locks for a while; the count of wrong codes goes on afterwards.
				clock.advance(Duration.ofMinutes(16));
			}
			if (i == 9) {
				mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
			}
		}
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/sign-in?error");
		Account locked = tenancy.call(Actor.job("test"), TenantScope.system(), () -> accounts.byLoginId(user.loginId()))
			.orElseThrow();
		assertThat(locked.state()).isEqualTo(AccountState.LOCKED);
		assertThat(locked.credentials().passwordHash()).isNull();
		var mails = tenancy.call(Actor.job("test"), TenantScope.system(), () -> outbox.recent(50));
		assertThat(mails).anySatisfy(mail -> {
			assertThat(mail.recipient()).isEqualTo(user.email());
			assertThat(mail.subject()).contains("locked after wrong one-time codes");
		});
		assertThat(mails).anySatisfy(mail -> assertThat(mail.recipient()).isEqualTo(admin.email()));
		Cookie desk = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK));
		mvc.perform(get("/api/v1/console/lost-credential-reports").cookie(desk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.loginId == '%s')].channel".formatted(user.loginId())).value("wrong-codes"));
	}

	@Test
	@DisplayName("R-6.2 registering staff needs the administrator's password and a fresh one-time code")
	void registeringStaffNeedsReauthentication() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.staffMember(Role.STAFF_ADMIN);
		Cookie session = fixtures.signIn(mvc, admin);
		String body = """
				{"name":"New Desk","email":"desk-%s@example.test","phone":"+81 3 1111 2222","roles":["desk"],
				 "currentPassword":"%s","code":"%s"}""";
		mvc.perform(post("/api/v1/console/users").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(UUID.randomUUID(), "not my password", fixtures.nextCode(admin))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/console/users").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(UUID.randomUUID(), admin.password(), fixtures.nextCode(admin))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.loginId").value(org.hamcrest.Matchers.startsWith("ST")));
	}

	@Test
	@DisplayName("R-6.4 a report from the sign-in page answers the same whether or not the details match")
	void anonymousReportRevealsNothing() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		String body = "{\"loginId\":\"%s\",\"email\":\"%s\"}";
		mvc.perform(post("/api/v1/public/lost-credentials").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("CP99999999", "nobody@example.test"))).andExpect(status().isAccepted());
		mvc.perform(post("/api/v1/public/lost-credentials").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(user.loginId(), "wrong@example.test"))).andExpect(status().isAccepted());
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/app");
		mvc.perform(post("/api/v1/public/lost-credentials").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(user.loginId(), user.email().toUpperCase()))).andExpect(status().isAccepted());
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/sign-in?error");
	}

	@Test
	@DisplayName("R-7.5 an administrator of customer A can neither see nor change users of customer B")
	void administratorsStayInTheirCustomer() throws Exception {
		AccountFixtures.ActiveUser adminA = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser userB = fixtures.customerUser(beta, Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, adminA);
		mvc.perform(get("/api/v1/users/{id}", userB.loginId()).cookie(session)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/users").param("search", userB.loginId()).cookie(session))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/users").param("search", "user-").cookie(session))
			.andExpect(jsonPath("$[*].customerId").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is(alpha.toString()))));
		mvc.perform(patch("/api/v1/users/{id}", userB.loginId()).cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"disabled\":true}")).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/users/{id}", userB.loginId()).cookie(session).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/users/{id}/lost-credentials", userB.loginId()).cookie(session).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(signInAnswer(userB.loginId(), userB.password(), fixtures.nextCode(userB))).isEqualTo("/app");
	}

	@Test
	@DisplayName("R-7.1 R-7.3 adding a user needs the consent confirmation, issues a login ID and mails the link")
	void addingUserNeedsConsentAndMailsLink() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		Cookie session = fixtures.signIn(mvc, admin);
		String user = """
				{"name":"Mika Aoki","email":"mika.aoki@example.test","phone":"+81 3 5555 0101","roles":["viewer"],
				 "consentConfirmed":%s,"consentTermsVersion":1}""";
		mvc.perform(post("/api/v1/users").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(user.formatted("false")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("consent")));
		mvc.perform(post("/api/v1/users").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(user.formatted("true")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.loginId").value(org.hamcrest.Matchers.matchesPattern("CP\\d{8}")))
			.andExpect(jsonPath("$.state").value("pending-activation"));
		assertThat(fixtures.mailedToken("mika.aoki@example.test")).isNotBlank();
	}

	@Test
	@DisplayName("R-7.1 the last active administrator can be neither demoted, disabled nor withdrawn")
	void lastAdministratorStays() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		Cookie session = fixtures.signIn(mvc, admin);
		mvc.perform(patch("/api/v1/users/{id}", admin.loginId()).cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"viewer\"]}"))
			.andExpect(status().isConflict());
		mvc.perform(patch("/api/v1/users/{id}", admin.loginId()).cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"disabled\":true}"))
			.andExpect(status().isConflict());
		mvc.perform(delete("/api/v1/me").cookie(session).with(csrf())).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
	}

	@Test
	@DisplayName("R-PI.3 withdrawal erases personal information, retires the login ID and ends access")
	void withdrawalErasesPersonalInformation() throws Exception {
		fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser user = fixtures.customerUser(alpha, Role.CUSTOMER_ORDERER);
		Cookie session = fixtures.signIn(mvc, user);
		mvc.perform(delete("/api/v1/me").cookie(session).with(csrf())).andExpect(status().isNoContent());
		Account retired = tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> accounts.byLoginId(user.loginId()).orElseThrow());
		assertThat(retired.state()).isEqualTo(AccountState.RETIRED);
		assertThat(retired.name()).isNull();
		assertThat(retired.email()).isNull();
		assertThat(retired.view().phone()).isNull();
		assertThat(signInAnswer(user.loginId(), user.password(), fixtures.nextCode(user))).isEqualTo("/sign-in?error");
		long trail = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM audit.entries WHERE action = 'user.withdrew' AND target_id = ?")
			.param(user.loginId()).query(Long.class).single());
		assertThat(trail).isEqualTo(1);
	}

	@Test
	@DisplayName("R-6.1 activation links are single-use and a resend invalidates the previous one")
	void activationLinksAreSingleUse() {
		String email = "link-" + UUID.randomUUID() + "@example.test";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		UserView user = tenancy.call(Actor.job("test"), TenantScope.system(), () -> administration.add(alpha,
				new NewUser("Link Tester", email, "+81 3 0000 1111", java.util.Set.of(Role.CUSTOMER_VIEWER),
						java.util.List.of(), java.util.List.of(), null, "en", true, version)));
		String first = fixtures.mailedToken(email);
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> states.resendActivation(alpha, user.loginId()));
		String second = fixtures.mailedToken(email);
		assertThat(second).isNotEqualTo(first);
		assertThat(activation.offer(first)).isEmpty();
		assertThat(activation.offer(second)).isPresent();
		clock.advance(Duration.ofHours(73));
		assertThat(activation.offer(second)).isEmpty();
	}

	@Test
	@DisplayName("R-6.2 API tokens can only be created from a session, and act with the owner's roles")
	void tokensComeFromSessionsOnly() throws Exception {
		AccountFixtures.ActiveUser viewer = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		String token = createToken(fixtures.signIn(mvc, viewer));
		mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"more\",\"validDays\":30}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized());
	}

	private String createToken(Cookie session) throws Exception {
		String body = mvc.perform(post("/api/v1/me/tokens").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"test\",\"validDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.secret");
	}

	private String signInAnswer(String loginId, String password, String code) throws Exception {
		return mvc.perform(post("/sign-in").param("username", loginId).param("password", password).param("code", code)
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
	}
}
