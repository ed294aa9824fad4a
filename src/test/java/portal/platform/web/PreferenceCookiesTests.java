package portal.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.3 The language and time-zone cookies carry the __Host- prefix like the session cookie")
class PreferenceCookiesTests {

	@Test
	@DisplayName("R-6.3 with an HTTPS public address the language cookie is __Host-portal-lang, Secure, HttpOnly, Path=/, no Domain")
	void languageCookieOverHttps() {
		Cookie cookie = languageCookie(true, "__Host-portal-lang");
		assertThat(cookie.getSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("__Host-portal-lang", "ja"));
		assertThat(new LanguageCookieResolver(true).resolveLocale(request)).isEqualTo(Locale.JAPANESE);
	}

	@Test
	@DisplayName("R-6.3 a local run over HTTP keeps the plain language cookie name, not Secure")
	void languageCookieOverHttp() {
		Cookie cookie = languageCookie(false, "portal-lang");
		assertThat(cookie.getSecure()).isFalse();
		assertThat(cookie.getPath()).isEqualTo("/");
	}

	@Test
	@DisplayName("R-6.3 the server reads the browser's zone from __Host-portal-tz, preferred, or portal-tz")
	void timeZoneCookieUnderBothNames() {
		assertThat(Times.browserZone(requestWith(new Cookie("__Host-portal-tz", "Asia%2FTokyo"))))
			.contains(ZoneId.of("Asia/Tokyo"));
		assertThat(Times.browserZone(requestWith(new Cookie("portal-tz", "Europe%2FParis"))))
			.contains(ZoneId.of("Europe/Paris"));
		assertThat(Times.browserZone(requestWith(new Cookie("portal-tz", "Europe%2FParis"),
				new Cookie("__Host-portal-tz", "Asia%2FTokyo")))).contains(ZoneId.of("Asia/Tokyo"));
		assertThat(Times.browserZone(requestWith(new Cookie("__Host-portal-tz", "Mars%2FOlympus"),
				new Cookie("portal-tz", "Europe%2FParis")))).contains(ZoneId.of("Europe/Paris"));
	}

	@Test
	@DisplayName("R-6.3 on an HTTPS page the script sets __Host-portal-tz with Secure and Path=/")
	void scriptPrefixesTheCookieOverHttps() throws IOException {
		String script;
		try (InputStream in = getClass().getResourceAsStream("/static/js/time-zone.js")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(script).contains("var secure = location.protocol === 'https:';",
				"var name = secure ? '__Host-portal-tz' : 'portal-tz';", "'; Path=/;", "(secure ? '; Secure' : '')")
			.doesNotContain("domain=", "Domain=");
	}

	private static Cookie languageCookie(boolean httpsOnly, String name) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		new LanguageCookieResolver(httpsOnly).setLocale(request, response, Locale.JAPANESE);
		Cookie cookie = response.getCookie(name);
		assertThat(cookie).as(name).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("ja");
		return cookie;
	}

	private static MockHttpServletRequest requestWith(Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(cookies);
		return request;
	}
}
