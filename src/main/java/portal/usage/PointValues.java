package portal.usage;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A series' values on a time axis, held unboxed: NaN where no data exists, read as null (R-14.3:
 * gaps stay gaps). A query of 100 series over a month of hours fills 72,000 slots; held as
 * doubles they are one array per series rather than an object per value. Stored values are
 * finite (ingestion refuses others), so NaN never stands for a value. Read-only.
 */
final class PointValues extends AbstractList<Double> implements RandomAccess {

	private final double[] values;

	/** {@code size} slots, all gaps until set. */
	PointValues(int size) {
		this.values = new double[size];
		Arrays.fill(values, Double.NaN);
	}

	/** Sets the value of a slot (named apart from {@code List.set}, which this list refuses). */
	void put(int index, double value) {
		values[index] = value;
	}

	@Override
	public Double get(int index) {
		double value = values[index];
		return Double.isNaN(value) ? null : value;
	}

	@Override
	public int size() {
		return values.length;
	}
}
