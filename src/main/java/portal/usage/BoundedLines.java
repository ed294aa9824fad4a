package portal.usage;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@value #MAX_LINE} characters, so that a body without line breaks
 * cannot make the heap grow: a longer line is read to its end, dropped, and reported as too long.
 */
final class BoundedLines {

	static final int MAX_LINE = 4096;

	/** Marks a line that was too long; compared by identity. */
	static final String TOO_LONG = new String("<too long>");

	private final Reader reader;

	private final char[] buffer = new char[1 << 16];

	private final StringBuilder line = new StringBuilder(256);

	private int position;

	private int limit;

	BoundedLines(Reader reader) {
		this.reader = reader;
	}

	/** The next line without its terminator, the too-long marker, or null at the end. */
	String next() throws IOException {
		line.setLength(0);
		boolean tooLong = false;
		boolean any = false;
		while (true) {
			if (position == limit) {
				limit = reader.read(buffer);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					return any ? finish(tooLong) : null;
				}
			}
			any = true;
			char c = buffer[position++];
			if (c == '\n') {
				return finish(tooLong);
			}
			if (line.length() < MAX_LINE) {
				line.append(c);
			}
			else {
				tooLong = true;
			}
		}
	}

	private String finish(boolean tooLong) {
		if (tooLong) {
			return TOO_LONG;
		}
		int end = line.length();
		if (end > 0 && line.charAt(end - 1) == '\r') {
			end--;
		}
		return line.substring(0, end);
	}
}
