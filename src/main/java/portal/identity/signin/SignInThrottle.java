package portal.identity.signin;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing (ASVS 6.3): by default at most 10 sign-in attempts a minute per login
 * ID and 30 a minute per client address, refilled gradually. Buckets live in this node's memory,
 * so a cluster of n nodes allows up to n times as much; the per-account lock in the
 * database holds across the cluster.
 */
@Component
public class SignInThrottle {

	private static final int MAX_KEYS = 100_000;

	private final ConcurrentMap<String, Bucket> byLoginId = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Bucket> byAddress = new ConcurrentHashMap<>();

	private final int perLoginId;

	private final int perAddress;

	SignInThrottle(@Value("${portal.identity.sign-ins-per-login-id-per-minute:10}") int perLoginId,
			@Value("${portal.identity.sign-ins-per-address-per-minute:30}") int perAddress) {
		this.perLoginId = perLoginId;
		this.perAddress = perAddress;
	}

	private final ConcurrentMap<String, Long> refusalsLogged = new ConcurrentHashMap<>();

	/**
	 * Whether this is the first throttled attempt for the login ID and address in the
	 * current minute, so that a flood leaves one audit entry a minute, not one per request.
	 */
	boolean firstRefusalInWindow(String loginId, String address) {
		if (refusalsLogged.size() > MAX_KEYS) {
			refusalsLogged.clear();
		}
		long minute = System.nanoTime() / 60_000_000_000L;
		Long previous = refusalsLogged.put(loginId + "|" + address, minute);
		return previous == null || previous != minute;
	}

	/** Takes a token from both buckets; false when either is empty. */
	boolean tryAttempt(String loginId, String address) {
		Bucket login = bucket(byLoginId, loginId, perLoginId);
		Bucket client = bucket(byAddress, address, perAddress);
		return login.tryConsume(1) & client.tryConsume(1);
	}

	private static Bucket bucket(ConcurrentMap<String, Bucket> buckets, String key, int perMinute) {
		if (buckets.size() > MAX_KEYS) {
			// A flood of distinct keys must not exhaust memory; starting afresh only forgives.
			buckets.clear();
		}
		return buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build());
	}
}
