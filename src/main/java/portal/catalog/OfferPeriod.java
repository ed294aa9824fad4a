package portal.catalog;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import portal.catalog.AmendmentRefused.Reason;

/**
 * When a catalog entry is offered: from a date, and until the day it is retired once
 * retirement is set. Retirement is set once, never on a past day, and never before the
 * entry is offered; a retired entry is kept, only no longer offered.
 */
record OfferPeriod(LocalDate offeredFrom, LocalDate retiredFrom) {

	OfferPeriod {
		Objects.requireNonNull(offeredFrom, "offeredFrom");
	}

	static OfferPeriod startingOn(LocalDate offeredFrom, LocalDate today) {
		if (offeredFrom.isBefore(today)) {
			throw new AmendmentRefused(Reason.EFFECTIVE_DATE_PAST,
					"The effective date " + offeredFrom + " is in the past; choose today (" + today + ") or later.");
		}
		return new OfferPeriod(offeredFrom, null);
	}

	OfferPeriod retiringOn(LocalDate date, LocalDate today) {
		if (retiredFrom != null) {
			throw new AmendmentRefused(Reason.ALREADY_RETIRED,
					"It is already retired from " + retiredFrom + "; an entry is retired only once.");
		}
		if (date.isBefore(today)) {
			throw new AmendmentRefused(Reason.EFFECTIVE_DATE_PAST,
					"The effective date " + date + " is in the past; choose today (" + today + ") or later.");
		}
		if (date.isBefore(offeredFrom)) {
			throw new AmendmentRefused(Reason.EFFECTIVE_DATE_BEFORE_OFFER,
					"The effective date " + date + " is before it is offered (" + offeredFrom + ").");
		}
		return new OfferPeriod(offeredFrom, date);
	}

	Optional<LocalDate> retirement() {
		return Optional.ofNullable(retiredFrom);
	}

	OfferState stateOn(LocalDate day) {
		if (retiredFrom != null && !day.isBefore(retiredFrom)) {
			return OfferState.RETIRED;
		}
		if (day.isBefore(offeredFrom)) {
			return OfferState.UPCOMING;
		}
		return retiredFrom == null ? OfferState.OFFERED : OfferState.RETIRING;
	}

	/** Refuses renaming what has been retired: its name is history by then. */
	void requireNotRetiredOn(LocalDate today) {
		if (stateOn(today) == OfferState.RETIRED) {
			throw new AmendmentRefused(Reason.RETIRED, "It was retired on " + retiredFrom + " and can no longer be renamed.");
		}
	}
}
