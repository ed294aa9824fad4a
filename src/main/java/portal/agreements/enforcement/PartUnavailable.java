package portal.agreements.enforcement;

import portal.platform.Availability;

/** Thrown by the route check on a page; rendered as the "suspended" page by {@link SuspendedPages}. */
class PartUnavailable extends RuntimeException {

	private final transient Availability.Unavailable unavailable;

	PartUnavailable(Availability.Unavailable unavailable) {
		super(unavailable.problemType(), null, false, false);
		this.unavailable = unavailable;
	}

	Availability.Unavailable unavailable() {
		return unavailable;
	}
}
