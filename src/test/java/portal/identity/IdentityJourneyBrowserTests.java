package portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static portal.JourneySteps.activationPath;
import static portal.JourneySteps.activationToken;
import static portal.JourneySteps.click;
import static portal.JourneySteps.signOut;
import static portal.JourneySteps.waitFor;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import portal.JourneySteps;
import portal.TestSmtp;
import org.springframework.boot.test.web.server.LocalServerPort;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.Browsers;
import portal.terms.Terms;
import portal.identity.activation.Activation;
import portal.identity.credentials.Totp;

/**
 * What an administrator and a new colleague do, in a real Chromium against the running
 * portal, with a real SMTP server (GreenMail) receiving the activation emails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.mail.delivery-interval=200ms")
@ExtendWith(Browsers.class)
class IdentityJourneyBrowserTests {

	@RegisterExtension
	static GreenMailExtension greenMail = TestSmtp.server();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, greenMail);
	}

	private static final String ADMIN_PASSWORD = "amber meadow compass 1984";

	private static final String NEW_PASSWORD = "quiet river lantern 2031";

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

	@Test
	@DisplayName("R-6.1 R-7.1 R-7.3 an administrator adds a colleague, who activates from the email and signs in")
	void administratorAddsAColleagueWhoActivatesAndSignsIn(WebDriver browser) throws Exception {
		UUID customer = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String adminEmail = "admin-" + run + "@journey.example.com";
		String colleagueEmail = "colleague-" + run + "@journey.example.com";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();

		UserView admin = tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> administration.add(customer, new NewUser("Aiko Administrator", adminEmail, "+81 3 1234 5678",
						EnumSet.of(Role.CUSTOMER_ADMINISTRATOR), List.of(), List.of(), null, "en", true, version)));
		String adminToken = activationToken(greenMail, adminEmail);
		Activation.Offer offer = activation.offer(adminToken).orElseThrow();
		long adminStep = Totp.step(Instant.now());
		assertThat(activation.activate(adminToken, ADMIN_PASSWORD, ADMIN_PASSWORD,
				Totp.code(offer.totpSecret(), adminStep), true, version).succeeded()).isTrue();

		signIn(browser, admin.loginId(), ADMIN_PASSWORD, offer.totpSecret(), adminStep);
		assertThat(browser.getCurrentUrl()).endsWith("/app");

		browser.get(url("/app/users/new"));
		// The sign-in's own navigation may still be settling when this one starts: wait for the form.
		waitFor(browser, By.id("user-name"));
		browser.findElement(By.id("user-name")).sendKeys("Kenji Colleague");
		browser.findElement(By.id("user-email")).sendKeys(colleagueEmail);
		browser.findElement(By.id("user-phone")).sendKeys("+81 3 8765 4321");
		click(browser, By.id("add-role-orderer"));
		assertThat(browser.findElement(By.id("add-current-password")).isDisplayed())
			.as("re-authentication is asked only when granting the administrator role").isFalse();
		click(browser, By.id("consent-confirmed"));
		click(browser, By.cssSelector("#add-user-form button[type=submit]"));
		waitFor(browser, By.id("done"));
		assertThat(browser.findElement(By.id("done")).getText()).contains("The user is registered");
		String colleagueLoginId = browser.findElement(By.cssSelector("h1 code")).getText();
		assertThat(colleagueLoginId).matches("CP\\d{8}");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();

		signOut(browser);

		// The mailed link carries its token after "#": the page's script posts it and clears the address bar.
		browser.get(url(activationPath(greenMail, colleagueEmail)));
		waitFor(browser, By.id("login-id"));
		assertThat(browser.findElement(By.id("login-id")).getText()).isEqualTo(colleagueLoginId);
		assertThat(browser.getCurrentUrl()).endsWith("/activate").doesNotContain("#");
		String secret = browser.findElement(By.id("totp-secret")).getText().replaceAll("\\s", "");
		browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
		browser.findElement(By.id("password-repeat")).sendKeys(NEW_PASSWORD);
		long colleagueStep = Totp.step(Instant.now());
		browser.findElement(By.id("code")).sendKeys(Totp.code(secret, colleagueStep));
		click(browser, By.id("accept-terms"));
		click(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, By.id("recovery-codes"));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account is active");

		click(browser, By.linkText("I have stored my codes: go to sign-in"));
		signIn(browser, colleagueLoginId, NEW_PASSWORD, secret, colleagueStep);
		assertThat(browser.getCurrentUrl()).endsWith("/app");
		assertThat(browser.findElement(By.tagName("header")).getText()).contains(colleagueLoginId);

		browser.get(url("/app/profile"));
		assertThat(browser.findElement(By.id("personal-information")).getText()).contains("Kenji Colleague",
				colleagueEmail, "+81 3 8765 4321", colleagueLoginId);
		assertThat(browser.findElement(By.id("sessions")).getText()).contains("This session");

		signOut(browser);
		assertThat(browser.findElement(By.cssSelector("[role=status].alert-success")).getText())
			.isEqualTo("You have signed out.");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	/**
	 * Signs in on the form with a code of a step after the last one used, since the portal
	 * takes each step of an authenticator only once.
	 */
	private void signIn(WebDriver browser, String loginId, String password, String secret, long lastStep) {
		long step = Math.max(lastStep + 1, Totp.step(Instant.now()));
		JourneySteps.signIn(browser, url("/sign-in"), loginId, password, Totp.code(secret, step));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
