package portal.platform;

import java.util.Collection;
import java.util.stream.Collectors;

/** Renders strings as a PostgreSQL text-array literal, for {@code CAST(? AS text[])} parameters. */
public final class SqlArrays {

	private SqlArrays() {
	}

	public static String text(Collection<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}
}
