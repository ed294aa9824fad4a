package portal.usage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-14.1 Stored sketches merge back")
class SketchesTests {

	@Test
	@DisplayName("R-14.1 an encoded sketch merges into a fresh one with the same count")
	void encodedSketchesMerge() {
		Accumulator hour = new Accumulator(true);
		for (int i = 1; i <= 12; i++) {
			hour.accept(i * 10.0);
		}
		Accumulator day = new Accumulator(true);
		day.merge(hour.count(), hour.min(), hour.max(), hour.sum(), hour.encodedSketch());
		day.merge(hour.count(), hour.min(), hour.max(), hour.sum(), hour.encodedSketch());
		assertThat(day.count()).isEqualTo(24);
		assertThat(day.p95()).isCloseTo(hour.p95(), org.assertj.core.data.Offset.offset(1e-9));
	}
}
