package portal.platform;

import org.springframework.http.HttpStatus;

/** A budget of {@link RateLimits} is spent: answered 429, and nothing was done. */
public class RateLimitExceeded extends PortalException {

	public RateLimitExceeded() {
		super("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again in a few minutes.");
	}
}
