package portal.identity.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An offline corpus of breached passwords (ASVS 6.2.12): the SHA-1 hashes of Have I Been
 * Pwned's Pwned Passwords, searched in place with a binary search over the file, never
 * read into memory (the full list is about 40 GB).
 *
 * <p>Two forms. The text form as published, "ordered by hash": one {@code HEX40:COUNT} line
 * per hash, sorted; lines may end in CRLF or LF and counts vary in width, so the search
 * seeks to a byte offset, moves to the next line start and compares the line's hash.
 * The compact form: an 8-byte header {@code PWNED20\n} or {@code PWNED08\n}, then sorted
 * fixed-width records of the whole 20-byte hash or of its first 8 bytes.
 */
final class BreachedPasswords {

	static final BreachedPasswords NONE = new BreachedPasswords(null, null, 0, 0, 0);

	static final int HASH_HEX = 40;

	private static final int HEADER = 8;

	private static final int CHUNK = 128;

	private final Path file;

	private final FileChannel channel;

	// Where the first line or record starts (after a byte-order mark or the header).
	private final long start;

	private final long size;

	// Bytes per record of the compact form; 0 for the text form.
	private final int width;

	private BreachedPasswords(Path file, FileChannel channel, long start, long size, int width) {
		this.file = file;
		this.channel = channel;
		this.start = start;
		this.size = size;
		this.width = width;
	}

	// Opens and checks a corpus; refuses a file that cannot be read or is in neither form.
	static BreachedPasswords open(Path file) {
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.READ);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The breached-password file " + file + " cannot be read ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")", ex);
		}
		try {
			long size = channel.size();
			byte[] head = read(channel, 0, HASH_HEX + 4, size);
			String magic = new String(head, 0, Math.min(HEADER, head.length), StandardCharsets.US_ASCII);
			if (magic.equals("PWNED20\n") || magic.equals("PWNED08\n")) {
				int width = magic.equals("PWNED20\n") ? 20 : 8;
				if ((size - HEADER) % width != 0 || size == HEADER) {
					throw invalid(file, "its records are not whole " + width + "-byte hashes");
				}
				return new BreachedPasswords(file, channel, HEADER, size, width);
			}
			int bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
					&& (head[2] & 0xff) == 0xBF ? 3 : 0;
			if (head.length < bom + HASH_HEX + 1 || !isHex(head, bom, HASH_HEX) || head[bom + HASH_HEX] != ':') {
				throw invalid(file, "its first line is not a SHA-1 hash in hex followed by ':' (the SHA-1 list "
						+ "\"ordered by hash\" is needed, not the NTLM one)");
			}
			return new BreachedPasswords(file, channel, bom, size, 0);
		}
		catch (IOException | RuntimeException ex) {
			try {
				channel.close();
			}
			catch (IOException suppressed) {
				ex.addSuppressed(suppressed);
			}
			if (ex instanceof IllegalStateException refusal) {
				throw refusal;
			}
			throw new IllegalStateException("The breached-password file " + file + " cannot be read", ex);
		}
	}

	boolean enabled() {
		return channel != null;
	}

	Path file() {
		return file;
	}

	// Whether the password's SHA-1 hash is in the corpus.
	boolean contains(String password) {
		return channel != null && containsHash(sha1(password));
	}

	boolean containsHash(byte[] hash) {
		if (channel == null) {
			return false;
		}
		try {
			return width == 0 ? containsLine(HexFormat.of().withUpperCase().formatHex(hash)
				.getBytes(StandardCharsets.US_ASCII)) : containsRecord(Arrays.copyOf(hash, width));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The breached-password file " + file + " cannot be read", ex);
		}
	}

	void close() throws IOException {
		if (channel != null) {
			channel.close();
		}
	}

	private boolean containsRecord(byte[] target) throws IOException {
		long low = 0;
		long high = (size - start) / width;
		while (low < high) {
			long middle = (low + high) >>> 1;
			byte[] record = read(channel, start + middle * width, width, size);
			int order = Arrays.compareUnsigned(record, target);
			if (order == 0) {
				return true;
			}
			if (order < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return false;
	}

	// Searches the lines that start in [low, high); low is always a line start.
	private boolean containsLine(byte[] target) throws IOException {
		long low = start;
		long high = size;
		while (low < high) {
			long middle = low + (high - low) / 2;
			long line = middle == low ? low : lineStartFrom(middle);
			if (line >= high) {
				high = middle;
				continue;
			}
			byte[] head = read(channel, line, HASH_HEX, size);
			int order = compareHash(head, target);
			if (order == 0) {
				return true;
			}
			if (order < 0) {
				low = lineStartFrom(line + 1);
			}
			else {
				high = line;
			}
		}
		return false;
	}

	// The first line start at or after position (a line starts after a '\n'); size when none.
	private long lineStartFrom(long position) throws IOException {
		long at = position - 1;
		while (at < size) {
			byte[] chunk = read(channel, at, CHUNK, size);
			for (int i = 0; i < chunk.length; i++) {
				if (chunk[i] == '\n') {
					return at + i + 1;
				}
			}
			at += chunk.length;
		}
		return size;
	}

	// Compares a line's leading hash with the target; a line without a whole hash (a blank
	// line at the end of the file) sorts last.
	private static int compareHash(byte[] line, byte[] target) {
		for (int i = 0; i < target.length; i++) {
			if (i >= line.length || !isHex(line[i])) {
				return 1;
			}
			int c = upper(line[i]);
			if (c != target[i]) {
				return Integer.compare(c, target[i]);
			}
		}
		return 0;
	}

	private static byte[] read(FileChannel channel, long position, int length, long size) throws IOException {
		int wanted = (int) Math.max(0, Math.min(length, size - position));
		ByteBuffer buffer = ByteBuffer.allocate(wanted);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				break;
			}
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

	private static boolean isHex(byte[] bytes, int from, int length) {
		for (int i = from; i < from + length; i++) {
			if (!isHex(bytes[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHex(byte b) {
		return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
	}

	private static int upper(byte b) {
		return b >= 'a' && b <= 'f' ? b - ('a' - 'A') : b;
	}

	static byte[] sha1(String password) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static IllegalStateException invalid(Path file, String why) {
		return new IllegalStateException("The breached-password file " + file + " is not usable: " + why);
	}
}
