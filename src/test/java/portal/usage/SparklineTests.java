package portal.usage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-14.3 Sparklines break at gaps and write their coordinates as before")
class SparklineTests {

	@Property(tries = 2000)
	@Label("R-14.1 a coordinate is written as String.format(\"%.1f\") writes it")
	void oneDecimalAsTheFormatter(@ForAll @DoubleRange(min = 0, max = 100) double value) {
		assertThat(UsageDashboard.oneDecimal(value)).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
	}

	@Test
	@DisplayName("R-14.3 a gap ends one polyline and the next value starts another")
	void gapsSplitTheLine() {
		List<String> lines = UsageDashboard.polylines(Arrays.asList(1.0, 3.0, null, 2.0, null));
		assertThat(lines).containsExactly("0.0,22.0 25.0,2.0", "75.0,12.0");
	}
}
