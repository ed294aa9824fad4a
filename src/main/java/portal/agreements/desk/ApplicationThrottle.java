package portal.agreements.desk;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;
import portal.agreements.lifecycle.AgreementSettings;

/**
 * Limits applications per client address (by default 10 an hour), so that the public form
 * cannot flood the desk's queue. Buckets live in this node's memory.
 */
@Component
class ApplicationThrottle {

	private static final int MAX_KEYS = 100_000;

	private final ConcurrentMap<String, Bucket> byAddress = new ConcurrentHashMap<>();

	private final int perHour;

	ApplicationThrottle(AgreementSettings settings) {
		this.perHour = settings.applicationsPerAddressPerHour();
	}

	boolean tryAcquire(String address) {
		if (byAddress.size() > MAX_KEYS) {
			byAddress.clear();
		}
		return byAddress.computeIfAbsent(address == null ? "" : address, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build()).tryConsume(1);
	}
}
