package portal.catalog.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import portal.catalog.Amendment;

/** One kept amendment as the console's history table shows it; times in UTC. */
record AmendmentView(String subject, String key, String change, LocalDate effectiveDate, String amendedBy,
		String amendedAt, String nameBefore, String nameAfter) {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static AmendmentView of(Amendment amendment) {
		return new AmendmentView(amendment.subject().code(), amendment.key(), amendment.change().code(),
				amendment.effectiveDate(), amendment.amendedBy(), MINUTES.format(amendment.amendedAt()),
				Objects.toString(amendment.before().get("name"), ""), Objects.toString(amendment.after().get("name"), ""));
	}
}
