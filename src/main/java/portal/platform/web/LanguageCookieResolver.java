package portal.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Remembers the chosen language in a cookie for a year. A cookie naming a language the portal
 * does not speak counts as no choice, so a page is never labelled with a language it is not in.
 * When the portal is reached over HTTPS the cookie is {@code Secure}, {@code Path=/} and named
 * with the {@code __Host-} prefix, like the session cookie.
 */
class LanguageCookieResolver extends CookieLocaleResolver {

	static final String COOKIE_NAME = "portal-lang";

	LanguageCookieResolver(boolean httpsOnly) {
		super(portal.platform.SessionCookies.name(COOKIE_NAME, httpsOnly));
		setCookieSecure(httpsOnly);
		setCookiePath("/");
		setCookieMaxAge(Duration.ofDays(365));
		setCookieSameSite("Lax");
		// Only the server reads it; scripts have no business with it.
		setCookieHttpOnly(true);
		setDefaultLocaleFunction(request -> PortalLanguages.DEFAULT);
	}

	@Override
	protected Locale parseLocaleValue(String value) {
		Locale parsed = super.parseLocaleValue(value);
		return PortalLanguages.supported(parsed).orElse(null);
	}
}
