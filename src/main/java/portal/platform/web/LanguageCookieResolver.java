package portal.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Remembers the chosen language in a cookie for a year. A cookie naming a language the portal
 * does not speak counts as no choice, so a page is never labelled with a language it is not in.
 */
class LanguageCookieResolver extends CookieLocaleResolver {

	static final String COOKIE_NAME = "portal-lang";

	LanguageCookieResolver(boolean httpsOnly) {
		super(COOKIE_NAME);
		setCookieSecure(httpsOnly);
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
