package portal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * Abuse limits that every node shares: token buckets kept in PostgreSQL (Bucket4j), one per
 * budget and key, such as {@code sign-in-address} and a client address, or
 * {@code apply} and an address for application submissions. Modules ask for a budget
 * once and spend from it per request:
 *
 * <pre>{@code
 * Budget applications = rateLimits.budget("apply", 5, Duration.ofHours(1));
 * if (!applications.tryConsume(address)) { ... 429 ... }
 * }</pre>
 *
 * Buckets live in the database, not in a bounded map, so a flood of distinct keys creates
 * rows and evicts nobody's budget; rows of full buckets expire and are removed by a job. A
 * key refused once is refused locally until its bucket would refill, so a flood on one key
 * costs no database work.
 */
public final class RateLimits {

	/** Keys refused recently, per node; losing one only means asking the database again. */
	private static final int MAX_REMEMBERED_REFUSALS = 100_000;

	private final ProxyManager<String> buckets;

	private final LongSupplier nanoTime;

	RateLimits(ProxyManager<String> buckets, LongSupplier nanoTime) {
		this.buckets = buckets;
		this.nanoTime = nanoTime;
	}

	/** A budget of {@code capacity} uses per {@code period} for each key, refilled gradually. */
	public Budget budget(String name, long capacity, Duration period) {
		return new Budget(name, capacity, period, false);
	}

	/**
	 * The same for high-volume budgets (every API request): each node spends locally and
	 * settles with the database every few requests or each second, so the limit may be
	 * exceeded by a few uses per node in exchange for no database round trip per request.
	 */
	public Budget approximateBudget(String name, long capacity, Duration period) {
		return new Budget(name, capacity, period, true);
	}

	/** One budget: the same limit for every key. */
	public final class Budget {

		private final String name;

		private final BucketConfiguration configuration;

		private final boolean approximate;

		private final long settleEvery;

		private final ConcurrentMap<String, Long> refusedUntil = new ConcurrentHashMap<>();

		private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();

		private Budget(String name, long capacity, Duration period, boolean approximate) {
			this.name = name;
			this.approximate = approximate;
			this.settleEvery = Math.max(1, capacity / 20);
			this.configuration = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
				.build();
		}

		/** Spends one use of the key's budget; false when the budget is spent. */
		public boolean tryConsume(String key) {
			String id = id(key);
			Long until = refusedUntil.get(id);
			long now = nanoTime.getAsLong();
			if (until != null) {
				if (now - until < 0) {
					return false;
				}
				refusedUntil.remove(id, until);
			}
			ConsumptionProbe probe = proxy(id).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				if (refusedUntil.size() > MAX_REMEMBERED_REFUSALS) {
					refusedUntil.clear();
				}
				refusedUntil.put(id, now + probe.getNanosToWaitForRefill());
			}
			return probe.isConsumed();
		}

		private BucketProxy proxy(String id) {
			if (!approximate) {
				return buckets.builder().build(id, () -> configuration);
			}
			if (proxies.size() > MAX_REMEMBERED_REFUSALS) {
				// Only the few uses not yet settled are lost; the budgets themselves are in the database.
				proxies.clear();
			}
			return proxies.computeIfAbsent(id, k -> buckets.builder()
				.withOptimization(Optimizations.delaying(new DelayParameters(settleEvery, Duration.ofSeconds(1))))
				.build(k, () -> configuration));
		}

		private String id(String key) {
			String value = key == null ? "" : key;
			// Keys that may be secrets (API tokens) or long are kept only as digests.
			return value.length() <= 64 && !value.startsWith("token:") ? name + ":" + value
					: name + ":#" + digest(value);
		}
	}

	private static String digest(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
