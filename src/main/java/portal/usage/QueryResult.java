package portal.usage;

import java.time.Instant;
import java.util.List;

/**
 * Points aligned on one time axis: {@code times[i]} is the start of the i-th step, and each
 * series' {@code values[i]} its value then, or null where no data exists (R-14.3: gaps stay gaps).
 */
public record QueryResult(Instant from, Instant to, String step, String stat, List<Instant> times,
		List<Points> series, String notice) {

	public record Points(SeriesView series, List<Double> values) {
	}
}
