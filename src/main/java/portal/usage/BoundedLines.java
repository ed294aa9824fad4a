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
			int start = position;
			int end = start;
			while (end < limit && buffer[end] != '\n') {
				end++;
			}
			boolean complete = end < limit;
			position = complete ? end + 1 : end;
			int length = end - start;
			if (complete && !tooLong && line.length() == 0 && length <= MAX_LINE) {
				// The whole line within the buffer, the common case: no copy but the string itself.
				return new String(buffer, start, length > 0 && buffer[end - 1] == '\r' ? length - 1 : length);
			}
			int room = MAX_LINE - line.length();
			if (length > room) {
				tooLong = true;
			}
			if (!tooLong) {
				line.append(buffer, start, length);
			}
			if (complete) {
				return finish(tooLong);
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
