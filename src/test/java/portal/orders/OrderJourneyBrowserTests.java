package portal.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import portal.JourneySteps;
import portal.TestSmtp;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.identity.NewUser;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.notices.events.NoticeRequested;
import portal.orders.ordering.ApprovalPolicy;
import portal.orders.ordering.Approvals;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.Browsers;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static portal.JourneySteps.activationToken;
import static portal.JourneySteps.click;
import static portal.JourneySteps.clickThrough;
import static portal.JourneySteps.code;
import static portal.JourneySteps.signOut;
import static portal.JourneySteps.step;
import static portal.JourneySteps.waitFor;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;

/**
 * An orderer changes the bandwidth of a circuit, the customer's administrator approves it and
 * the Company's staff complete it, each in a real Chromium against the running portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.mail.delivery-interval=200ms")
@ExtendWith(Browsers.class)
@Import(OrderJourneyBrowserTests.NoticeRequests.class)
class OrderJourneyBrowserTests {

	@RegisterExtension
	static GreenMailExtension greenMail = TestSmtp.server();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, greenMail);
	}

	/** The notice requests published, as the notices module receives them. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoticeRequests {

		final List<NoticeRequested> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(NoticeRequested notice) {
			received.add(notice);
		}
	}

	record Person(String loginId, String password, String secret, UUID account) {
	}

	@LocalServerPort
	int port;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Approvals approvals;

	@Autowired
	Tenancy tenancy;

	@Autowired
	NoticeRequests notices;

	@Test
	@DisplayName("R-7.7 R-2.3 an orderer changes a circuit's bandwidth, the administrator approves, Company staff complete it, the circuit has the new bandwidth and the orderer is notified")
	void bandwidthChangeFromSubmissionToCompletion(WebDriver browser) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		CustomerSummary customer = tenancy.call(Actor.job("journey"), TenantScope.system(),
				() -> customers.register("Journey Trading " + run, "JP", "1-1 Journey Street"));
		String circuit = circuit(customer, run);
		Person orderer = user(customer.id(), Role.CUSTOMER_ORDERER, "orderer-" + run);
		Person admin = user(customer.id(), Role.CUSTOMER_ADMINISTRATOR, "admin-" + run);
		Person fulfiller = staffMember("staff-" + run);
		tenancy.run(Actor.user(admin.loginId()), TenantScope.customer(customer.id()),
				() -> approvals.setPolicy(new ApprovalPolicy(true, Set.of(), Set.of())));

		signIn(browser, orderer);
		browser.get(url("/app/services/instances/" + circuit));
		click(browser, By.linkText("Order a change"));
		clickThrough(browser, By.linkText("Change bandwidth"));
		assertThat(browser.findElement(By.id("p-bandwidthMbps-current")).getText()).contains("100");
		new Select(browser.findElement(By.id("p-bandwidthMbps"))).selectByValue("1000");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-10'",
				browser.findElement(By.id("p-effectiveDate")));
		clickThrough(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, By.id("order-state"));
		String orderPath = URI.create(browser.getCurrentUrl()).getPath();
		String orderId = orderPath.substring(orderPath.lastIndexOf('/') + 1);
		assertThat(browser.findElement(By.id("order-state")).getText()).isEqualTo("Waiting for approval");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
		signOut(browser);

		signIn(browser, admin);
		browser.get(url(orderPath));
		waitFor(browser, By.id("approval-note"));
		browser.findElement(By.id("approval-note")).sendKeys("Budget agreed");
		clickThrough(browser, By.cssSelector("button[value=approve]"));
		waitFor(browser, By.id("order-state"));
		assertThat(browser.findElement(By.id("order-state")).getText()).isEqualTo("In progress");
		signOut(browser);

		signIn(browser, fulfiller);
		browser.get(url("/console/orders"));
		click(browser, By.cssSelector("a[href$='/console/orders/" + orderId + "']"));
		clickThrough(browser, By.cssSelector("button[value=completed]"));
		waitFor(browser, By.id("order-state"));
		assertThat(browser.findElement(By.id("order-state")).getText()).isEqualTo("Completed");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();

		Object bandwidth = tenancy.call(Actor.job("journey"), TenantScope.system(),
				() -> customers.instance(customer.id(), circuit).orElseThrow().attributes().get("bandwidthMbps"));
		assertThat(bandwidth.toString()).isEqualTo("1000");
		assertThat(notices.received).filteredOn(n -> n.key().startsWith("order:" + orderId))
			.extracting(n -> n.titleEn().substring(n.titleEn().lastIndexOf(' ') + 1))
			.containsExactly("acknowledged", "pendingApproval", "inProgress", "completed");
		assertThat(notices.received).filteredOn(n -> n.key().startsWith("order:" + orderId))
			.allSatisfy(n -> assertThat(n.audience().accountIds()).contains(orderer.account(), admin.account()));
		mailed("orderer-" + run + "@journey.example.com", "Order " + orderId.substring(0, 8) + " is completed");
		signOut(browser);

		// What the orderer sees: the circuit's page shows the new bandwidth, the inbox has the notice.
		signIn(browser, orderer);
		browser.get(url("/app/services/instances/" + circuit));
		waitFor(browser, By.id("attributes-heading"));
		String shown = browser.findElement(By.xpath("//section[@aria-labelledby='attributes-heading']"
				+ "//dt[normalize-space()='Bandwidth (Mbit/s)']/following-sibling::dd[1]")).getText();
		assertThat(shown.replaceAll("[^0-9]", "")).as(shown).isEqualTo("1000");
		String notice = "Order " + orderId.substring(0, 8) + " is completed";
		browser.get(url("/app/notices"));
		inInbox(browser, notice);
		clickThrough(browser, By.linkText(notice));
		waitFor(browser, By.tagName("h1"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("/app/orders/" + orderId);
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	/** The inbox lists a notice once the notices module has taken it in: the page is read again until then. */
	private static void inInbox(WebDriver browser, String title) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (browser.findElements(By.linkText(title)).isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The inbox does not list '" + title + "'");
			}
			Thread.sleep(250);
			browser.navigate().refresh();
			waitFor(browser, By.id("results"));
		}
	}

	/** Waits for the email the notices module sends for a notice, through the real SMTP server. */
	private static void mailed(String recipient, String text) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)
						&& (message.getSubject() + "\n" + message.getContent()).contains(text)) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No email saying '" + text + "' reached " + recipient);
	}

	private String circuit(CustomerSummary customer, String run) throws Exception {
		String key = tenancy.call(Actor.staff("ST-JOURNEY"), TenantScope.allCustomers(),
				() -> keys.issue("journey-" + run.toLowerCase(), "COMPANY"));
		String contract = "J-UNO-" + run;
		put(key, "/api/v1/system/contracts/" + contract, """
				{"relevantService": "arcstar-universal-one", "contractingCompany": "COMPANY",
				 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
				 "customerCode": "%s", "startDate": "2024-04-01", "state": "active"}"""
			.formatted(customer.legalName(), customer.code()));
		String circuit = contract + "-C1";
		put(key, "/api/v1/system/service-instances/" + circuit, """
				{"contractNo": "%s", "kind": "circuit", "label": "Osaka branch", "state": "active",
				 "attributes": {"circuitId": "CID-2001", "siteName": "Osaka branch", "country": "JP",
				 "accessType": "ethernet", "bandwidthMbps": 100}}""".formatted(contract));
		return circuit;
	}

	private void put(String key, String path, String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private Person user(UUID customer, Role role, String name) throws Exception {
		String email = name + "@journey.example.com";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		UserView user = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> administration.add(customer, new NewUser("Journey " + name, email, "+81 3 1234 5678",
						EnumSet.of(role), List.of(), List.of(), null, "en", true, version)));
		return activate(user, email);
	}

	private Person staffMember(String name) throws Exception {
		String email = name + "@journey.example.com";
		UserView user = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> staff.addStaff("Journey " + name, email, "+81 3 8765 4321",
						EnumSet.of(Role.STAFF_SERVICE_MANAGER), null, "en"));
		return activate(user, email);
	}

	private Person activate(UserView user, String email) throws Exception {
		String token = activationToken(greenMail, email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String password = "quiet lantern meadow " + UUID.randomUUID().toString().substring(0, 8);
		Activation.Result result = activation.activate(token, password, password,
				code(offer.totpSecret(), step(Instant.now())), true, offer.personalInformationTerms().version());
		assertThat(result.succeeded()).as(result.errors().toString()).isTrue();
		return new Person(user.loginId(), password, offer.totpSecret(), user.id());
	}

	private void signIn(WebDriver browser, Person person) throws Exception {
		// The activation took the current step; the next one is still within the accepted window.
		// A code's step is accepted once: a second sign-in waits until a later step is next.
		long next = step(Instant.now()) + 1;
		while (next <= usedSteps.getOrDefault(person.loginId(), Long.MIN_VALUE)) {
			Thread.sleep(1_000);
			next = step(Instant.now()) + 1;
		}
		usedSteps.put(person.loginId(), next);
		JourneySteps.signIn(browser, url("/sign-in"), person.loginId(), person.password(), code(person.secret(), next));
	}

	private final Map<String, Long> usedSteps = new HashMap<>();

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
