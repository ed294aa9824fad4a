package portal.usage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads the packed figures of a row of {@code usage.hourly_days}: the day's buckets one after the
 * other, big-endian, as PostgreSQL's send functions write them (2-byte hours of the day, 4-byte
 * counts, 8-byte doubles with NaN for none). The queries read a row in place, bucket by bucket
 * (a month of 100 series is 3,000 rows, and nothing is copied out of them); the whole-column
 * readers at the end serve the writer, which merges into a stored day ({@link DayOfHours}).
 */
final class HoursOfDay {

	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

	private final byte[] hours;

	private final byte[] figures;

	private final byte[] counts;

	/** A row's hours, one of its figure columns, and its counts if the figure is to be divided by them. */
	HoursOfDay(byte[] hours, byte[] figures, byte[] counts) {
		this.hours = hours;
		this.figures = figures;
		this.counts = counts;
	}

	/** Buckets in the row. */
	int size() {
		return hours.length / Short.BYTES;
	}

	/** The hour of the day (0-23) of the i-th bucket; ascending with i. */
	int hour(int i) {
		return (short) SHORT.get(hours, i * Short.BYTES);
	}

	/** The figure of the i-th bucket; NaN where it has none (a p95 of a series without one). */
	double figure(int i) {
		return (double) DOUBLE.get(figures, i * Double.BYTES);
	}

	boolean counted() {
		return counts != null;
	}

	int count(int i) {
		return (int) INT.get(counts, i * Integer.BYTES);
	}

	/** Every bucket's hour of the day, ascending. */
	static int[] hours(byte[] packed) {
		HoursOfDay row = new HoursOfDay(packed, null, null);
		int[] hours = new int[row.size()];
		for (int i = 0; i < hours.length; i++) {
			hours[i] = row.hour(i);
		}
		return hours;
	}

	static int[] counts(byte[] packed) {
		int[] counts = new int[packed.length / Integer.BYTES];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = (int) INT.get(packed, i * Integer.BYTES);
		}
		return counts;
	}

	/** Every bucket's sketch (each one's 4-byte length, then its bytes); null where a bucket has none. */
	static byte[][] sketches(byte[] packed, int buckets) {
		byte[][] sketches = new byte[buckets][];
		int at = 0;
		for (int i = 0; i < buckets; i++) {
			int length = (int) INT.get(packed, at);
			at += Integer.BYTES;
			if (length > 0) {
				sketches[i] = Arrays.copyOfRange(packed, at, at + length);
				at += length;
			}
		}
		return sketches;
	}

	/** Every bucket's figure; NaN where a bucket has none. */
	static double[] figures(byte[] packed) {
		double[] figures = new double[packed.length / Double.BYTES];
		for (int i = 0; i < figures.length; i++) {
			figures[i] = (double) DOUBLE.get(packed, i * Double.BYTES);
		}
		return figures;
	}
}
