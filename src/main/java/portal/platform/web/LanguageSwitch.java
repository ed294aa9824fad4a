package portal.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Switches the language when a page request carries {@code ?lang=…}; a language the portal
 * does not speak is ignored, so the visitor keeps the one they had. A filter rather than a
 * handler interceptor, so that it also holds for an address nothing answers. The JSON API
 * has no pages to switch and gets no language cookie.
 */
class LanguageSwitch extends OncePerRequestFilter {

	static final String PARAM = "lang";

	private final LocaleResolver locales;

	LanguageSwitch(LocaleResolver locales) {
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String value = request.getParameter(PARAM);
		if (value != null && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			try {
				PortalLanguages.supported(StringUtils.parseLocale(value))
					.ifPresent(language -> locales.setLocale(request, response, language));
			}
			catch (IllegalArgumentException ex) {
				// Not a language tag at all: keep the current language.
			}
		}
		chain.doFilter(request, response);
	}
}
