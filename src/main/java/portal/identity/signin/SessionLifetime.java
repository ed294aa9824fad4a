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
 * however active it has been, or has been idle longer than the idle limit (30 min) (ASVS
 * 7.3), in the portal's clock, and records the expiry in the audit trail. The session
 * store's own timeout stays as a backstop. The start is stamped at sign-in (a session made
 * another way, such as in tests, is stamped on its first request); the last activity at
 * most once a minute, so an active session costs no extra write on most requests.
 */
public class SessionLifetime extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "portal.signedInAt";

	static final String ACTIVE_AT = "portal.activeAt";

	private static final long STAMP_EVERY_MILLIS = 60_000;

	private final Duration idleTimeout;

	private final Duration absoluteTimeout;

	private final Clock clock;

	private final SecurityEvents events;

	SessionLifetime(Duration idleTimeout, Duration absoluteTimeout, Clock clock, SecurityEvents events) {
		this.idleTimeout = idleTimeout;
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
		this.events = events;
	}

	/** Stamps a new session's start and activity, at sign-in. */
	static void start(HttpSession session, Instant now) {
		session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
		session.setAttribute(ACTIVE_AT, now.toEpochMilli());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
			Instant now = clock.instant();
			Object stamped = session.getAttribute(SIGNED_IN_AT);
			Object active = session.getAttribute(ACTIVE_AT);
			String expired = null;
			if (stamped instanceof Long start && Instant.ofEpochMilli(start).plus(absoluteTimeout).isBefore(now)) {
				expired = "absolute";
			}
			else if (active instanceof Long last && Instant.ofEpochMilli(last).plus(idleTimeout).isBefore(now)) {
				expired = "idle";
			}
			if (expired != null) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				events.record(user.actor(), request.getRemoteAddr(), "session.expired", user.loginId(),
						java.util.Map.of("limit", expired));
			}
			else {
				if (!(stamped instanceof Long)) {
					session.setAttribute(SIGNED_IN_AT, now.toEpochMilli());
				}
				if (!(active instanceof Long last) || now.toEpochMilli() - last >= STAMP_EVERY_MILLIS) {
					session.setAttribute(ACTIVE_AT, now.toEpochMilli());
				}
			}
		}
		chain.doFilter(request, response);
	}
}
