package portal.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import portal.platform.SessionCookies;

/**
 * Where CSRF tokens are kept: in the session once the browser has one, before that in a
 * cookie. Opening the sign-in page (or any other page for visitors) therefore creates no
 * session in the database; a flood of such requests costs no writes, and the session is
 * created only at sign-in, with a fresh id.
 *
 * <p>The cookie is HttpOnly, SameSite=Strict and Path=/; with an HTTPS public address it is
 * always Secure and named with the {@code __Host-} prefix (else Secure over HTTPS). The value sent
 * with a form is masked per response, as for session-held tokens. A signed-in session
 * keeps its own token; the cookie is cleared whenever the token is.
 */
final class CsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "PORTAL_CSRF";

	private static final String HEADER = "X-CSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	CsrfTokens(boolean httpsOnly) {
		session.setHeaderName(HEADER);
		session.setParameterName(PARAMETER);
		cookie.setHeaderName(HEADER);
		cookie.setParameterName(PARAMETER);
		cookie.setCookieName(SessionCookies.name(COOKIE, httpsOnly));
		cookie.setCookiePath("/");
		// Without an HTTPS public address the repository marks the cookie Secure per request.
		cookie.setCookieCustomizer(httpsOnly ? builder -> builder.httpOnly(true).sameSite("Strict").secure(true)
				: builder -> builder.httpOnly(true).sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			session.saveToken(null, request, response);
			if (cookie.loadToken(request) != null) {
				cookie.saveToken(null, request, response);
			}
			return;
		}
		if (request.getSession(false) != null) {
			session.saveToken(token, request, response);
		}
		else {
			cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		CsrfToken held = session.loadToken(request);
		return held != null ? held : cookie.loadToken(request);
	}
}
