package portal.usage.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import portal.platform.problems.PayloadTooLargeException;

/**
 * What a compressed body decompresses to, cut off past the limit: a few kilobytes of gzip
 * can expand to gigabytes (ASVS 5.2.3), which would otherwise be parsed line after line.
 */
final class CappedStream extends FilterInputStream {

	private final long limit;

	private long read;

	CappedStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	private void count(long n) throws IOException {
		read += n;
		if (read > limit) {
			throw new PayloadTooLargeException(limit);
		}
	}
}
