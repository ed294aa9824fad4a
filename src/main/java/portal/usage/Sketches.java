package portal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

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
		ByteBuffer buffer = sketch.serialize();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	static void mergeInto(DDSketch target, byte[] encoded) {
		try {
			target.mergeWith(DDSketch.decode(ByteArrayInput.wrap(encoded), UnboundedSizeDenseStore::new,
					new LogarithmicMapping(RELATIVE_ACCURACY)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored sketch cannot be read", ex);
		}
	}

	static double p95(DDSketch sketch) {
		return sketch.getValueAtQuantile(P95);
	}
}
