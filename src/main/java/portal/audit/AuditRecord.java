package portal.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a change says about itself for the trail: the action, its target, the customer it
 * concerns (none for portal-wide changes) and details. Actor, origin and time are added by
 * the trail from the current context. Details never hold secrets or personal information.
 */
public record AuditRecord(String action, String targetType, String targetId, UUID customerId,
		Map<String, Object> details) {

	public AuditRecord {
		requireText(action, "action");
		requireText(targetType, "targetType");
		targetId = targetId == null ? "" : targetId;
		details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
	}

	public static AuditRecord of(String action, String targetType, Object targetId) {
		return new AuditRecord(action, targetType, Objects.toString(targetId, ""), null, Map.of());
	}

	public AuditRecord forCustomer(UUID customer) {
		return new AuditRecord(action, targetType, targetId, customer, details);
	}

	public AuditRecord with(String key, Object value) {
		Map<String, Object> more = new TreeMap<>(details);
		more.put(key, value == null ? "" : value);
		return new AuditRecord(action, targetType, targetId, customerId, more);
	}

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("An audit record needs a " + name);
		}
	}
}
