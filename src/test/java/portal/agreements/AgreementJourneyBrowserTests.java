package portal.agreements;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import portal.TestSmtp;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionReason;
import portal.agreements.lifecycle.SuspensionScope;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.inventory.ContractFeed;
import portal.identity.Role;
import portal.identity.UserView;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;
import portal.platform.Actor;
import portal.platform.Availability;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.Browsers;

import static org.assertj.core.api.Assertions.assertThat;
import static portal.JourneySteps.activationPath;
import static portal.JourneySteps.activationToken;
import static portal.JourneySteps.click;
import static portal.JourneySteps.code;
import static portal.JourneySteps.signIn;
import static portal.JourneySteps.signOut;
import static portal.JourneySteps.step;
import static portal.JourneySteps.waitFor;

/**
 * A company applies, a desk staff member signs in and accepts it on the desk page with its
 * confirmation, the first administrator activates from the email and
 * signs in; then a feature suspended for that customer shows its suspended page while the
 * rest works, and a whole-portal suspension signs the administrator out on the next click.
 * Real Chromium against the running portal, real SMTP (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.mail.delivery-interval=200ms")
@ExtendWith(Browsers.class)
class AgreementJourneyBrowserTests {

	@RegisterExtension
	static GreenMailExtension greenMail = TestSmtp.server();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, greenMail);
	}

	private static final String PASSWORD = "violet harbour signal 2047";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationDesk desk;

	@Autowired
	ContractFeed contracts;

	@Autowired
	AgreementLifecycle lifecycle;

	@Autowired
	Customers customers;

	@Autowired
	Availability availability;

	@Autowired
	Tenancy tenancy;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Activation activation;

	@Test
	@DisplayName("R-4.3 R-5.1 R-5.3 R-6.1 R-12.3 apply, be accepted at the desk in the browser, activate and sign in; a suspended feature shows its page; "
			+ "a whole-portal suspension signs out on the next click")
	void appliesIsAcceptedSignsInAndMeetsSuspensions(WebDriver browser) throws Exception {
		AgreementFixtures fixtures = new AgreementFixtures(desk, contracts, tenancy);
		String name = fixtures.legalName("Journey Trading");
		String contract = fixtures.unlinkedContract("journey", name);
		String adminEmail = "journey-admin-" + fixtures.run.toLowerCase() + "@journey.example.com";

		browser.get(url("/apply"));
		type(browser, "f-legalName", name);
		type(browser, "f-registeredAddress", "3-3 Journey Street, Tokyo");
		type(browser, "f-country", "JP");
		type(browser, "f-contactName", "Jun Contact");
		type(browser, "f-contactEmail", "journey-contact-" + fixtures.run.toLowerCase() + "@journey.example.com");
		type(browser, "f-contactPhone", "+81 3 1000 2000");
		type(browser, "f-contractNumbers", contract);
		type(browser, "f-adminName", "Jiro Administrator");
		type(browser, "f-adminEmail", adminEmail);
		type(browser, "f-adminPhone", "+81 3 1000 3000");
		click(browser, By.id("f-consentConfirmed"));
		click(browser, By.cssSelector("#apply-form button[type=submit]"));
		waitFor(browser, By.id("receipt"));
		long receiptNo = Long.parseLong(browser.findElement(By.id("receipt")).getText().replaceAll("(?s)\\D*(\\d+).*", "$1"));
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
		// The receipt's link carries its code after "#": the page's script posts it, and it leaves the address bar.
		String code = browser.findElement(By.id("status-link")).getAttribute("href").replaceAll(".*#", "");
		click(browser, By.id("status-link"));
		waitFor(browser, By.id("application-state"));
		assertThat(browser.findElement(By.id("application-state")).getText()).startsWith("Received");
		assertThat(browser.getCurrentUrl()).doesNotContain(code);
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();

		String[] deskStaff = deskMember("desk-" + fixtures.run.toLowerCase());
		signIn(browser, url("/sign-in"), deskStaff[0], deskStaff[1], code(deskStaff[2], step(Instant.now()) + 1));
		browser.get(url("/console/applications"));
		click(browser, By.cssSelector("a[href$='/console/applications/" + receiptNo + "']"));
		waitFor(browser, By.id("evidence"));
		click(browser, By.id("accept"));
		waitFor(browser, By.id("accept-confirmation"));
		assertThat(browser.findElement(By.id("state")).getText()).startsWith("Received");
		click(browser, By.id("accept-confirm"));
		waitFor(browser, By.id("decided"));
		assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Accepted");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
		signOut(browser);
		UUID customer = fixtures.asDesk(() -> desk.application(receiptNo)).orElseThrow().application().customerId()
			.orElseThrow();

		browser.get(url(activationPath(greenMail, adminEmail)));
		waitFor(browser, By.id("login-id"));
		String loginId = browser.findElement(By.id("login-id")).getText();
		String secret = browser.findElement(By.id("totp-secret")).getText().replaceAll("\\s", "");
		long step = Instant.now().getEpochSecond() / 30;
		type(browser, "password", PASSWORD);
		type(browser, "password-repeat", PASSWORD);
		type(browser, "code", code(secret, step));
		click(browser, By.id("accept-terms"));
		click(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, By.id("recovery-codes"));
		long used = Math.max(step + 1, Instant.now().getEpochSecond() / 30);
		signIn(browser, url("/sign-in"), loginId, PASSWORD, code(secret, used));
		assertThat(browser.getCurrentUrl()).endsWith("/app");

		UUID feature = suspend(customer, SuspensionScope.FEATURE, PortalFeature.USER_ADMINISTRATION);
		browser.get(url("/app/users"));
		waitFor(browser, By.id("suspended"));
		assertThat(browser.findElement(By.id("suspension-details")).getText()).contains("user-administration");
		browser.get(url("/app/agreement"));
		waitFor(browser, By.id("timeline"));
		assertThat(browser.findElements(By.id("suspended"))).isEmpty();
		CustomerSummary other = tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> customers.register("Other Journey " + fixtures.run, "JP", "1 Street"));
		assertThat(availability.check(other.id(), PortalFeature.USER_ADMINISTRATION, "")).isEmpty();
		lift(feature);

		UUID whole = suspend(customer, SuspensionScope.WHOLE, null);
		click(browser, By.cssSelector("a[href='/app/services']"));
		waitFor(browser, By.id("signed-out"));
		browser.get(url("/app"));
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/sign-in"));
		// Signing in again with the right password and a fresh code is refused while the whole portal is suspended.
		while (Instant.now().getEpochSecond() / 30 < used) {
			Thread.sleep(500);
		}
		browser.get(url("/sign-in"));
		type(browser, "username", loginId);
		type(browser, "password", PASSWORD);
		type(browser, "code", code(secret, used + 1));
		click(browser, By.cssSelector("main form button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/sign-in?error"));
		lift(whole);
		// The suspended pages answer 503 on purpose; nothing else may go wrong.
		assertThat(Browsers.severeConsoleEntries(browser)).allSatisfy(entry -> assertThat(entry.toString())
			.contains("status of 503"));
	}

	/** A desk staff member, activated with a password and a second factor: login ID, password, TOTP secret. */
	private String[] deskMember(String name) throws Exception {
		String email = name + "@journey.example.com";
		UserView user = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> staff.addStaff("Journey " + name, email, "+81 3 8765 4321", EnumSet.of(Role.STAFF_DESK), null,
						"en"));
		String token = activationToken(greenMail, email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String password = "quiet lantern meadow " + UUID.randomUUID().toString().substring(0, 8);
		Activation.Result result = activation.activate(token, password, password,
				code(offer.totpSecret(), step(Instant.now())), true, offer.personalInformationTerms().version());
		assertThat(result.succeeded()).as(result.errors().toString()).isTrue();
		return new String[] { user.loginId(), password, offer.totpSecret() };
	}

	private UUID suspend(UUID customer, SuspensionScope scope, PortalFeature feature) {
		return tenancy.call(Actor.staff("ST9000002"), TenantScope.allCustomers(), () -> lifecycle.announce(
				new Suspension.Request(customer, scope, feature, null, SuspensionReason.FORCE_MAJEURE,
						SuspensionKind.EMERGENCY, "", null, null, null))).id();
	}

	private void lift(UUID id) {
		tenancy.run(Actor.staff("ST9000002"), TenantScope.allCustomers(), () -> lifecycle.lift(id));
	}

	private static void type(WebDriver browser, String id, String text) {
		WebElement element = browser.findElement(By.id(id));
		element.clear();
		element.sendKeys(text);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
