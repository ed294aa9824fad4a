package portal.usage;

import java.time.Duration;
import java.util.UUID;

/** One usage series: a metric of one service instance, sampled every interval. */
public record Series(long id, UUID customerId, String instanceId, String metric, String relevantService,
		Duration interval, boolean percentile95) {
}
