package portal.catalog;

/**
 * How samples of a usage metric combine into a coarser period (hourly and daily rollups):
 * gauges average or peak, counters sum, levels keep the last reading.
 */
public enum Aggregation implements Coded {

	AVG("avg"),
	MIN("min"),
	MAX("max"),
	SUM("sum"),
	LAST("last");

	private final String code;

	Aggregation(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return code;
	}
}
