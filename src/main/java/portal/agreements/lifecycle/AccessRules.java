package portal.agreements.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What decides who may use what, as loaded at one moment: every suspension not yet over and
 * every termination scheduled or executed. Small (tens of rows), so each node keeps it in
 * memory and decides every request against the clock.
 */
public record AccessRules(List<Suspension> suspensions, Map<UUID, Instant> terminations) {

	/**
	 * The {@code Invalidations} topic published, in the same transaction, by every change to
	 * suspensions or terminations; the key is the customer, or {@code all}.
	 */
	public static final String CHANGED_TOPIC = "agreements.access";

	public AccessRules {
		suspensions = List.copyOf(suspensions);
		terminations = Map.copyOf(terminations);
	}

	public Optional<Instant> terminationOf(UUID customerId) {
		return Optional.ofNullable(terminations.get(customerId));
	}
}
