package portal.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import portal.platform.problems.PayloadTooLargeException;

/**
 * Reads an ingestion body into windows of parsed lines, in order: each line either parsed into a
 * {@link SampleLine} or refused with its reason, blank lines and the CSV header left out. A
 * body whose first line is neither NDJSON nor CSV, that is larger than allowed or that breaks
 * off is refused as a whole ({@link UsageRefusal}). Reading holds one window at a time: memory
 * does not grow with the body.
 */
final class BodyReading {

	// Lines handed over at a time, so that the unknown instances they name are looked up together.
	static final int WINDOW = 16_384;

	// Windows a reader thread may parse ahead: a little more than a chunk of samples (SampleWriter.CHUNK),
	// so that parsing goes on while a whole chunk is written.
	private static final int AHEAD = 8;

	/** Up to {@link #WINDOW} lines in the body's order; the body's last window is marked. */
	static final class Window {

		final long[] numbers = new long[WINDOW];

		final SampleLine[] samples = new SampleLine[WINDOW];

		final LineRejected[] refusals = new LineRejected[WINDOW];

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

	/**
	 * Reads the whole body, handing each full window, then the last one (marked, possibly empty), to
	 * the sink. Only the body's own faults become refusals; whatever the sink throws (a failure of the
	 * database it writes to) goes out as it is.
	 */
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
				if (window.size == WINDOW) {
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
		window.last = true;
		sink.accept(window);
	}

	/**
	 * Reads and parses the body on a reader thread while the calling thread takes what was read
	 * (checks and writes it): parsing the next lines overlaps with PostgreSQL writing the last ones.
	 * At most {@link #AHEAD} windows wait to be taken. The sink runs on the calling thread only, so
	 * every database call stays in the caller's transaction; the reader touches only the body, and
	 * this returns only once the reader has stopped (a request's stream must not be read after it).
	 * A refusal of the body, or the sink's own failure, is thrown here.
	 *
	 * @return false, having read nothing, when no reader thread is free: the caller then reads itself
	 */
	static boolean readAhead(InputStream body, LineParser parser, ExecutorService readers, Sink sink) {
		BlockingQueue<Window> ready = new ArrayBlockingQueue<>(AHEAD);
		AtomicBoolean stop = new AtomicBoolean();
		Future<?> reading;
		try {
			reading = readers.submit(() -> {
				try {
					read(body, parser, window -> hand(ready, window, stop));
				}
				catch (Stopped ex) {
					// The taking side gave up first.
				}
				catch (RuntimeException ex) {
					hand(ready, Window.failed(ex), stop);
				}
			});
		}
		catch (RejectedExecutionException busy) {
			return false;
		}
		try {
			Window window;
			do {
				window = ready.take();
				if (window.failure != null) {
					throw window.failure;
				}
				sink.accept(window);
			}
			while (!window.last);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the body", ex);
		}
		finally {
			stop.set(true);
			ready.clear();
			awaitEnd(reading);
		}
	}

	// Ends a reader whose taking side gave up.
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}
	}

	private static void hand(BlockingQueue<Window> ready, Window window, AtomicBoolean stop) {
		try {
			do {
				if (stop.get()) {
					throw new Stopped();
				}
			}
			while (!ready.offer(window, 100, TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
	}

	/**
	 * Waits for the work to end, however it ends (its failure is the caller's to learn otherwise),
	 * keeping an interrupt for after the wait.
	 */
	static void awaitEnd(Future<?> work) {
		boolean interrupted = false;
		while (true) {
			try {
				work.get();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException | CancellationException ex) {
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
