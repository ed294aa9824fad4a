package portal.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

@Label("R-14.1 The line parser keeps valid lines and rejects malformed ones with their line numbers")
class LineParserPropertyTests {

	record Line(String text, boolean valid, String instance, double value) {
	}

	@Provide
	Arbitrary<Line> lines() {
		Arbitrary<String> ids = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(12);
		Arbitrary<Double> values = Arbitraries.doubles().between(0, 1e12);
		Arbitrary<Instant> times = Arbitraries.longs().between(946_684_800L, 4_000_000_000L).map(Instant::ofEpochSecond);
		Arbitrary<Line> valid = Combinators.combine(ids, values, times)
			.as((id, v, t) -> new Line("{\"instance\":\"%s\",\"metric\":\"traffic-in\",\"time\":\"%s\",\"value\":%s}"
				.formatted(id, t, v), true, id, v));
		Arbitrary<Line> broken = Arbitraries.of("{\"instance\":\"X\"}", "{not json", "[1,2]",
				"{\"instance\":\"X\",\"metric\":\"m\",\"time\":\"yesterday\",\"value\":1}",
				"{\"instance\":\"X\",\"metric\":\"m\",\"time\":\"2026-11-30T00:00:00Z\",\"value\":\"1\"}",
				"{\"instance\":\"\",\"metric\":\"m\",\"time\":\"2026-11-30T00:00:00Z\",\"value\":1}",
				"{\"instance\":\"X\",\"metric\":\"m\",\"time\":\"2026-11-30T00:00:00Z\",\"value\":1,\"extra\":2}")
			.map(text -> new Line(text, false, "", 0));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(1, broken));
	}

	@Provide
	Arbitrary<List<Line>> bodies() {
		return lines().list().ofMaxSize(60);
	}

	@Property(tries = 200)
	@Label("every valid NDJSON line parses to its values, every malformed one is rejected with its own number")
	void ndjsonLines(@ForAll("bodies") List<Line> body) {
		LineParser parser = new LineParser(IngestFormat.NDJSON);
		List<Long> rejected = new ArrayList<>();
		List<SampleLine> kept = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			try {
				kept.add(parser.parse(i + 1, body.get(i).text()));
			}
			catch (LineRejected ex) {
				rejected.add((long) i + 1);
			}
		}
		List<Long> expectedRejected = new ArrayList<>();
		List<Line> expectedKept = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			if (body.get(i).valid()) {
				expectedKept.add(body.get(i));
			}
			else {
				expectedRejected.add((long) i + 1);
			}
		}
		assertThat(rejected).isEqualTo(expectedRejected);
		assertThat(kept).hasSize(expectedKept.size());
		for (int i = 0; i < kept.size(); i++) {
			assertThat(kept.get(i).instance()).isEqualTo(expectedKept.get(i).instance());
			assertThat(kept.get(i).value()).isEqualTo(expectedKept.get(i).value());
		}
	}

	@Property(tries = 200)
	@Label("CSV lines with four fields parse, quoted or not; other shapes are rejected")
	void csvLines(@ForAll("lines") Line line) throws LineRejected {
		LineParser parser = new LineParser(IngestFormat.CSV);
		String csv = "\"" + line.instance() + "\",traffic-in,2026-11-30T00:00:00Z," + line.value();
		if (line.valid()) {
			SampleLine parsed = parser.parse(7, csv);
			assertThat(parsed.instance()).isEqualTo(line.instance());
			assertThat(parsed.value()).isEqualTo(line.value());
			assertThat(parsed.lineNumber()).isEqualTo(7);
		}
		else {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(7, line.text()))
				.isInstanceOf(LineRejected.class);
		}
	}
}
