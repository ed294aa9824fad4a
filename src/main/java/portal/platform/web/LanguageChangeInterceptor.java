package portal.platform.web;

import java.util.Locale;

import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Switches the language when a request carries {@code ?lang=…}. A language the portal does not
 * speak is ignored, so the visitor keeps the one they had.
 */
class LanguageChangeInterceptor extends LocaleChangeInterceptor {

	static final String PARAM = "lang";

	LanguageChangeInterceptor() {
		setParamName(PARAM);
		setIgnoreInvalidLocale(true);
	}

	@Override
	protected Locale parseLocaleValue(String value) {
		Locale parsed = super.parseLocaleValue(value);
		return PortalLanguages.supported(parsed)
			.orElseThrow(() -> new IllegalArgumentException("Unsupported language: " + value));
	}
}
