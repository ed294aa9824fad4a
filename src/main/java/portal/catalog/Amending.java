package portal.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Who amends the catalog, at which instant, and which day that is for the effective-date rules. */
record Amending(String by, Instant at, LocalDate today) {

	Amending {
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(today, "today");
	}
}
