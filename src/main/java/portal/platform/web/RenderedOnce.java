package portal.platform.web;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A public page rendered once per language and variant and then served from memory, for
 * visitors only. Every sign-in starts by showing the sign-in page, and rendering its layout
 * cost more than the rest of that request. What differs between visitors is the form's CSRF
 * token, which is rendered as a placeholder and put in on each response (masked afresh, as
 * always). Anything else is served as usual: a signed-in visitor (the layout shows who is
 * signed in), a query string other than the known variants, or templates not cached.
 */
final class RenderedOnce {

	/** Kept per (template, language, variant): a handful of entries. */
	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private final ViewResolver views;

	private final boolean templatesCached;

	private final String placeholder = "csrf-" + UUID.randomUUID();

	RenderedOnce(ViewResolver views, boolean templatesCached) {
		this.views = views;
		this.templatesCached = templatesCached;
	}

	/**
	 * The template's view for this request: from memory for visitors asking for one of the
	 * {@code variants} (query strings; {@code ""} for none), else the template as usual.
	 */
	ModelAndView view(String template, Set<String> variants, HttpServletRequest request, Locale locale) {
		String query = request.getQueryString() == null ? "" : request.getQueryString();
		if (!templatesCached || request.getUserPrincipal() != null || !variants.contains(query)
				|| !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken)) {
			return new ModelAndView(template);
		}
		String key = template + "|" + locale.toLanguageTag() + "|" + query;
		return new ModelAndView((View) (model, req, response) -> {
			CsrfToken token = (CsrfToken) req.getAttribute(CsrfToken.class.getName());
			String page = pages.get(key);
			if (page == null) {
				page = render(template, locale, query, model, req, response, token);
			}
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(page.replace(placeholder, HtmlUtils.htmlEscape(token.getToken())));
		});
	}

	private String render(String template, Locale locale, String query, Map<String, ?> model,
			HttpServletRequest request, HttpServletResponse response, CsrfToken token) throws Exception {
		View view = views.resolveViewName(template, locale);
		if (view == null) {
			throw new IllegalStateException("No template " + template);
		}
		Map<String, Object> shell = new java.util.HashMap<>(model == null ? Map.of() : model);
		shell.put("languageLinks", LanguageLink.forQuery(query.isEmpty() ? null : query));
		CsrfToken stand = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), placeholder);
		Object parameterAttribute = request.getAttribute(token.getParameterName());
		request.setAttribute(CsrfToken.class.getName(), stand);
		request.setAttribute(token.getParameterName(), stand);
		CharArrayWriter buffer = new CharArrayWriter();
		try {
			view.render(shell, request, new HttpServletResponseWrapper(response) {
				private final PrintWriter writer = new PrintWriter(buffer);

				@Override
				public PrintWriter getWriter() {
					return writer;
				}

				@Override
				public void flushBuffer() {
					writer.flush();
				}
			});
		}
		finally {
			request.setAttribute(CsrfToken.class.getName(), token);
			request.setAttribute(token.getParameterName(), parameterAttribute);
		}
		String page = buffer.toString();
		// A template that no longer shows the token where expected is rendered every time instead.
		if (page.contains(placeholder)) {
			pages.put(template + "|" + locale.toLanguageTag() + "|" + query, page);
		}
		return page;
	}
}
