package portal;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.core.env.Environment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.identity.AccountFixtures;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.notices.EmailOutbox;
import portal.platform.Tenancy;
import portal.terms.Terms;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;

/**
 * Two nodes on one PostgreSQL, as the README's "Several nodes" section runs them: this
 * test's shared context is one node, and a second portal started here, with a real HTTP
 * server and its own data directory, connects to the same database as an external one.
 * No sticky sessions: each step goes to the node the previous step did not use.
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
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

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
	LockProvider locks;

	@BeforeAll
	static void startSecondNode(@Autowired DataSource dataSource, @Autowired Environment environment) throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		second = new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
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
		AccountFixtures.ActiveUser user = fixtures().customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures().signIn(mvc, user);

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
	@DisplayName("R-6.2 a token revoked on one node stops working on the other, whose cache held it")
	void tokenCachesAreInvalidatedOnEveryNode() throws Exception {
		AccountFixtures.ActiveUser user = fixtures().customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		Cookie session = fixtures().signIn(mvc, user);
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

	private AccountFixtures fixtures() {
		return new AccountFixtures(administration, staff, activation, outbox, terms, tenancy, clock);
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
