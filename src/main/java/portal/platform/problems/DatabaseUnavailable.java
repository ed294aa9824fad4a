package portal.platform.problems;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While PostgreSQL cannot be reached, every request fails fast (the pool waits at most its
 * connection timeout, 2 s by default) with a 503 and {@code Retry-After}, wherever the failure
 * came from: the session store, token authentication or the page itself. It runs outside every
 * other filter so that it also catches failures of the session store.
 *
 * <p>An API caller gets a problem. A person in a browser gets a page in their language that
 * says what happened and what to do; it is written here, without the page layout, because the
 * layout reads the database (the person's name, their unread notices).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private static final String RETRY_AFTER_SECONDS = "10";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="%s">
			<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%s</title></head>
			<body><main>
			<h1>%s</h1>
			<p>%s</p>
			<p>%s</p>
			<p><a href="%s">%s</a></p>
			<p><small>%s</small></p>
			</main></body>
			</html>
			""";

	/** During an outage every request fails: one line every ten seconds says so, with the count. */
	private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final MessageSource messages;

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private final AtomicLong unlogged = new AtomicLong();

	DatabaseUnavailable(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!unreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			logThrottled(request, ex);
			response.resetBuffer();
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			if (wantsPage(request)) {
				writePage(request, response);
				return;
			}
			Problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The service is briefly unavailable. Try again in a few seconds."));
		}
	}

	static boolean unreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** A browser asking for a page, not an API client: pages get a page, APIs a problem. */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return !Problems.isApi(request) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	private void writePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = language(request);
		// Only a page read can simply be asked again; after a form, the way back is the form.
		String again = "GET".equals(request.getMethod()) ? request.getRequestURI() : request.getContextPath() + "/";
		String page = PAGE.formatted(locale.getLanguage(), text("error.503.title", locale), text("error.503.title", locale),
				text("error.503.what", locale), text("error.503.next", locale), HtmlUtils.htmlEscape(again),
				text("error.503.again", locale), HtmlUtils.htmlEscape(messages.getMessage("error.status",
						new Object[] { 503 }, locale)));
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write(page);
	}

	/**
	 * The language chosen in the portal's cookie, else the browser's preference; English unless
	 * either says Japanese. (The filter runs before Spring MVC has resolved the locale.)
	 */
	static Locale language(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().endsWith("portal-lang")) {
					return cookie.getValue().startsWith("ja") ? Locale.JAPANESE : Locale.ENGLISH;
				}
			}
		}
		return "ja".equals(request.getLocale().getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
	}

	private String text(String code, Locale locale) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(code, null, locale));
	}

	private void logThrottled(HttpServletRequest request, Throwable ex) {
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last < LOG_EVERY_NANOS || !this.lastLogged.compareAndSet(last, now)) {
			this.unlogged.incrementAndGet();
			return;
		}
		log.warn("{} {} answered 503, the database could not be reached ({}); {} more since the last such line",
				request.getMethod(), request.getRequestURI(), rootMessage(ex), this.unlogged.getAndSet(0));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
