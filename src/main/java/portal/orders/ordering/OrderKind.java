package portal.orders.ordering;

import java.util.List;
import java.util.Map;

import portal.catalog.InvalidValue;
import portal.catalog.OrderParameter;
import portal.catalog.OrderType;

/**
 * An order type users may submit on a relevant service, with the item action it takes:
 * the generic {@code add}, {@code modify} and {@code delete} of an instance, built from the
 * descriptor's instance attributes, and the descriptor's own order types. A descriptor type
 * modifies the instance when its descriptor lists the attributes it {@code changes} (a
 * bandwidth change) and changes nothing recorded otherwise (a fault report, a new site).
 *
 * @param onContract whether it names a contract (add) rather than an existing instance
 */
public record OrderKind(String relevantService, OrderType type, ItemAction action, boolean onContract) {

	public String key() {
		return type.key();
	}

	public List<OrderParameter> parameters() {
		return type.parameters();
	}

	/** The instance attributes completing such an order sets from the parameters of the same keys. */
	public List<String> changes() {
		return action == ItemAction.MODIFY ? type.changes() : List.of();
	}

	/**
	 * The single check of submitted values, for pages and the API alike; a {@code modify}
	 * must change at least one value.
	 */
	public List<InvalidValue> validate(Map<String, ?> values) {
		List<InvalidValue> invalid = type.validate(values);
		if (invalid.isEmpty() && action == ItemAction.MODIFY && OrderKinds.MODIFY.equals(key())
				&& values.values().stream().allMatch(v -> v == null || v.toString().isBlank())) {
			return List.of(new InvalidValue("parameters", "orders.value.nothing-to-change", List.of()));
		}
		return invalid;
	}
}
