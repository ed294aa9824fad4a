package portal.usage;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-14.3 Points held unboxed read as the values set, with nulls for gaps")
class PointValuesTests {

	@Property(tries = 500)
	@Label("R-14.3 a slot reads as the value set in it, a slot never set reads as null")
	void readsAsAListWithNullsForGaps(@ForAll @Size(max = 50) List<@DoubleRange(min = -1e12, max = 1e12) Double> values,
			@ForAll @Size(max = 50) List<Boolean> gaps) {
		PointValues points = new PointValues(values.size());
		List<Double> expected = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			boolean gap = i < gaps.size() && gaps.get(i);
			if (!gap) {
				points.put(i, values.get(i));
			}
			expected.add(gap ? null : values.get(i));
		}
		assertThat(points).hasSize(values.size()).containsExactlyElementsOf(expected);
		assertThat(points).isEqualTo(expected);
	}

	@Test
	@DisplayName("R-14.3 nothing set is all gaps, and the list cannot be changed through List")
	void allGapsAndReadOnly() {
		PointValues points = new PointValues(3);
		assertThat(points).containsExactly(null, null, null);
		assertThatThrownBy(() -> points.add(1.0)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> points.set(0, Double.valueOf(2.0))).isInstanceOf(UnsupportedOperationException.class);
	}
}
