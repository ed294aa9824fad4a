package portal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import portal.identity.signin.Reauthenticated;

/**
 * Gives the session a new id, keeping its attributes, after a re-authentication whose action
 * committed (ASVS 7.2.4), as sign-in does: an id seen before the confirmation is worth
 * nothing after it. The new id reaches the browser in the response's session cookie.
 */
@Component
class ReauthenticatedSessions {

	@TransactionalEventListener(fallbackExecution = true)
	void renew(Reauthenticated event) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			if (request.getSession(false) != null) {
				request.changeSessionId();
			}
		}
	}
}
