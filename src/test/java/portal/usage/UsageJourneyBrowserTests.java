package portal.usage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import portal.JourneySteps;
import portal.TestSmtp;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.identity.activation.Activation;
import portal.identity.NewUser;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.Browsers;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static portal.JourneySteps.activationToken;
import static portal.JourneySteps.click;
import static portal.JourneySteps.code;
import static portal.JourneySteps.step;

/**
 * A customer's viewer follows usage in a real Chromium: the dashboard, an instance's chart
 * with data and a visible gap, and the CSV export, whose rows match the query API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.mail.delivery-interval=200ms")
@ExtendWith(Browsers.class)
class UsageJourneyBrowserTests {

	@RegisterExtension
	static GreenMailExtension greenMail = TestSmtp.server();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, greenMail);
	}

	private static final String PASSWORD = "amber meadow compass 1984";

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration administration;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	UsageQueries queries;

	@Test
	@DisplayName("R-14.1 R-14.3 a viewer opens the dashboard, sees an instance chart with a gap, and exports matching CSV")
	void viewerFollowsUsage(WebDriver browser) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		CustomerSummary customer = tenancy.call(Actor.job("usage-journey"), TenantScope.system(),
				() -> customers.register("Journey Usage " + run, "JP", "1-1 Test Street"));
		String key = tenancy.call(Actor.staff("ST-TEST"), TenantScope.allCustomers(),
				() -> keys.issue("journey-" + run.toLowerCase(Locale.ROOT), "COMPANY"));
		String contract = "UJ-" + run + "-k";
		String circuit = "UJ-" + run + "-c1";
		send("PUT", "/api/v1/system/contracts/" + contract, key, "application/json", """
				{"relevantService": "access-premium", "contractingCompany": "COMPANY",
				 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
				 "customerCode": "%s", "startDate": "2024-04-01", "state": "active"}"""
			.formatted(customer.legalName(), customer.code()));
		send("PUT", "/api/v1/system/service-instances/" + circuit, key, "application/json", """
				{"contractNo": "%s", "kind": "circuit", "label": "Journey circuit", "state": "active",
				 "attributes": {"circuitId": "CID-1001", "siteName": "Test site", "bandwidthMbps": 100,
				 "interface": "1000BASE-T"}}""".formatted(contract));
		// Three hours of 5-minute traffic, with half an hour missing in the middle.
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
		StringBuilder csv = new StringBuilder("instance,metric,time,value\n");
		for (int i = 0; i < 36; i++) {
			if (i < 15 || i >= 21) {
				csv.append(circuit).append(",traffic-in,").append(start.plus(Duration.ofMinutes(5L * i))).append(',')
					.append(50_000_000 + i * 1_000_000).append('\n');
			}
		}
		assertThat(send("POST", "/api/v1/system/usage", key, "text/csv", csv.toString())).contains("\"added\":30");

		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		String email = "viewer-" + run.toLowerCase(Locale.ROOT) + "@journey.example.com";
		UserView viewer = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> administration.add(customer.id(), new NewUser("Vera Viewer", email, "+81 3 1234 5678",
						EnumSet.of(Role.CUSTOMER_VIEWER), List.of(), List.of(), null, "en", true, version)));
		String token = activationToken(greenMail, email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		long step = step(Instant.now());
		assertThat(activation.activate(token, PASSWORD, PASSWORD, code(offer.totpSecret(), step), true, version)
			.succeeded()).isTrue();
		signIn(browser, viewer.loginId(), offer.totpSecret(), step);

		browser.get(url("/app/usage"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("not guaranteed");
		click(browser, By.linkText("Journey circuit"));
		WebElement chart = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas[data-points]")));
		assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isGreaterThan(0);
		assertThat(Integer.parseInt(chart.getAttribute("data-gaps"))).isGreaterThan(0);
		assertThat(browser.findElement(By.id("availability-heading")).getText()).contains("informational");

		String href = browser.findElement(By.id("usage-export")).getAttribute("href");
		Object downloaded = ((JavascriptExecutor) browser).executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
						+ ".then(function (r) { return r.text(); }).then(done, function (e) { done('failed: ' + e); });",
				href);
		List<String> rows = ((String) downloaded).lines().toList();
		assertThat(rows.get(0)).isEqualTo("time,instance,metric,unit,value");
		QueryResult query = tenancy.call(Actor.user(viewer.loginId()), TenantScope.customer(customer.id()),
				() -> {
					URI link = URI.create(href);
					java.util.Map<String, List<String>> params = new java.util.HashMap<>();
					for (String pair : link.getQuery().split("&")) {
						String[] kv = pair.split("=", 2);
						params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
					}
					return queries.query(customer.id(), params.get("series").stream().map(Long::valueOf).toList(),
							Instant.parse(params.get("from").get(0)), Instant.parse(params.get("to").get(0)),
							Step.of(params.get("step").get(0)).orElseThrow(), Stat.MEAN, Locale.ENGLISH);
				});
		List<String> expected = new ArrayList<>();
		for (QueryResult.Points points : query.series()) {
			for (int i = 0; i < query.times().size(); i++) {
				Double value = points.values().get(i);
				expected.add(query.times().get(i) + "," + points.series().instance() + "," + points.series().metric()
						+ "," + points.series().unit() + ","
						+ (value == null ? "" : Long.toString(Math.round(value))));
			}
		}
		assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);
		assertThat(expected).anyMatch(row -> row.endsWith(","));
	}

	private String send(String method, String path, String key, String type, String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Bearer " + key).header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return response.body();
	}

	private void signIn(WebDriver browser, String loginId, String secret, long lastStep) {
		long step = Math.max(lastStep + 1, step(Instant.now()));
		JourneySteps.signIn(browser, url("/sign-in"), loginId, PASSWORD, code(secret, step));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
