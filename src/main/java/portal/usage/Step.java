package portal.usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The spacing of the points a query answers, and where they come from: raw samples or a rollup. */
public enum Step {

	FIVE_MINUTES("5m", Duration.ofMinutes(5), "samples"),
	HOUR("1h", Duration.ofHours(1), "hourly"),
	DAY("1d", Duration.ofDays(1), "daily");

	private final String code;

	private final Duration length;

	private final String table;

	Step(String code, Duration length, String table) {
		this.code = code;
		this.length = length;
		this.table = table;
	}

	public String code() {
		return code;
	}

	public Duration length() {
		return length;
	}

	public boolean raw() {
		return this == FIVE_MINUTES;
	}

	String table() {
		return table;
	}

	public static Optional<Step> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	/** The finest step that keeps a range within a few thousand points. */
	public static Step forRange(Duration range) {
		if (range.compareTo(Duration.ofDays(2)) <= 0) {
			return FIVE_MINUTES;
		}
		return range.compareTo(Duration.ofDays(45)) <= 0 ? HOUR : DAY;
	}
}
