package portal.usage;

import java.nio.ByteBuffer;

/**
 * One series' hourly buckets of one UTC day, as a row of {@code usage.hourly_days} keeps them: read
 * from the packed columns, changed hour by hour, packed again. A stored hour nobody changed is
 * written back as it was read, its sketch's bytes untouched.
 */
final class DayOfHours {

	static final int HOURS = 24;

	private final long[] counts = new long[HOURS];

	private final double[] mins = new double[HOURS];

	private final double[] maxes = new double[HOURS];

	private final double[] sums = new double[HOURS];

	private final double[] p95s = new double[HOURS];

	private final byte[][] sketches = new byte[HOURS][];

	/** A day without any bucket yet. */
	DayOfHours() {
	}

	/** The row's packed columns, as stored. */
	static DayOfHours unpacked(byte[] hours, byte[] count, byte[] min, byte[] max, byte[] sum, byte[] p95,
			byte[] sketches) {
		DayOfHours day = new DayOfHours();
		int[] hourOf = HoursOfDay.hours(hours);
		int[] counts = HoursOfDay.counts(count);
		double[] mins = HoursOfDay.figures(min);
		double[] maxes = HoursOfDay.figures(max);
		double[] sums = HoursOfDay.figures(sum);
		double[] p95s = HoursOfDay.figures(p95);
		byte[][] sketchOf = HoursOfDay.sketches(sketches, hourOf.length);
		for (int i = 0; i < hourOf.length; i++) {
			int hour = hourOf[i];
			day.counts[hour] = counts[i];
			day.mins[hour] = mins[i];
			day.maxes[hour] = maxes[i];
			day.sums[hour] = sums[i];
			day.p95s[hour] = p95s[i];
			day.sketches[hour] = sketchOf[i];
		}
		return day;
	}

	boolean has(int hour) {
		return counts[hour] > 0;
	}

	/** Folds the stored bucket of the hour, if any, into the given summary. */
	void mergeInto(int hour, Accumulator values) {
		if (has(hour)) {
			values.merge(counts[hour], mins[hour], maxes[hour], sums[hour], sketches[hour]);
		}
	}

	/** The hour's bucket becomes the given summary; an empty one removes it. */
	void put(int hour, Accumulator values) {
		counts[hour] = values.count();
		mins[hour] = values.min();
		maxes[hour] = values.max();
		sums[hour] = values.sum();
		Double p95 = values.p95();
		p95s[hour] = p95 == null ? Double.NaN : p95;
		sketches[hour] = values.encodedSketch();
	}

	boolean isEmpty() {
		for (long count : counts) {
			if (count > 0) {
				return false;
			}
		}
		return true;
	}

	/** The day's summary: its hours merged. */
	Accumulator whole(boolean percentile95) {
		Accumulator day = new Accumulator(percentile95);
		for (int hour = 0; hour < HOURS; hour++) {
			mergeInto(hour, day);
		}
		return day;
	}

	/** The row's columns: hours, count, min, max, sum, p95, sketches. */
	byte[][] packed() {
		int size = 0;
		int sketchBytes = 0;
		for (int hour = 0; hour < HOURS; hour++) {
			if (has(hour)) {
				size++;
				sketchBytes += Integer.BYTES + (sketches[hour] == null ? 0 : sketches[hour].length);
			}
		}
		ByteBuffer hours = ByteBuffer.allocate(size * Short.BYTES);
		ByteBuffer count = ByteBuffer.allocate(size * Integer.BYTES);
		ByteBuffer min = ByteBuffer.allocate(size * Double.BYTES);
		ByteBuffer max = ByteBuffer.allocate(size * Double.BYTES);
		ByteBuffer sum = ByteBuffer.allocate(size * Double.BYTES);
		ByteBuffer p95 = ByteBuffer.allocate(size * Double.BYTES);
		ByteBuffer sketch = ByteBuffer.allocate(sketchBytes);
		for (int hour = 0; hour < HOURS; hour++) {
			if (has(hour)) {
				hours.putShort((short) hour);
				count.putInt(Math.toIntExact(counts[hour]));
				min.putDouble(mins[hour]);
				max.putDouble(maxes[hour]);
				sum.putDouble(sums[hour]);
				p95.putDouble(p95s[hour]);
				byte[] bytes = sketches[hour];
				sketch.putInt(bytes == null ? 0 : bytes.length);
				if (bytes != null) {
					sketch.put(bytes);
				}
			}
		}
		return new byte[][] { hours.array(), count.array(), min.array(), max.array(), sum.array(), p95.array(),
				sketch.array() };
	}
}
