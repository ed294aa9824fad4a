package portal.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;
import portal.terms.Terms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rules about credentials and the records of their use that the ASVS map
 * (docs/security/asvs.md) cites: exact passwords, no expiry, no default accounts, no hints,
 * UTC audit times, and log lines that typed text cannot forge.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("R-6.2 R-AUD Credential rules and their records (ASVS map)")
class CredentialRulesIntegrationTests {

	private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserAdministration administration;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	UUID customer;

	AccountFixtures.ActiveUser user;

	@BeforeEach
	void user() {
		customer = UUID.randomUUID();
		user = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
	}

	@Test
	@DisplayName("ASVS 6.2.8 R-6.2 a password differing by a trailing space, case or trimming does not sign in; the exact one does")
	void passwordsAreComparedAsTyped() throws Exception {
		String password = user.password();
		// Four near misses: a fifth failure would lock the account for a while.
		for (String near : List.of(password + " ", password.toUpperCase(),
				Character.toUpperCase(password.charAt(0)) + password.substring(1), password.replace(" ", ""))) {
			assertThat(signIn(user.loginId(), near)).as("'%s'", near).isEqualTo("/sign-in?error");
		}
		assertThat(signIn(user.loginId(), password)).isEqualTo("/app");
	}

	@Test
	@DisplayName("ASVS 6.2.10 R-6.2 a password set over a year ago still signs in, with no change forced")
	void passwordsDoNotExpire() throws Exception {
		// The password's age is moved rather than the clock every test shares: it was set 400 days ago.
		int aged = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				UPDATE identity.accounts SET credentials_at = credentials_at - interval '400 days',
				activated_at = activated_at - interval '400 days', created_at = created_at - interval '400 days'
				WHERE login_id = ?""").param(user.loginId()).update());
		assertThat(aged).isEqualTo(1);
		Cookie session = fixtures.signIn(mvc, user);
		assertThat(mvc.perform(get("/app").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/app/profile").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	@DisplayName("ASVS 6.3.2 with an external database and no demo setting, no demo seeder runs and no demo account exists")
	void noDefaultAccounts() {
		assertThat(DemoModeEnabled.isEnabled(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example/portal"))).isFalse();
		assertThat(DemoModeEnabled.isEnabled(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example/portal")
			.withProperty("portal.demo", "false"))).isFalse();
		assertThat(DemoModeEnabled.isEnabled(new MockEnvironment().withProperty("portal.demo", "false"))).isFalse();
		// The test context runs with demo mode off: not one seeder bean, not one demo account.
		assertThat(context.getBeanNamesForType(DemoSeeder.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DemoModeEnabled.class)).isEmpty();
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM identity.accounts WHERE email LIKE '%demo%' OR login_id ILIKE '%demo%' "
					+ "OR login_id IN ('admin', 'administrator', 'root', 'test', 'guest')")
			.query(Long.class).single())).isZero();
	}

	@Test
	@DisplayName("ASVS 6.4.2 R-6.2 activation, lost-credentials and password forms ask for no hint and no secret question")
	void noHintsOrQuestions() throws Exception {
		String email = "pending-" + customer + "@example.test";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		tenancy.call(Actor.job("fixture"), TenantScope.system(), () -> administration.add(customer,
				new NewUser("Pending Person", email, "+81 3 1234 5678", EnumSet.of(Role.CUSTOMER_VIEWER), List.of(),
						List.of(), null, "en", true, version)));
		String activation = page(get("/activate")) + page(post("/activate/offer").with(csrf())
			.param("token", fixtures.mailedToken(email)));
		Set<String> activationFields = fields(activation);
		assertThat(activationFields).contains("password", "code");
		Cookie session = fixtures.signIn(mvc, user);
		Set<String> all = new TreeSet<>(activationFields);
		all.addAll(fields(page(get("/lost-credentials"))));
		all.addAll(fields(page(get("/sign-in"))));
		String profile = page(get("/app/profile").cookie(session));
		all.addAll(fields(profile));
		assertThat(all).as("every field of these forms").isNotEmpty()
			.noneMatch(name -> name.matches("(?i).*(hint|question|answer|reminder|memorable|mother|pet).*"));
		for (String text : List.of(activation, profile)) {
			assertThat(text.toLowerCase()).doesNotContain("password hint", "secret question", "security question");
		}
	}

	@Test
	@DisplayName("ASVS 16.2.2 R-AUD audit times are timestamptz, stored at the portal clock's instant and answered in UTC")
	void auditTimesAreUtc() throws Exception {
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT data_type FROM information_schema.columns
				WHERE table_schema = 'audit' AND table_name = 'entries' AND column_name = 'occurred_at'""")
			.query(String.class).single())).isEqualTo("timestamp with time zone");
		String code = fixtures.nextCode(user);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		mvc.perform(post("/sign-in").param("username", user.loginId()).param("password", "not the password")
			.param("code", code).with(csrf())).andReturn();
		String body = mvc.perform(get("/api/v1/audit").param("action", "sign-in.failed")
			.with(authentication(TestPrincipals.customerUser("CP-AUDITOR", customer, "ADMINISTRATOR"))))
			.andReturn().getResponse().getContentAsString();
		JsonNode entries = JsonMapper.builder().build().readTree(body).path("entries");
		assertThat(entries.size()).isEqualTo(1);
		String occurredAt = entries.get(0).path("occurredAt").asString();
		assertThat(occurredAt).endsWith("Z");
		assertThat(Instant.parse(occurredAt).truncatedTo(ChronoUnit.MICROS)).isEqualTo(at);
	}

	@Test
	@DisplayName("ASVS 16.4.1 R-AUD CR/LF typed into a login ID reaches neither the audit trail nor a log line")
	void logInjectionIsHarmless(CapturedOutput output) throws Exception {
		String marker = "FORGED-" + customer.toString().substring(0, 8);
		String origin = "192.0.2." + (1 + (int) (Math.abs(customer.getMostSignificantBits()) % 250));
		for (String loginId : List.of(user.loginId() + "\r\n2026-11-30T00:00:00.000Z  INFO 1 --- [main] " + marker,
				"\n" + marker + " sign-in.succeeded", user.loginId() + "\u2028" + marker)) {
			mvc.perform(post("/sign-in").with(from(origin)).param("username", loginId).param("password", "x")
				.param("code", "000000").with(csrf())).andReturn();
		}
		// Typed login IDs that are not issued ones are recorded under a fixed word, never as typed.
		List<String> targets = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT target_id FROM audit.entries WHERE action = 'sign-in.failed' AND origin = ?").param(origin)
			.query(String.class).list());
		assertThat(targets).hasSize(3).containsOnly("(malformed)");
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM audit.entries WHERE origin = ? AND (target_id || actor || details::text) LIKE ?")
			.params(origin, "%" + marker + "%").query(Long.class).single())).isZero();
		assertThat(output.getAll()).doesNotContain(marker);
	}

	private String signIn(String loginId, String password) throws Exception {
		return mvc.perform(post("/sign-in").param("username", loginId).param("password", password)
			.param("code", fixtures.nextCode(user)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static Set<String> fields(String html) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = FIELD.matcher(html);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
