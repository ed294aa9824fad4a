package portal.usage;

import portal.catalog.Unit;

/** The values a metric of a unit may take; a sample outside is refused as implausible. */
record MetricRange(double min, double max) {

	private static final double LARGE = 1e15;

	static MetricRange of(Unit unit) {
		return switch (unit) {
			case PERCENT -> new MetricRange(0, 100);
			case CELSIUS -> new MetricRange(-100, 200);
			case DBM -> new MetricRange(-200, 100);
			default -> new MetricRange(0, LARGE);
		};
	}

	boolean contains(double value) {
		return value >= min && value <= max;
	}

	String describe() {
		return "between " + format(min) + " and " + format(max);
	}

	private static String format(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e16 ? String.valueOf((long) value) : String.valueOf(value);
	}
}
