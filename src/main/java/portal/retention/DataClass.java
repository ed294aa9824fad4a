package portal.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of data the portal keeps for a limited time, with their default periods in days
 * (documented in the README); administrators may change them.
 */
public enum DataClass {

	RAW_USAGE(400), HOURLY_USAGE(800), DAILY_USAGE(1_830), NOTICES(730), SENT_MAILS(400), AUDIT_ENTRIES(2_560),
	DECIDED_APPLICATIONS(1_830), TERMINATED_CUSTOMERS(1_830), ENDED_SESSIONS(90);

	private final int defaultDays;

	DataClass(int defaultDays) {
		this.defaultDays = defaultDays;
	}

	public int defaultDays() {
		return defaultDays;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<DataClass> of(String code) {
		return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
	}
}
