package portal.customers.inventory;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribute values of a service instance, keyed by the descriptor's attribute keys. Two
 * sets are equal when they mean the same values, however the numbers were spelt (100 and
 * 100.0), so a repeated report is recognised as unchanged.
 */
public final class Attributes {

	private static final Attributes NONE = new Attributes(Map.of());

	private final Map<String, Object> values;

	private Attributes(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	/** Values as stored: already checked and normalised by {@link AttributeRules}. */
	static Attributes of(Map<String, ?> values) {
		return values.isEmpty() ? NONE : new Attributes(Map.copyOf(values));
	}

	public Map<String, Object> values() {
		return values;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Attributes that && comparable().equals(that.comparable());
	}

	@Override
	public int hashCode() {
		return comparable().hashCode();
	}

	@Override
	public String toString() {
		return values.toString();
	}

	private Map<String, String> comparable() {
		Map<String, String> comparable = new TreeMap<>();
		values.forEach((key, value) -> comparable.put(key, value instanceof Number number
				? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
				: String.valueOf(value)));
		return comparable;
	}
}
