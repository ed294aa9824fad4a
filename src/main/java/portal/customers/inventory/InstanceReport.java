package portal.customers.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service instance as a relevant-service system reports it; attribute values are checked
 * against the relevant service's descriptor when the report is recorded.
 */
public record InstanceReport(String instanceId, String contractNo, String kind, String label,
		Map<String, Object> attributes, InstanceState state) {

	/** Instance ids come from the feeding systems and appear in URLs. */
	public static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

	public static final int MAX_LABEL = 200;

	public InstanceReport {
		if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
			throw InventoryRefusal.invalid("instanceId", "Use 1 to 128 letters, digits, '.', '_', ':' or '-'.");
		}
		if (contractNo == null || contractNo.isBlank()) {
			throw InventoryRefusal.invalid("contractNo", "Name the contract the instance belongs to.");
		}
		if (kind == null || kind.isBlank()) {
			throw InventoryRefusal.invalid("kind", "Name the instance kind.");
		}
		if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
			throw InventoryRefusal.invalid("label", "Use 1 to " + MAX_LABEL + " characters.");
		}
		label = label.strip();
		if (state == null) {
			throw InventoryRefusal.invalid("state", "Use one of " + String.join(", ", InstanceState.codes()) + ".");
		}
		// JSON null values mean "not given"; LinkedHashMap because Map.copyOf refuses them
		attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
	}
}
