package portal.platform.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.3 Cookies of a portal reached over HTTPS carry the __Host- prefix and Secure")
class HostCookiesTests {

	@Test
	@DisplayName("R-6.3 with an HTTPS public address the CSRF cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/")
	void csrfCookieOverHttps() {
		CsrfTokens tokens = new CsrfTokens(true);
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		tokens.saveToken(tokens.generateToken(request), request, response);
		jakarta.servlet.http.Cookie cookie = response.getCookie("__Host-PORTAL_CSRF");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
	}

	@Test
	@DisplayName("R-6.3 a local run over HTTP keeps the plain CSRF cookie name, HttpOnly, SameSite=Strict, Secure only on HTTPS requests")
	void csrfCookieOverHttp() {
		CsrfTokens tokens = new CsrfTokens(false);
		for (boolean secure : new boolean[] { false, true }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setSecure(secure);
			MockHttpServletResponse response = new MockHttpServletResponse();
			tokens.saveToken(tokens.generateToken(request), request, response);
			jakarta.servlet.http.Cookie cookie = response.getCookie("PORTAL_CSRF");
			assertThat(cookie).isNotNull();
			assertThat(cookie.getSecure()).isEqualTo(secure);
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
			assertThat(cookie.getPath()).isEqualTo("/");
		}
	}
}
