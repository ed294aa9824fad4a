package portal.usage.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The range of the instance page: 24h, 7d, 30d, 90d, or custom between two dates (inclusive);
 * and the step, picked for the range unless the person asks for one (5m, 1h or 1d). The dates
 * are kept as they were sent, so that a custom range that cannot be shown comes back in its
 * fields with the reason beside them.
 */
record RangeForm(String range, String from, String to, String step) {

	/** The longest custom range, in days, both dates included. */
	static final int MAX_DAYS = 400;

	RangeForm {
		range = range == null || !Set.of("24h", "7d", "30d", "90d", "custom").contains(range) ? "24h" : range;
		from = from == null ? "" : from.strip();
		to = to == null ? "" : to.strip();
		step = step == null || !Set.of("5m", "1h", "1d").contains(step) ? "" : step;
	}

	/**
	 * Why a custom range cannot be shown, as the last part of its message key
	 * ({@code usage.range.error.*}): a date missing or not a date, the end before the start, or
	 * more than {@value #MAX_DAYS} days. Empty for a range that can be shown, and for the fixed ranges.
	 */
	Optional<String> problem() {
		if (!"custom".equals(range)) {
			return Optional.empty();
		}
		if (from.isEmpty() || to.isEmpty()) {
			return Optional.of("missing");
		}
		Optional<LocalDate> first = date(from);
		Optional<LocalDate> last = date(to);
		if (first.isEmpty() || last.isEmpty()) {
			return Optional.of("unreadable");
		}
		if (last.get().isBefore(first.get())) {
			return Optional.of("order");
		}
		if (first.get().plusDays(MAX_DAYS - 1).isBefore(last.get())) {
			return Optional.of("too-long");
		}
		return Optional.empty();
	}

	/** The first day of a custom range that can be shown. */
	LocalDate firstDay() {
		return date(from).orElseThrow();
	}

	/** The last day (inclusive) of a custom range that can be shown. */
	LocalDate lastDay() {
		return date(to).orElseThrow();
	}

	private static Optional<LocalDate> date(String text) {
		try {
			return Optional.of(LocalDate.parse(text));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}
}
