package portal.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import portal.platform.problems.PayloadTooLargeException;

/**
 * Reads an ingestion body into windows of parsed lines, in order: each line either parsed into a
 * {@link SampleLine} or refused with its reason, blank lines and the CSV header left out. A
 * body whose first line is neither NDJSON nor CSV, that is larger than allowed or that breaks
 * off is refused as a whole ({@link UsageRefusal}). Reading holds one window at a time: memory
 * does not grow with the body.
 */
final class BodyReading {

	/** Up to {@link UsageIngestion#WINDOW} lines in the body's order; the body's last window is marked. */
	static final class Window {

		final long[] numbers = new long[UsageIngestion.WINDOW];

		final SampleLine[] samples = new SampleLine[UsageIngestion.WINDOW];

		final LineRejected[] refusals = new LineRejected[UsageIngestion.WINDOW];

		int size;

		boolean last;

		// Set instead of lines when reading ended in a refusal of the whole body.
		RuntimeException failure;

		static Window failed(RuntimeException failure) {
			Window window = new Window();
			window.failure = failure;
			window.last = true;
			return window;
		}
	}

	interface Sink {

		void accept(Window window);

	}

	private BodyReading() {
	}

	/** Reads the whole body, handing each full window, then the last one (marked, possibly empty), to the sink. */
	static void read(InputStream body, LineParser parser, Sink sink) {
		BoundedLines reader = new BoundedLines(new InputStreamReader(body, StandardCharsets.UTF_8));
		Window window = new Window();
		long number = 0;
		boolean first = true;
		try {
			String line;
			while ((line = reader.next()) != null) {
				number++;
				if (line != BoundedLines.TOO_LONG && line.isBlank()) {
					continue;
				}
				if (first) {
					first = false;
					if (line == BoundedLines.TOO_LONG || line.indexOf('\0') >= 0 || !parser.looksLikeFormat(line)) {
						throw UsageRefusal.unreadableBody("The body is neither NDJSON nor CSV (line " + number
								+ "); nothing was written.");
					}
					if (parser.isHeader(line)) {
						continue;
					}
				}
				int at = window.size++;
				window.numbers[at] = number;
				try {
					if (line == BoundedLines.TOO_LONG) {
						throw new LineRejected("line", "Longer than " + BoundedLines.MAX_LINE + " characters.");
					}
					window.samples[at] = parser.parse(number, line);
				}
				catch (LineRejected ex) {
					window.refusals[at] = ex;
				}
				if (window.size == UsageIngestion.WINDOW) {
					sink.accept(window);
					window = new Window();
				}
			}
		}
		catch (PayloadTooLargeException ex) {
			throw UsageRefusal.tooLarge(ex.getMessage() + " Nothing was written.");
		}
		catch (IOException ex) {
			throw UsageRefusal.unreadableBody("The body could not be read to its end (" + ex.getMessage()
					+ "); nothing was written.");
		}
		catch (UncheckedIOException ex) {
			throw UsageRefusal.unreadableBody("The body could not be read to its end; nothing was written.");
		}
		window.last = true;
		sink.accept(window);
	}
}
