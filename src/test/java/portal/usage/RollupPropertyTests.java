package portal.usage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Label("R-14.1 Rollups equal what the raw samples say, however they arrive")
class RollupPropertyTests {

	@Property(tries = 300)
	@Label("a day rolled up from its hours has the raw count, min, max, sum and mean, in any order of arrival")
	void dayFromHoursEqualsRaw(@ForAll @Size(min = 1, max = 288) List<@DoubleRange(min = 0, max = 1e9) Double> values,
			@ForAll long seed) {
		List<Double> shuffled = new ArrayList<>(values);
		Collections.shuffle(shuffled, new Random(seed));
		Accumulator day = new Accumulator(true);
		for (int hour = 0; hour * 12 < shuffled.size(); hour++) {
			Accumulator accumulator = new Accumulator(true);
			shuffled.subList(hour * 12, Math.min(shuffled.size(), hour * 12 + 12)).forEach(accumulator::accept);
			day.merge(accumulator.count(), accumulator.min(), accumulator.max(), accumulator.sum(),
					accumulator.encodedSketch());
		}
		double sum = values.stream().mapToDouble(Double::doubleValue).sum();
		assertThat(day.count()).isEqualTo(values.size());
		assertThat(day.min()).isEqualTo(Collections.min(values));
		assertThat(day.max()).isEqualTo(Collections.max(values));
		assertThat(day.sum()).isCloseTo(sum, within(Math.abs(sum) * 1e-12 + 1e-9));
		assertThat(day.mean()).isCloseTo(sum / values.size(), within(Math.abs(sum / values.size()) * 1e-12 + 1e-9));
	}

	@Property(tries = 300)
	@Label("a p95 from merged sketches lies within the stated relative error of the exact 95th percentile")
	void p95WithinStatedError(@ForAll @Size(min = 1, max = 2000) List<@DoubleRange(min = 0.01, max = 1e10) Double> values,
			@ForAll @IntRange(min = 1, max = 50) int parts) {
		Accumulator merged = new Accumulator(true);
		int size = Math.max(1, values.size() / parts);
		for (int from = 0; from < values.size(); from += size) {
			Accumulator part = new Accumulator(true);
			values.subList(from, Math.min(values.size(), from + size)).forEach(part::accept);
			merged.merge(part.count(), part.min(), part.max(), part.sum(), part.encodedSketch());
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double exact = sorted.get((int) Math.floor(Sketches.P95 * (sorted.size() - 1)));
		assertThat(merged.p95()).isCloseTo(exact, within(exact * Sketches.RELATIVE_ACCURACY + 1e-12));
	}

	@Property(tries = 100)
	@Label("repeating samples of a bucket (idempotent re-sends) is the same as sending them once")
	void repetitionChangesNothing(@ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1e6) Double> values,
			@ForAll @IntRange(min = 1, max = 5) int times) {
		// The merge keeps one sample per (series, time); the bucket is recomputed from what is stored.
		java.util.Map<Integer, Double> stored = new java.util.TreeMap<>();
		for (int t = 0; t < times; t++) {
			for (int i = 0; i < values.size(); i++) {
				stored.put(i, values.get(i));
			}
		}
		Accumulator once = new Accumulator(false);
		values.forEach(once::accept);
		Accumulator repeated = new Accumulator(false);
		stored.values().forEach(repeated::accept);
		assertThat(repeated.count()).isEqualTo(once.count());
		assertThat(repeated.sum()).isEqualTo(once.sum());
	}
}
