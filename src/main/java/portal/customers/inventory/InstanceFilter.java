package portal.customers.inventory;

/**
 * Narrows a customer's service instances; a blank field does not narrow. The text matches
 * anywhere in an instance's label or id, ignoring case.
 */
public record InstanceFilter(String relevantService, String contractNo, String state, String text) {

	public static final InstanceFilter NONE = new InstanceFilter("", "", "", "");

	public InstanceFilter {
		relevantService = blankToEmpty(relevantService);
		contractNo = blankToEmpty(contractNo);
		state = blankToEmpty(state);
		text = blankToEmpty(text);
		if (!state.isEmpty() && InstanceState.of(state).isEmpty()) {
			throw InventoryRefusal.invalid("state", "Use one of " + String.join(", ", InstanceState.codes()) + ".");
		}
		if (text.length() > 100) {
			throw InventoryRefusal.invalid("q", "Search for at most 100 characters.");
		}
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.strip();
	}
}
