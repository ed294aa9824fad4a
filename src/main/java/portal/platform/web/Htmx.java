package portal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One URL, two answers: the whole page, or only the fragment an htmx request swaps in. A
 * history restore asks for the whole page even though htmx sends it, because the browser
 * has nothing to swap the fragment into.
 */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isPartial(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
	}

	/** @param fragment the fragment's name inside the page's template */
	public static String view(HttpServletRequest request, HttpServletResponse response, String template,
			String fragment) {
		// Caches must not hand the fragment to a full-page request or the other way round.
		response.addHeader("Vary", "HX-Request");
		return isPartial(request) ? template + " :: " + fragment : template;
	}
}
