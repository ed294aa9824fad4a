package portal.usage.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The range of the instance page: 24h, 7d, 30d, 90d, or custom between two dates (inclusive);
 * and the step, picked for the range unless the person asks for one (5m, 1h or 1d).
 */
record RangeForm(String range, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String step) {

	RangeForm {
		range = range == null || !java.util.Set.of("24h", "7d", "30d", "90d", "custom").contains(range) ? "24h" : range;
		step = step == null || !java.util.Set.of("5m", "1h", "1d").contains(step) ? "" : step;
	}
}
