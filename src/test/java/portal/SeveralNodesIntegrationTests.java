package portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import jakarta.servlet.http.Cookie;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.core.env.Environment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.AccountFixtures;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.accounts.IdentitySettings;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;
import portal.terms.Terms;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;

/**
 * Two nodes on one PostgreSQL, as the README's "Several nodes" section runs them: this
 * test's shared context is one node, and a second portal started here, with a real HTTP
 * server and its own data directory, connects to the same database as an external one.
 * No sticky sessions: each step goes to the node the previous step did not use. Both nodes
 * read the same clock, as the nodes of a cluster agree on the time.
 */
@PortalIntegrationTest
@DisplayName("Several nodes on one database, no sticky sessions")
class SeveralNodesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext second;

	private static HttpClient http;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	MutableClock clock;

	@Autowired
	LockProvider locks;

	@Autowired
	IdentitySettings identitySettings;

	@Autowired
	Customers customers;

	@Autowired
	AgreementLifecycle agreements;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	static void startSecondNode(@Autowired DataSource dataSource, @Autowired Environment environment,
			@Autowired MutableClock clock) throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		second = new SpringApplicationBuilder(PortalApplication.class)
			// The first node's clock, which tests move: suspensions and terms take effect by time on both.
			.initializers(context -> ((GenericApplicationContext) context).registerBean("sharedClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run("--server.port=0",
				"--portal.data-dir=target/test-data/second-node-" + UUID.randomUUID(), "--portal.demo=false",
				"--spring.datasource.url=" + pool.getJdbcUrl(), "--spring.datasource.username=" + pool.getUsername(),
				"--spring.datasource.password=" + pool.getPassword(), "--spring.datasource.hikari.maximum-pool-size=3",
				// The first node migrated the schema already.
				"--spring.flyway.enabled=false",
				// Every node seals and opens secrets with the same key.
				"--portal.secrets.key=" + environment.getProperty("portal.secrets.key"),
				"--spring.mail.host=localhost", "--spring.mail.port=3025",
				"--logging.level.root=WARN");
		http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@AfterAll
	static void stopSecondNode() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	@DisplayName("R-6.3 a session made on one node is honoured by the other, and signing out on either ends it on both")
	void sessionsAreShared() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);

		HttpResponse<String> home = onSecond("/app", session.getValue());
		assertThat(home.statusCode()).isEqualTo(200);
		Matcher token = CSRF.matcher(home.body());
		assertThat(token.find()).isTrue();

		HttpResponse<String> signOut = http.send(HttpRequest.newBuilder(secondUri("/sign-out"))
			.header("Cookie", "PORTAL_SESSION=" + session.getValue())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token.group(1),
					java.nio.charset.StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signOut.statusCode()).isEqualTo(302);

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(onSecond("/api/v1/me", session.getValue()).statusCode()).isEqualTo(401);
	}

	@Test
	@DisplayName("ASVS 7.4.5 a customer's sessions ended by its administrator on one node are refused on the other")
	void sweptSessionsEndOnEveryNode() throws Exception {
		UUID customer = UUID.randomUUID();
		AccountFixtures.ActiveUser admin = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		Cookie user = fixtures.signIn(mvc, fixtures.customerUser(customer, Role.CUSTOMER_VIEWER));
		assertThat(onSecond("/api/v1/me", user.getValue()).statusCode()).isEqualTo(200);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/users/sessions")
			.cookie(fixtures.signIn(mvc, admin)).with(csrf()))
			.andExpect(status().isOk());

		assertThat(onSecond("/api/v1/me", user.getValue()).statusCode()).isEqualTo(401);
	}

	@Test
	@DisplayName("R-6.2 a token revoked on one node stops working on the other, whose cache held it")
	void tokenCachesAreInvalidatedOnEveryNode() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		String created = mvc.perform(post("/api/v1/me/tokens").cookie(session).with(csrf())
			.contentType("application/json").content("{\"name\": \"two nodes\", \"validDays\": 1}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String secret = field(created, "secret");
		String id = field(created, "id");

		// Twice, so that the second node answers from its cache.
		assertThat(bearerOnSecond(secret)).isEqualTo(200);
		assertThat(bearerOnSecond(secret)).isEqualTo(200);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me/tokens/" + id)
			.cookie(session).with(csrf())).andExpect(status().isNoContent());

		assertThat(eventually(() -> bearerOnSecond(secret), 401)).isEqualTo(401);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("R-6.2 sign-in failures on one node count on the other: the temporary lock holds across nodes")
	void signInFailuresCountOnEveryNode() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		assertThat(signInOnSecond(user.loginId(), user.password(), fixtures.nextCode(user))).as("before any failure")
			.endsWith("/app");

		for (int i = 0; i < identitySettings.maxFailedSignIns(); i++) {
			if (i % 2 == 0) {
				mvc.perform(post("/sign-in").param("username", user.loginId()).param("password", "not the password " + i)
					.param("code", "000000").with(csrf())).andExpect(status().is3xxRedirection());
			}
			else {
				assertThat(signInOnSecond(user.loginId(), "not the password " + i, "000000")).contains("error");
			}
		}

		assertThat(signInOnSecond(user.loginId(), user.password(), fixtures.nextCode(user))).as("locked on node 2")
			.contains("error");
		String onFirst = mvc.perform(post("/sign-in").param("username", user.loginId()).param("password", user.password())
			.param("code", fixtures.nextCode(user)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(onFirst).as("locked on node 1").contains("error");
	}

	@Test
	@DisplayName("R-6.4 an abuse budget spent on one node is spent on the other: the lost-credentials form answers 429 on both")
	void rateLimitBudgetsAreShared() throws Exception {
		String loginId = "CP" + (10_000_000 + (int) (Math.random() * 80_000_000));
		String body = "{\"loginId\": \"" + loginId + "\", \"email\": \"nobody@example.test\"}";
		int perLoginId = environment().getProperty("portal.identity.lost-credential-reports-per-login-id-per-hour",
				Integer.class, 3);
		for (int i = 0; i < perLoginId; i++) {
			if (i % 2 == 0) {
				mvc.perform(post("/api/v1/public/lost-credentials").contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isAccepted());
			}
			else {
				assertThat(lostCredentialsOnSecond(body)).isEqualTo(202);
			}
		}

		assertThat(lostCredentialsOnSecond(body)).isEqualTo(429);
		mvc.perform(post("/api/v1/public/lost-credentials").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	@DisplayName("R-12.3 a suspension made through one node stops the customer's next request on the other, whose rules were cached")
	void suspensionsHoldOnEveryNode() throws Exception {
		CustomerSummary customer = tenancy.call(Actor.job("test"), TenantScope.system(), () -> {
			CustomerSummary registered = customers.register("Two Nodes Co " + UUID.randomUUID(), "JP", "1-1 Test Street");
			agreements.conclude(registered.id(), null);
			return registered;
		});
		AccountFixtures.ActiveUser user = fixtures.customerUser(customer.id(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		// Twice, so that the second node answers from the rules it keeps.
		assertThat(onSecond("/app", session.getValue()).statusCode()).isEqualTo(200);
		assertThat(onSecond("/app", session.getValue()).statusCode()).isEqualTo(200);

		String created = mvc.perform(post("/api/v1/console/suspensions")
			.with(authentication(TestPrincipals.staff("ST9000002", "SERVICE_MANAGER"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "whole", "reason": "art-11.1-4", "kind": "emergency", "end": "%s"}"""
				.formatted(customer.code(), clock.instant().plus(Duration.ofHours(2)))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

		assertThat(eventually(() -> statusOnSecond("/app", session.getValue()), 503)).isEqualTo(503);
		assertThat(onSecond("/api/v1/me", session.getValue()).statusCode()).as("the session ended with it").isEqualTo(401);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/console/suspensions/{id}", field(created, "id"))
			.with(authentication(TestPrincipals.staff("ST9000002", "SERVICE_MANAGER"))).with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	@DisplayName("R-7.3 a new version of the personal-information terms published through one node gates the next request on the other")
	void newTermsGateOnEveryNode() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures.signIn(mvc, user);
		// Twice, so that the second node answers from the versions and acceptances it keeps.
		assertThat(onSecond("/app", session.getValue()).statusCode()).isEqualTo(200);
		assertThat(onSecond("/app", session.getValue()).statusCode()).isEqualTo(200);

		// The clock stands between two microseconds, nearer the later one, as a real clock often
		// does: the database keeps microseconds, and a version must still be in force at its
		// effective time on both nodes whatever instant this run's clock started at.
		clock.advance(Duration.ofNanos(Math.floorMod(700 - clock.instant().getNano() % 1000, 1000)));
		var current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		// Scheduled a minute ahead (well within the session's idle time), so that its amendment
		// notice to every customer can be cancelled before anyone sees it: other tests' inboxes
		// stay as they were.
		Instant effective = clock.instant().plus(Duration.ofMinutes(1));
		java.util.Map<String, String> amended = new java.util.HashMap<>();
		amended.put("titleEn", current.titleEn());
		amended.put("bodyEn", current.bodyEn() + "\n\nQuestions go to the portal desk.");
		amended.put("titleJa", current.titleJa());
		amended.put("bodyJa", current.bodyJa());
		amended.put("summaryEn", "Says how to reach the desk.");
		amended.put("effectiveFrom", effective.toString());
		var publisher = authentication(TestPrincipals.staff("ST9000003", "PUBLISHER"));
		String published = mvc.perform(post("/api/v1/console/documents/{key}/versions", Terms.PERSONAL_INFORMATION)
			.with(csrf()).with(publisher).contentType(MediaType.APPLICATION_JSON)
			.content(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(amended)))
			.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
		Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(published);
		assertThat(version.find()).as("version in " + published).isTrue();
		String noticeKey = "terms:" + Terms.PERSONAL_INFORMATION + ":v" + version.group(1);
		UUID notice = null;
		for (int i = 0; i < 100 && notice == null; i++) {
			notice = jdbc.sql("SELECT id FROM notices.notices WHERE key = ?").param(noticeKey).query(UUID.class)
				.optional().orElse(null);
			if (notice == null) {
				Thread.sleep(100);
			}
		}
		assertThat(notice).as("the amendment notice " + noticeKey).isNotNull();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/console/notices/{id}", notice).with(csrf()).with(publisher))
			.andExpect(status().isOk());

		// Not in force yet: the user still goes through; once it is, the next request is stopped.
		assertThat(onSecond("/app", session.getValue()).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));

		assertThat(eventually(() -> statusOnSecond("/app", session.getValue()), 302)).isEqualTo(302);
		assertThat(onSecond("/app", session.getValue()).headers().firstValue("Location").orElse(""))
			.endsWith("/app/accept-terms");
	}

	@Test
	@DisplayName("a scheduled job's lock taken on one node keeps the job from running on the other until released")
	void jobsRunOnOneNodeAtATime() {
		LockProvider secondLocks = second.getBean(LockProvider.class);
		LockConfiguration config = new LockConfiguration(Instant.now(), "several-nodes-" + UUID.randomUUID(),
				Duration.ofMinutes(1), Duration.ZERO);
		Optional<SimpleLock> held = locks.lock(config);
		assertThat(held).isPresent();
		assertThat(secondLocks.lock(config)).isEmpty();
		held.get().unlock();
		Optional<SimpleLock> next = secondLocks.lock(config);
		assertThat(next).isPresent();
		next.get().unlock();
	}

	private static Environment environment() {
		return second.getEnvironment();
	}

	/** Signs in on the second node through its form; the redirect's target. */
	private static String signInOnSecond(String loginId, String password, String code) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(secondUri("/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("PORTAL_CSRF="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		String form = "username=" + enc(loginId) + "&password=" + enc(password) + "&code=" + enc(code) + "&_csrf="
				+ enc(token.group(1));
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(secondUri("/sign-in")).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(302);
		return posted.headers().firstValue("Location").orElse("");
	}

	private static int lostCredentialsOnSecond(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(secondUri("/api/v1/public/lost-credentials"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static int statusOnSecond(String path, String session) {
		try {
			return onSecond(path, session).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static URI secondUri(String path) {
		return URI.create("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port") + path);
	}

	private static HttpResponse<String> onSecond(String path, String session) throws Exception {
		return http.send(HttpRequest.newBuilder(secondUri(path)).header("Cookie", "PORTAL_SESSION=" + session).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int bearerOnSecond(String secret) {
		try {
			return http.send(HttpRequest.newBuilder(secondUri("/api/v1/me")).header("Authorization", "Bearer " + secret)
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Invalidations reach the other node asynchronously (milliseconds): asks again for up to 10 s. */
	private static int eventually(IntSupplier status, int expected) throws InterruptedException {
		int last = status.getAsInt();
		for (int i = 0; i < 100 && last != expected; i++) {
			Thread.sleep(100);
			last = status.getAsInt();
		}
		return last;
	}

	private static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(value.find()).as(name + " in " + json).isTrue();
		return value.group(1);
	}
}
