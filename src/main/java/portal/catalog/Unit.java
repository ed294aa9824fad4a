package portal.catalog;

/** The unit a usage metric is measured in; labels come from {@code catalog.unit.<code>}. */
public enum Unit implements Coded {

	BITS_PER_SECOND("bps"),
	BYTES("bytes"),
	PERCENT("percent"),
	MILLISECONDS("ms"),
	SECONDS("seconds"),
	MINUTES("minutes"),
	COUNT("count"),
	CALLS("calls"),
	MESSAGES("messages"),
	REQUESTS("requests"),
	KILOWATTS("kw"),
	KILOWATT_HOURS("kwh"),
	CELSIUS("celsius"),
	DBM("dbm"),
	RACK_UNITS("rack-units");

	private final String code;

	Unit(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return code;
	}
}
