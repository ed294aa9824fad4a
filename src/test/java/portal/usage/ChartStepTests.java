package portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-14.1 A chart reads a bounded number of points per series")
class ChartStepTests {

	@Test
	@DisplayName("R-14.1 the instance page's ranges get 5m up to 2 days, 1h up to 33 days, 1d beyond")
	void stepsOfTheRanges() {
		assertThat(Step.forChart(Duration.ofHours(24))).isEqualTo(Step.FIVE_MINUTES);
		assertThat(Step.forChart(Duration.ofDays(2))).isEqualTo(Step.FIVE_MINUTES);
		assertThat(Step.forChart(Duration.ofDays(3))).isEqualTo(Step.HOUR);
		assertThat(Step.forChart(Duration.ofDays(7))).isEqualTo(Step.HOUR);
		assertThat(Step.forChart(Duration.ofDays(30))).isEqualTo(Step.HOUR);
		assertThat(Step.forChart(Duration.ofDays(33))).isEqualTo(Step.HOUR);
		assertThat(Step.forChart(Duration.ofDays(34))).isEqualTo(Step.DAY);
		assertThat(Step.forChart(Duration.ofDays(90))).isEqualTo(Step.DAY);
	}

	@Test
	@DisplayName("R-14.1 the query API's default step for a range is unchanged")
	void apiDefaultUnchanged() {
		assertThat(Step.forRange(Duration.ofDays(2))).isEqualTo(Step.FIVE_MINUTES);
		assertThat(Step.forRange(Duration.ofDays(40))).isEqualTo(Step.HOUR);
		assertThat(Step.forRange(Duration.ofDays(46))).isEqualTo(Step.DAY);
	}

	@Property
	@Label("R-14.1 for any range up to 400 days the picked step gives at most 800 points, and the next finer one more")
	void pickedStepIsTheFinestWithinTheBound(@ForAll @LongRange(min = 60, max = 400L * 86_400) long seconds) {
		Duration range = Duration.ofSeconds(seconds);
		Step step = Step.forChart(range);
		assertThat(step.pointsOver(range)).isLessThanOrEqualTo(Step.CHART_POINTS);
		if (step.ordinal() > 0) {
			assertThat(Step.values()[step.ordinal() - 1].pointsOver(range)).isGreaterThan(Step.CHART_POINTS);
		}
	}

	@Test
	@DisplayName("R-14.3 the stretches read sample by sample are exactly those outside the hours the rollups show up")
	void stretchesOutsideTheUpHours() {
		long h = 3600;
		assertThat(UsageQueries.complement(List.of(), 100, 5000)).isDeepEqualTo(new long[][] { { 100, 5000 } });
		assertThat(UsageQueries.complement(List.of(h, 2 * h, 4 * h), 300, 5 * h + 60))
			.isDeepEqualTo(new long[][] { { 300, h }, { 3 * h, 4 * h }, { 5 * h, 5 * h + 60 } });
		assertThat(UsageQueries.complement(List.of(0L, h), 0, 2 * h)).isEmpty();
	}
}
