package portal.identity.signin;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import portal.platform.RateLimits;

/**
 * Slows down guessing (ASVS 6.3): by default at most 10 sign-in attempts a minute per login
 * ID and 30 a minute per client address, refilled gradually, in budgets every node shares
 * ({@link RateLimits}); re-authentication spends from the same per-login-ID budget. The
 * other public forms (lost credentials, activation) have budgets of their own here too.
 */
@Component
public class SignInThrottle {

	private static final int MAX_KEYS = 100_000;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final RateLimits limits;

	private final RateLimits.Budget byLoginId;

	private final RateLimits.Budget byAddress;

	private final RateLimits.Budget reportsByAddress;

	private final RateLimits.Budget reportsByLoginId;

	private final RateLimits.Budget activationsByAddress;

	SignInThrottle(RateLimits limits,
			@Value("${portal.identity.sign-ins-per-login-id-per-minute:10}") int perLoginId,
			@Value("${portal.identity.sign-ins-per-address-per-minute:30}") int perAddress,
			@Value("${portal.identity.lost-credential-reports-per-address-per-hour:10}") int reportsPerAddress,
			@Value("${portal.identity.lost-credential-reports-per-login-id-per-hour:3}") int reportsPerLoginId,
			@Value("${portal.identity.activations-per-address-per-minute:20}") int activationsPerAddress) {
		this.limits = limits;
		this.byLoginId = limits.budget("sign-in-login-id", perLoginId, MINUTE);
		this.byAddress = limits.budget("sign-in-address", perAddress, MINUTE);
		this.reportsByAddress = limits.budget("lost-credentials-address", reportsPerAddress, Duration.ofHours(1));
		this.reportsByLoginId = limits.budget("lost-credentials-login-id", reportsPerLoginId, Duration.ofHours(1));
		this.activationsByAddress = limits.budget("activation-address", activationsPerAddress, MINUTE);
	}

	private final ConcurrentMap<String, Long> refusalsLogged = new ConcurrentHashMap<>();

	/**
	 * Whether this is the first throttled attempt for the login ID and address in the
	 * current minute, so that a flood leaves one audit entry a minute, not one per request.
	 */
	boolean firstRefusalInWindow(String loginId, String address) {
		if (refusalsLogged.size() > MAX_KEYS) {
			// Forgetting only means one more audit entry for a key, never a lifted limit.
			refusalsLogged.clear();
		}
		long minute = System.nanoTime() / 60_000_000_000L;
		Long previous = refusalsLogged.put(loginId + "|" + address, minute);
		return previous == null || previous != minute;
	}

	/** Takes a token from both budgets, in one database call; false when either is spent. */
	boolean tryAttempt(String loginId, String address) {
		return limits.tryConsume(byLoginId, loginId, byAddress, address);
	}

	/** A re-authentication spends from the login ID's sign-in budget. */
	public boolean tryReauthentication(String loginId) {
		return byLoginId.tryConsume(loginId);
	}

	/** A public lost-credentials report, limited per address and per login ID named. */
	public boolean tryLostCredentialsReport(String loginId, String address) {
		return reportsByAddress.tryConsume(address) && reportsByLoginId.tryConsume(loginId);
	}

	public boolean tryActivation(String address) {
		return activationsByAddress.tryConsume(address);
	}
}
