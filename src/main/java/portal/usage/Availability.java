package portal.usage;

import java.time.Instant;
import java.util.List;

/**
 * Outage periods of an instance and the share of the range it was up, derived from gaps in
 * its samples and from its availability samples: for information only, not a service level.
 */
public record Availability(String instance, Instant from, Instant to, String interval, Double percentage,
		List<Outage> outages, String notice) {

	public record Outage(Instant from, Instant to, String cause) {
	}
}
