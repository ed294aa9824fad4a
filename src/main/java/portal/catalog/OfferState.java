package portal.catalog;

import java.util.Locale;

/** Where a catalog entry stands on a given day: not yet offered, offered, retiring on a set date, or retired. */
public enum OfferState {

	UPCOMING,
	OFFERED,
	RETIRING,
	RETIRED;

	/** How the API and the history spell it, e.g. {@code retiring}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether customers may hold contracts for it on that day. */
	public boolean offered() {
		return this == OFFERED || this == RETIRING;
	}
}
