package portal.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One field that describes a service instance (a circuit's bandwidth, a SIM's MSISDN),
 * as relevant-service systems report it and pages show it.
 */
public record InstanceAttribute(String key, LocalizedText name, ValueType type, boolean required,
		Constraints constraints) {

	public InstanceAttribute {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(constraints, "constraints");
	}

	/** Checks a reported value; empty when it is acceptable. */
	public Optional<InvalidValue> check(Object value) {
		return ValueCheck.check(key, type, required, constraints, value);
	}
}
