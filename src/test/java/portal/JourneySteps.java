package portal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps the real-browser journey tests share: clicking, waiting, reading the activation
 * email, computing authenticator codes, signing in and out. One copy, so that a change in
 * the pages or a flaky wait is fixed once for every journey.
 */
public final class JourneySteps {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

	private static final Pattern ACTIVATION_PATH = Pattern.compile("/activate#[A-Za-z0-9_\\-]+");

	private JourneySteps() {
	}

	/**
	 * Waits for the element, scrolls it into view at once, then clicks it. Bootstrap makes
	 * scrolling smooth, and WebDriver would otherwise click where the element is on its way to.
	 */
	public static void click(WebDriver browser, By locator) {
		WebElement element = new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				element);
		element.click();
	}

	/**
	 * Clicks an element that leads to another page and waits until the browser has left the
	 * current one. Waiting only for an element of the next page is not enough when the current
	 * page has one of the same id: the wait would find the old one, which goes stale a moment later.
	 */
	public static void clickThrough(WebDriver browser, By locator) {
		// A mark on the current document's window: a new document has a fresh window object
		// without it. (Waiting for the old <html> element to go stale is not portable:
		// chromedriver sometimes answers with an inspector error instead of staleness.)
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("window.__journeyLeaving = true");
		click(browser, locator);
		waitFor(browser, driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"return window.__journeyLeaving !== true && document.readyState === 'complete'")));
	}

	public static void waitFor(WebDriver browser, By element) {
		waitFor(browser, ExpectedConditions.presenceOfElementLocated(element));
	}

	public static <T> void waitFor(WebDriver browser, ExpectedCondition<T> condition) {
		new WebDriverWait(browser, WAIT).until(condition);
	}

	/** The activation link's path from the email GreenMail received for the address. */
	public static String activationPath(GreenMailExtension greenMail, String recipient) throws Exception {
		long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
					Matcher path = ACTIVATION_PATH.matcher(message.getContent().toString());
					if (path.find()) {
						return path.group();
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No activation email reached " + recipient);
	}

	/** The activation token from the email GreenMail received for the address. */
	public static String activationToken(GreenMailExtension greenMail, String recipient) throws Exception {
		return activationPath(greenMail, recipient).substring("/activate#".length());
	}

	/** The authenticator's 30-second step at the instant. */
	public static long step(Instant at) {
		return at.getEpochSecond() / 30;
	}

	/** RFC 6238 codes as the authenticator app computes them: HMAC-SHA1, 30-second steps, six digits. */
	public static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens the sign-in page, fills in the form and waits until the portal has let the
	 * browser past it.
	 */
	public static void signIn(WebDriver browser, String signInUrl, String loginId, String password, String code) {
		browser.get(signInUrl);
		// The previous page's own navigation may still be settling when this one starts: wait for the form.
		waitFor(browser, By.id("username"));
		browser.findElement(By.id("username")).sendKeys(loginId);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("code")).sendKeys(code);
		click(browser, By.cssSelector("main form button[type=submit]"));
		waitFor(browser, ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
		// The landing page loaded to its end, so that the next navigation does not race it.
		waitFor(browser, driver -> "complete".equals(((JavascriptExecutor) driver).executeScript(
				"return document.readyState")));
	}

	/** Signs out from the header and waits for the confirmation. */
	public static void signOut(WebDriver browser) {
		clickThrough(browser, By.xpath("//button[normalize-space()='Sign out']"));
		waitFor(browser, By.cssSelector("[role=status].alert-success"));
	}
}
