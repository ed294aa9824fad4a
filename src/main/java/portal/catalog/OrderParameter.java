package portal.catalog;

import java.util.Objects;
import java.util.Optional;

/** One input of an order type, with the rules a submitted value must meet. */
public record OrderParameter(String key, LocalizedText name, ValueType type, boolean required,
		Constraints constraints) {

	public OrderParameter {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(constraints, "constraints");
	}

	/** Checks a submitted value ({@code null} when not submitted); empty when acceptable. */
	public Optional<InvalidValue> check(Object value) {
		return ValueCheck.check(key, type, required, constraints, value);
	}
}
