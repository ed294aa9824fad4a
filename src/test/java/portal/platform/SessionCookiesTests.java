package portal.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.3 The session cookie's name and flags")
class SessionCookiesTests {

	@Test
	@DisplayName("R-6.3 with an HTTPS public address the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/")
	void overHttps() {
		MockHttpServletResponse response = write("https://portal.example", false);
		assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-PORTAL_SESSION=")
			.contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Domain");
	}

	@Test
	@DisplayName("R-6.3 a local run over HTTP keeps the plain name, Secure only on HTTPS requests")
	void overHttp() {
		assertThat(write("http://localhost:8080", false).getHeader("Set-Cookie")).startsWith("PORTAL_SESSION=")
			.contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
		assertThat(write("http://localhost:8080", true).getHeader("Set-Cookie")).contains("Secure");
	}

	private static MockHttpServletResponse write(String baseUrl, boolean secureRequest) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(secureRequest);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SessionCookies().cookieSerializer(baseUrl)
			.writeCookieValue(new CookieSerializer.CookieValue(request, response, "abc"));
		return response;
	}
}
