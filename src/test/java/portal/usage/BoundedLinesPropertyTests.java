package portal.usage;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

@Label("R-14.1 A body is split into its lines whatever the reads deliver: a line break ends a line, a carriage return before it"
		+ " is dropped, and a line longer than the limit is reported as too long")
class BoundedLinesPropertyTests {

	@Provide
	Arbitrary<List<String>> lines() {
		Arbitrary<String> shortLine = Arbitraries.strings().withChars("abc,.:-\r\"").ofMaxLength(40);
		Arbitrary<String> atTheLimit = Arbitraries.integers().between(BoundedLines.MAX_LINE - 2, BoundedLines.MAX_LINE + 2)
			.map("x"::repeat);
		Arbitrary<String> longLine = Arbitraries.integers().between(BoundedLines.MAX_LINE + 1, 3 * BoundedLines.MAX_LINE)
			.map("y"::repeat);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, shortLine), net.jqwik.api.Tuple.of(2, atTheLimit),
				net.jqwik.api.Tuple.of(1, longLine)).list().ofMaxSize(60);
	}

	@Property(tries = 300)
	void splitsAsTheLinesWereWritten(@ForAll("lines") List<String> lines, @ForAll boolean lastTerminated,
			@ForAll @IntRange(min = 1, max = 70_000) int readSize) throws IOException {
		String body = String.join("\n", lines) + (lastTerminated && !lines.isEmpty() ? "\n" : "");
		BoundedLines reader = new BoundedLines(new ShortReads(new StringReader(body), readSize));
		List<String> read = new ArrayList<>();
		for (String line = reader.next(); line != null; line = reader.next()) {
			read.add(line == BoundedLines.TOO_LONG ? "<too long>" : line);
		}
		assertThat(read).containsExactlyElementsOf(expected(lines, lastTerminated));
	}

	// What a line reader should answer: each line as written, without one carriage return at its end, unless
	// longer than the limit (counting that carriage return). An empty last line without a line break is no line.
	private static List<String> expected(List<String> lines, boolean lastTerminated) {
		List<String> expected = new ArrayList<>();
		int count = lines.size();
		if (count > 0 && !lastTerminated && lines.get(count - 1).isEmpty()) {
			count--;
		}
		for (String line : lines.subList(0, count)) {
			if (line.length() > BoundedLines.MAX_LINE) {
				expected.add("<too long>");
			}
			else {
				expected.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
			}
		}
		return expected;
	}

	/** A reader that hands out at most a given number of characters per read, as a network stream may. */
	private static final class ShortReads extends Reader {

		private final Reader reader;

		private final int size;

		ShortReads(Reader reader, int size) {
			this.reader = reader;
			this.size = size;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			return reader.read(buffer, offset, Math.min(length, size));
		}

		@Override
		public void close() throws IOException {
			reader.close();
		}
	}
}
