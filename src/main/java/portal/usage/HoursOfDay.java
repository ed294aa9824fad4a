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
		ByteBuffer buffer = ByteBuffer.wrap(packed);
		int[] hours = new int[packed.length / Short.BYTES];
		for (int i = 0; i < hours.length; i++) {
			hours[i] = buffer.getShort();
		}
		return hours;
	}

	static int[] counts(byte[] packed) {
		ByteBuffer buffer = ByteBuffer.wrap(packed);
		int[] counts = new int[packed.length / Integer.BYTES];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = buffer.getInt();
		}
		return counts;
	}

	/** The figure of each bucket; NaN where a bucket has none (a p95 of a series without one). */
	static double[] figures(byte[] packed) {
		ByteBuffer buffer = ByteBuffer.wrap(packed);
		double[] figures = new double[packed.length / Double.BYTES];
		for (int i = 0; i < figures.length; i++) {
			figures[i] = buffer.getDouble();
		}
		return figures;
	}
}
