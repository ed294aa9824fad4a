package portal.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import portal.catalog.events.CatalogAmended.Change;
import portal.catalog.events.CatalogAmended.Subject;

/**
 * One kept amendment of the catalog: who made it and when, the day it takes effect,
 * and the entry's state before and after (an addition has an empty before).
 */
public record Amendment(long id, Subject subject, String key, Change change, LocalDate effectiveDate,
		String amendedBy, Instant amendedAt, Map<String, Object> before, Map<String, Object> after) {

	public Amendment {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(change, "change");
		Objects.requireNonNull(effectiveDate, "effectiveDate");
		Objects.requireNonNull(amendedBy, "amendedBy");
		Objects.requireNonNull(amendedAt, "amendedAt");
		before = Map.copyOf(before);
		after = Map.copyOf(after);
	}
}
