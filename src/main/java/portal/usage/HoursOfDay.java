package portal.usage;

import java.nio.ByteBuffer;

/**
 * Reads the packed figures of a row of {@code usage.hourly_days}: the day's buckets one after the
 * other, big-endian, as PostgreSQL's send functions write them (2-byte hours of the day, 4-byte
 * counts, 8-byte doubles with NaN for none).
 */
final class HoursOfDay {

	private HoursOfDay() {
	}

	/** The hour of the day (0-23) of each bucket, ascending. */
	static int[] hours(byte[] packed) {
		short[] hours = new short[packed.length / Short.BYTES];
		ByteBuffer.wrap(packed).asShortBuffer().get(hours);
		int[] widened = new int[hours.length];
		for (int i = 0; i < hours.length; i++) {
			widened[i] = hours[i];
		}
		return widened;
	}

	static int[] counts(byte[] packed) {
		int[] counts = new int[packed.length / Integer.BYTES];
		ByteBuffer.wrap(packed).asIntBuffer().get(counts);
		return counts;
	}

	/** The figure of each bucket; NaN where a bucket has none (a p95 of a series without one). */
	static double[] figures(byte[] packed) {
		double[] figures = new double[packed.length / Double.BYTES];
		ByteBuffer.wrap(packed).asDoubleBuffer().get(figures);
		return figures;
	}
}
