package portal.usage;

import com.datadoghq.sketch.ddsketch.DDSketch;

/** Count, min, max, sum and, when asked for, a p95 sketch of the values of one bucket. */
final class Accumulator {

	private long count;

	private double min = Double.POSITIVE_INFINITY;

	private double max = Double.NEGATIVE_INFINITY;

	private double sum;

	private final DDSketch sketch;

	Accumulator(boolean percentile95) {
		this.sketch = percentile95 ? Sketches.empty() : null;
	}

	void accept(double value) {
		count++;
		min = Math.min(min, value);
		max = Math.max(max, value);
		sum += value;
		if (sketch != null) {
			sketch.accept(value);
		}
	}

	/** Folds in a finer bucket's summary (an hour into its day), or a stored summary of the same bucket. */
	void merge(long count, double min, double max, double sum, byte[] encodedSketch) {
		this.count += count;
		this.min = Math.min(this.min, min);
		this.max = Math.max(this.max, max);
		this.sum += sum;
		if (sketch != null && encodedSketch != null) {
			Sketches.mergeInto(sketch, encodedSketch);
		}
	}

	/** Folds in another summary of disjoint values (samples new to the bucket). */
	void merge(Accumulator other) {
		this.count += other.count;
		this.min = Math.min(this.min, other.min);
		this.max = Math.max(this.max, other.max);
		this.sum += other.sum;
		if (sketch != null && other.sketch != null) {
			sketch.mergeWith(other.sketch);
		}
	}

	/** A summary of the same values, to fold more into without changing this one. */
	Accumulator copy() {
		Accumulator copy = new Accumulator(sketch != null);
		copy.merge(this);
		return copy;
	}

	/** Whether this summary keeps a sketch for a p95. */
	boolean percentile95() {
		return sketch != null;
	}

	long count() {
		return count;
	}

	double min() {
		return min;
	}

	double max() {
		return max;
	}

	double sum() {
		return sum;
	}

	double mean() {
		return sum / count;
	}

	Double p95() {
		return sketch == null || sketch.isEmpty() ? null : Sketches.p95(sketch);
	}

	byte[] encodedSketch() {
		return sketch == null ? null : Sketches.encode(sketch);
	}
}
