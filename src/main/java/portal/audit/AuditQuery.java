package portal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A filter over the trail; blank or null fields do not filter. Page numbers start at 0
 * and sizes are capped at 200 so a reader cannot ask the database for everything at once.
 */
public record AuditQuery(String actor, String action, UUID customerId, Instant from, Instant to, int page, int size) {

	public static final int MAX_SIZE = 200;

	public AuditQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must not be negative");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}
}
