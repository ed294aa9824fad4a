package portal.identity.signin;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import portal.identity.PortalUser;

/**
 * Where a person lands after signing in: the page they were asked to sign in for, else the
 * console for staff and the portal for customers' users. The new session's lifetime starts
 * here, in the one request that made it: stamped later, the first requests of a session
 * running side by side would each add the same session attribute and all but one fail.
 */
public class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	private final Clock clock;

	LandingPage(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		SessionLifetime.start(request.getSession(), clock.instant());
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return authentication.getPrincipal() instanceof PortalUser user && user.staff() ? "/console" : "/app";
	}
}
