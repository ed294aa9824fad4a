package portal.customers.inventory;

import java.util.Collection;
import java.util.stream.Collectors;

/** Renders a set of keys as a PostgreSQL text array literal for {@code CAST(:x AS text[])}. */
final class Limits {

	private Limits() {
	}

	static String array(Collection<String> values) {
		return values.stream()
			.sorted()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}
}
