package portal.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import portal.identity.PortalUser;

/**
 * Where a person lands after signing in: the page they were asked to sign in for, else the
 * console for staff and the portal for customers' users.
 */
public class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return authentication.getPrincipal() instanceof PortalUser user && user.staff() ? "/console" : "/app";
	}
}
