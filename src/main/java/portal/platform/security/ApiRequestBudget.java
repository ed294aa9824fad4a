package portal.platform.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.platform.RateLimits;
import portal.platform.problems.Problems;

/**
 * Every API request spends from a budget per API token (the bearer value), else per
 * session, else per client address, shared by every node. The default is generous: it
 * stops runaway clients and floods, not people.
 */
final class ApiRequestBudget extends OncePerRequestFilter {

	private final RateLimits.Budget budget;

	ApiRequestBudget(RateLimits limits, int perMinute) {
		this.budget = limits.approximateBudget("api", perMinute, Duration.ofMinutes(1));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!budget.tryConsume(key(request))) {
			response.setHeader("Retry-After", "60");
			Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many requests for this token or session; wait a moment and try again."));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String key(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.startsWith("Bearer ")) {
			// Long keys are stored as digests by RateLimits; the token itself is never written.
			return "token:" + authorization.substring(7).trim();
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			return "session:" + session.getId();
		}
		return "address:" + request.getRemoteAddr();
	}
}
