package portal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;

/**
 * The mergeable quantile sketches kept in the rollups: DDSketch with a relative accuracy of
 * {@value #RELATIVE_ACCURACY}, so a p95 read from a sketch lies within 1 % of the true 95th
 * percentile of the samples it summarises, however many buckets were merged.
 */
public final class Sketches {

	/** The relative error of every p95 the portal answers from rollups. */
	public static final double RELATIVE_ACCURACY = 0.01;

	public static final double P95 = 0.95;

	private Sketches() {
	}

	static DDSketch empty() {
		return DDSketches.unboundedDense(RELATIVE_ACCURACY);
	}

	static byte[] encode(DDSketch sketch) {
		GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
		try {
			sketch.encode(output, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A sketch cannot be encoded", ex);
		}
		return output.trimmedCopy();
	}

	static void mergeInto(DDSketch target, byte[] encoded) {
		try {
			target.decodeAndMergeWith(ByteArrayInput.wrap(encoded));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored sketch cannot be read", ex);
		}
	}

	static double p95(DDSketch sketch) {
		return sketch.getValueAtQuantile(P95);
	}
}
