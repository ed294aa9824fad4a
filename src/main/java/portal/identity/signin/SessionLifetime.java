package portal.identity.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.identity.PortalUser;

/**
 * Ends a signed-in session that has lived longer than the absolute limit (12 h by default),
 * however active it has been (ASVS 7.3); the idle limit is the session store's own
 * timeout. The start is stamped on the first signed-in request, in the portal's clock.
 */
public class SessionLifetime extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "portal.signedInAt";

	private final Duration absoluteTimeout;

	private final Clock clock;

	SessionLifetime(Duration absoluteTimeout, Clock clock) {
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof PortalUser) {
			Instant now = clock.instant();
			Object stamped = session.getAttribute(SIGNED_IN_AT);
			if (stamped instanceof Long start && Instant.ofEpochMilli(start).plus(absoluteTimeout).isBefore(now)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
			else if (!(stamped instanceof Long)) {
				session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
			}
		}
		chain.doFilter(request, response);
	}
}
