package portal.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which statistic of a rollup bucket a point shows; raw points are the sample itself. */
public enum Stat {

	MEAN("sum / count"), MIN("min"), MAX("max"), SUM("sum"), P95("p95");

	private final String expression;

	Stat(String expression) {
		this.expression = expression;
	}

	String expression() {
		return expression;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Stat> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
	}
}
