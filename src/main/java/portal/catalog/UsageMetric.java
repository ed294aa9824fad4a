package portal.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * A usage series a service instance reports: its unit, how often it is sampled, how
 * samples roll up into hours and days, and whether a 95th percentile means anything for
 * it (it does for traffic and latency, not for counters).
 */
public record UsageMetric(String key, LocalizedText name, Unit unit, Duration interval,
		Aggregation aggregation, boolean percentile95) {

	/** The sampling interval when a descriptor does not name one. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

	public UsageMetric {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(aggregation, "aggregation");
	}
}
