package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser's own time zone, told by the page's script, in a real Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browsers.class)
class TimeZoneBrowserTests {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("R-2.1 a visitor whose browser is in Asia/Tokyo reads the terms' effective times in JST, with no script error")
	void browserZoneReachesTheServer(WebDriver browser) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
		browser.get("http://localhost:" + port + "/portal-page/terms");
		Cookie zone = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> driver.manage().getCookieNamed(TimeZones.BROWSER_COOKIE));
		assertThat(zone.getValue()).isEqualTo("Asia%2FTokyo");
		assertThat(zone.getSameSite()).isEqualTo("Lax");

		browser.get("http://localhost:" + port + "/portal-page/terms");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("JST").doesNotContain("UTC");
		assertThat(Browsers.severeConsoleEntries(browser)).isEmpty();
	}
}
