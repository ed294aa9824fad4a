package portal.usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The spacing of the points a query answers, and where they come from: raw samples or a rollup. */
public enum Step {

	FIVE_MINUTES("5m", Duration.ofMinutes(5), "samples"),
	// Hours are kept by day, a row per series and day (usage.hourly_days): read with their own statement.
	HOUR("1h", Duration.ofHours(1), "hourly_days"),
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

	/**
	 * Points per series a chart reads when its step is picked for it: a chart a few hundred pixels
	 * wide draws no more, and a month of hours (744) still fits.
	 */
	public static final int CHART_POINTS = 800;

	/** Points per series a chart reads at most when the person asks for a finer step: 7 days of 5 minutes. */
	public static final int FINE_CHART_POINTS = 2_016;

	/** The number of points this step gives over a range (a partial step counts as one). */
	public long pointsOver(Duration range) {
		long seconds = length.toSeconds();
		return Math.max(1, (range.toSeconds() + seconds - 1) / seconds);
	}

	/**
	 * The finest step that gives a chart at most {@link #CHART_POINTS} points per series over the
	 * range: up to 2 days 5m (raw samples), up to 33 days 1h, longer 1d.
	 */
	public static Step forChart(Duration range) {
		return Arrays.stream(values()).filter(s -> s.pointsOver(range) <= CHART_POINTS).findFirst().orElse(DAY);
	}

	/** The finest step that keeps a range within a few thousand points (the query API's default). */
	public static Step forRange(Duration range) {
		if (range.compareTo(Duration.ofDays(2)) <= 0) {
			return FIVE_MINUTES;
		}
		return range.compareTo(Duration.ofDays(45)) <= 0 ? HOUR : DAY;
	}
}
