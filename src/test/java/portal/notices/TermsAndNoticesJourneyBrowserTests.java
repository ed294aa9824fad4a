package portal.notices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import portal.TestClockConfiguration;
import portal.JourneySteps;
import portal.TestSmtp;
import portal.customers.Customers;
import portal.identity.AccountFixtures;
import portal.identity.AccountFixtures.ActiveUser;
import portal.identity.activation.Activation;
import portal.identity.Role;
import portal.identity.administration.StaffDirectory;
import portal.identity.UserAdministration;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.Browsers;
import portal.terms.Documents;
import portal.terms.NewVersion;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static portal.JourneySteps.click;
import static portal.JourneySteps.clickThrough;
import static portal.JourneySteps.signOut;
import static portal.JourneySteps.waitFor;

/**
 * What a publisher and a customer's user do about documents and notices, in a real Chromium
 * against the running portal, with GreenMail receiving the mails. The delivery job is
 * triggered by hand so that each test decides when mails leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.mail.delivery-interval=1h")
@Import({ TestClockConfiguration.class, AccountFixtures.class })
@ExtendWith(Browsers.class)
class TermsAndNoticesJourneyBrowserTests {

	@RegisterExtension
	static GreenMailExtension greenMail = TestSmtp.server();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, greenMail);
	}

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration administration;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Documents documents;

	@Autowired
	Customers customers;

	@Autowired
	Tenancy tenancy;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	AccountFixtures fixtures;

	UUID customer;

	@BeforeEach
	void setUp() {
		customer = tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> customers.register("Journey Trading " + UUID.randomUUID().toString().substring(0, 6), "JP",
						"1-1 Test Street").id());
	}

	@Test
	@DisplayName("R-2.1 R-2.2 R-2.3 a publisher amends the terms; a customer's user sees the unread notice, gets the email and opens the diff")
	void publisherAmendsTermsAndUserReadsTheNotice(WebDriver browser) throws Exception {
		ActiveUser publisher = fixtures.staffMember(Role.STAFF_PUBLISHER);
		ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_VIEWER);
		int before = documents.inForce("portal-terms").orElseThrow().version();

		signIn(browser, publisher);
		browser.get(url("/console/documents/portal-terms"));
		WebElement body = browser.findElement(By.id("bodyEn"));
		String amended = body.getAttribute("value").replace("announces planned maintenance in advance",
				"announces planned maintenance at least two weeks in advance");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", body, amended);
		browser.findElement(By.id("summaryEn")).sendKeys("Maintenance is announced two weeks ahead.");
		click(browser, By.id("publish"));
		waitFor(browser, ExpectedConditions.urlContains("/portal-page/terms/portal-terms/versions/" + (before + 1)));
		signOut(browser);

		signIn(browser, user);
		WebElement inbox = browser.findElement(By.cssSelector("header a[href='/app/notices']"));
		assertThat(inbox.getText()).contains("Notices").contains("1");
		click(browser, By.cssSelector("header a[href='/app/notices']"));
		clickThrough(browser, By.partialLinkText("Amended: Customer Portal Terms of Use"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Amended: Customer Portal Terms of Use");
		click(browser, By.id("notice-link"));
		waitFor(browser, ExpectedConditions.urlContains("/diff"));
		WebElement added = browser.findElement(By.cssSelector("ins.diff-added"));
		assertThat(added.getText()).contains("at least two weeks");
		assertThat(added.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent")).contains("added");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();

		delivery.deliverDue();
		MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
			.filter(message -> to(message).equals(user.email()))
			.filter(message -> subject(message).contains("Amended"))
			.findFirst().orElseThrow(() -> new AssertionError("No amendment mail to the user"));
		assertThat(subject(mail)).isEqualTo("[Customer Portal] Amendment: Amended: Customer Portal Terms of Use");
		assertThat(mail.getContent().toString()).contains("/app/notices/");
	}

	@Test
	@DisplayName("R-7.3 a new version of the personal-information terms stops the next sign-in at the acceptance page until accepted")
	void newPersonalInformationTermsAreAcceptedBeforeAnythingElse(WebDriver browser) throws Exception {
		ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		var current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		tenancy.run(Actor.staff("ST-PUBLISHER"), TenantScope.allCustomers(), () -> documents.publish(
				Terms.PERSONAL_INFORMATION, new NewVersion(current.titleEn(), current.bodyEn()
						+ "\n\n8. Contact\nQuestions about this policy go to the portal desk.", current.titleJa(),
						current.bodyJa(), "Adds how to ask about this policy.", null, null)));

		signIn(browser, user);
		assertThat(browser.getCurrentUrl()).endsWith("/app/accept-terms");
		browser.get(url("/app/services"));
		assertThat(browser.getCurrentUrl()).endsWith("/app/accept-terms");

		String session = browser.manage().getCookieNamed("PORTAL_SESSION").getValue();
		HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/notices")))
			.header("Cookie", "PORTAL_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.body()).contains("terms-acceptance-required").contains("/app/accept-terms");
		HttpResponse<String> tmf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(url("/tmf-api/serviceOrdering/v4/serviceOrder"))).header("Cookie", "PORTAL_SESSION=" + session)
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tmf.statusCode()).isEqualTo(403);
		assertThat(tmf.body()).contains("\"@type\":\"Error\"").contains("terms-acceptance-required")
			.contains("/app/accept-terms");

		clickThrough(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, By.id("accept-error"));
		assertThat(browser.getCurrentUrl()).endsWith("/app/accept-terms");
		assertThat(browser.findElement(By.id("accept-error")).getText()).isNotBlank();
		click(browser, By.id("accept"));
		click(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, ExpectedConditions.not(ExpectedConditions.urlContains("/accept-terms")));
		browser.get(url("/app/services"));
		assertThat(browser.getCurrentUrl()).endsWith("/app/services");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	private void signIn(WebDriver browser, ActiveUser user) {
		JourneySteps.signIn(browser, url("/sign-in"), user.loginId(), user.password(), fixtures.nextCode(user));
	}

	private static String to(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
