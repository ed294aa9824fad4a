package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a visitor does on the public Portal Page, in a real Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browsers.class)
class PortalPageBrowserTests {

	private static final String OLD_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0";

	@LocalServerPort
	int port;

	@Test
	@DisplayName("R-23 The Portal Page opens in English, switches to Japanese, and the choice follows the visitor")
	void switchesToJapaneseAndKeepsItAcrossPages(WebDriver browser) {
		browser.get(url("/"));
		assertThat(browser.getTitle()).isEqualTo("Customer Portal");
		assertThat(heading(browser)).isEqualTo("Your services with us, in one place");
		assertThat(language(browser)).isEqualTo("en");
		assertThat(browser.findElement(By.tagName("footer")).getText()).contains("English text is the authentic one");

		browser.findElement(By.linkText("日本語")).click();
		waitForHeading(browser, "ご契約中のサービスを、ひとつの場所で");
		assertThat(language(browser)).isEqualTo("ja");
		assertThat(browser.getTitle()).isEqualTo("カスタマーポータル");
		assertThat(browser.manage().getCookieNamed("portal-lang").getValue()).isEqualTo("ja");

		browser.findElement(By.linkText("動作環境")).click();
		waitForHeading(browser, "動作環境");
		assertThat(browser.getCurrentUrl()).endsWith("/portal-page/environment");
		assertThat(language(browser)).isEqualTo("ja");

		browser.findElement(By.linkText("EN")).click();
		waitForHeading(browser, "Supported operating environment");
		assertThat(browser.getCurrentUrl()).endsWith("/portal-page/environment?lang=en");
		assertThat(language(browser)).isEqualTo("en");

		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	@Test
	@DisplayName("R-20.1 The supported environment page lists the browsers and no warning shows in a supported one")
	void listsSupportedBrowsersWithoutWarningInChromium(WebDriver browser) {
		browser.get(url("/portal-page/environment"));
		assertThat(browser.findElement(By.id("supported-browsers")).getText())
			.contains("Google Chrome / Chromium", "Version 120 or later", "Microsoft Edge", "Mozilla Firefox",
					"Version 121 or later", "Apple Safari", "Version 17 or later");
		assertThat(browser.findElement(By.id("browser-banner")).isDisplayed()).isFalse();
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	@Test
	@DisplayName("R-20.1 An unsupported browser sees a dismissible warning that stays dismissed")
	void warnsAnUnsupportedBrowser(ChromeDriver browser) {
		browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", OLD_FIREFOX));
		browser.get(url("/"));
		WebElement banner = browser.findElement(By.id("browser-banner"));
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(banner));
		assertThat(banner.getAttribute("role")).isEqualTo("status");
		assertThat(banner.getText()).contains("does not support this browser");

		banner.findElement(By.cssSelector("[data-portal-dismiss]")).click();
		assertThat(banner.isDisplayed()).isFalse();
		browser.get(url("/apply"));
		assertThat(browser.findElement(By.id("browser-banner")).isDisplayed()).isFalse();
	}

	@Test
	@DisplayName("R-20.1 The browser check accepts the minimum versions and refuses older or unknown browsers")
	void judgesBrowsersByTheirUserAgent(ChromeDriver browser) {
		browser.get(url("/apply"));
		Map<String, Boolean> expected = Map.of(
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", true,
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36", false,
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", true,
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0", true,
				OLD_FIREFOX, false,
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", true,
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15", false,
				"Mozilla/5.0 (iPhone; CPU iPhone OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1", false,
				"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", true,
				"Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", false);
		expected.forEach((userAgent, supported) -> assertThat(
				browser.executeScript("return PortalBrowserSupport.isSupported(arguments[0], null)", userAgent))
			.as(userAgent)
			.isEqualTo(supported));
	}

	@Test
	@DisplayName("On a phone the menu collapses behind a button and opens on demand")
	void collapsesTheMenuOnAPhone(WebDriver browser) {
		browser.manage().window().setSize(new Dimension(360, 780));
		browser.get(url("/"));
		WebElement japanese = browser.findElement(By.cssSelector("a[hreflang=ja]"));
		assertThat(japanese.isDisplayed()).isFalse();

		browser.findElement(By.cssSelector(".navbar-toggler")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(japanese));
		japanese.click();
		waitForHeading(browser, "ご契約中のサービスを、ひとつの場所で");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}

	@Test
	@DisplayName("The skip link is the first stop of the keyboard and leads to the main content")
	void skipLinkLeadsToMainContent(WebDriver browser) {
		browser.get(url("/"));
		WebElement skip = browser.findElement(By.cssSelector("a.skip-link"));
		assertThat(skip.getAttribute("href")).endsWith("#main");
		assertThat(browser.findElements(By.cssSelector("header nav, main#main, footer"))).hasSize(3);
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
	}

	@Test
	@DisplayName("R-6.3 R-6.4 The sign-in page asks for login ID, password and code, leads to help for lost login information, and opens no session")
	void signInPageOffersTheFormAndHelp(WebDriver browser) {
		browser.get(url("/sign-in"));
		assertThat(heading(browser)).isEqualTo("Sign in");
		assertThat(browser.findElements(By.cssSelector("form input[name=username], form input[name=password], form input[name=code]")))
			.hasSize(3);
		assertThat(browser.findElements(By.cssSelector("form input[type=hidden][name=_csrf]"))).hasSize(1);
		assertThat(browser.findElement(By.linkText("Lost or stolen login information?")).getAttribute("href"))
			.endsWith("/lost-credentials");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
		// A visitor gets no session before signing in, only the form's token in a strict cookie.
		assertThat(browser.manage().getCookieNamed("PORTAL_SESSION")).isNull();
		assertThat(browser.manage().getCookieNamed("PORTAL_CSRF").isHttpOnly()).isTrue();
		assertThat(browser.manage().getCookieNamed("PORTAL_CSRF").getSameSite()).isEqualTo("Strict");
	}

	@Test
	@DisplayName("R-6.3 Before sign-in the form's token is checked against the visitor's cookie")
	void signInFormTokenIsCheckedAgainstTheCookie() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/sign-in"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("PORTAL_SESSION="));
		String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("PORTAL_CSRF="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(field.find()).isTrue();
		String form = "username=CP00000000&password=not+the+password&code=000000&_csrf="
				+ URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("/sign-in")))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
		assertThat(http.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
		HttpResponse<Void> checked = http.send(post.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(checked.statusCode()).isEqualTo(302);
		assertThat(checked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
	}

	@Test
	@DisplayName("An unknown address shows a friendly page in the visitor's language, with a way home")
	void unknownAddressShowsFriendlyPage(WebDriver browser) {
		browser.get(url("/portal-page/no-such-page?lang=ja"));
		assertThat(heading(browser)).isEqualTo("ページが見つかりません");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Exception", "at portal.");
		assertThat(browser.findElement(By.linkText("ポータルページへ")).getAttribute("href")).endsWith("/");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String heading(WebDriver browser) {
		return browser.findElement(By.tagName("h1")).getText();
	}

	private static String language(WebDriver browser) {
		return browser.findElement(By.tagName("html")).getAttribute("lang");
	}

	private static void waitForHeading(WebDriver browser, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), text));
	}
}
