package portal.customers.inventory;

import java.time.Instant;
import java.util.Map;

/** A service instance as lists, pages and the API show it. */
public record InstanceRow(String id, String contractNo, String relevantService, String kind, String label,
		Map<String, Object> attributes, String state, Instant updatedAt) {

	public InstanceRow {
		attributes = Map.copyOf(attributes);
	}
}
