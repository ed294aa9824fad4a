package portal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Loads a page's CSRF token before the page renders. Left deferred, the token would be
 * created (and its cookie set) when the first form asks for it, which on a long page comes
 * after the response buffer was flushed: too late for a cookie or a session.
 */
@ControllerAdvice(annotations = Controller.class)
class CsrfTokenFirst {

	@ModelAttribute
	void loadCsrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}
}
