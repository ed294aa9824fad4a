package portal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of order or transaction users may submit for a relevant service, and the
 * parameters it takes. {@link #validate} is the single place its input rules live.
 *
 * @param changes the instance attributes that completing such an order sets, each from the
 *        parameter of the same key; empty when it changes nothing recorded on the instance
 *        (a fault report, or a new site that becomes an instance of its own). A parameter
 *        named like an attribute changes nothing unless it is listed here.
 */
public record OrderType(String key, LocalizedText name, List<OrderParameter> parameters, List<String> changes) {

	public OrderType {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		parameters = List.copyOf(parameters);
		changes = List.copyOf(changes);
		for (String attribute : changes) {
			if (parameters.stream().noneMatch(p -> p.key().equals(attribute))) {
				throw new IllegalArgumentException("changes names " + attribute + ", not a parameter of " + key);
			}
		}
	}

	/** An order type that changes nothing recorded on the instance. */
	public OrderType(String key, LocalizedText name, List<OrderParameter> parameters) {
		this(key, name, parameters, List.of());
	}

	public Optional<OrderParameter> parameter(String key) {
		return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
	}

	/**
	 * Checks submitted values against every parameter; a value for a parameter this order
	 * type does not have is refused too, so nothing unchecked reaches an order.
	 *
	 * @return the refused fields, in parameter order then unknown ones; empty when valid
	 */
	public List<InvalidValue> validate(Map<String, ?> values) {
		List<InvalidValue> invalid = new ArrayList<>();
		parameters.forEach(p -> p.check(values.get(p.key())).ifPresent(invalid::add));
		values.keySet().stream()
				.filter(key -> parameter(key).isEmpty())
				.sorted()
				.forEach(key -> invalid.add(new InvalidValue(key, ValueCheck.UNKNOWN)));
		return List.copyOf(invalid);
	}
}
