package portal.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded link of the trail, as readers see it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorKind, UUID customerId,
		String action, String targetType, String targetId, String origin, Map<String, Object> details) {
}
