package portal.catalog.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import portal.catalog.Amendment;

/** One kept amendment as the console's history table shows it; the page shows its time in the reader's zone. */
record AmendmentView(String subject, String key, String change, LocalDate effectiveDate, String amendedBy,
		Instant amendedAt, String nameBefore, String nameAfter) {

	static AmendmentView of(Amendment amendment) {
		return new AmendmentView(amendment.subject().code(), amendment.key(), amendment.change().code(),
				amendment.effectiveDate(), amendment.amendedBy(), amendment.amendedAt(),
				Objects.toString(amendment.before().get("name"), ""), Objects.toString(amendment.after().get("name"), ""));
	}
}
