package portal.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's binary COPY format: no text rendering or parsing of numbers and
 * times on either side, which is what makes bulk loads cheap.
 */
final class BinaryCopy implements AutoCloseable {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Microseconds between the Unix epoch and PostgreSQL's, 2000-01-01. */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	// The largest fixed-size field with its length: a uuid.
	private static final int FIELD = 4 + 16;

	private final OutputStream out;

	// Rows are put together here and sent a buffer at a time: a call to the stream per field, each
	// through a synchronized buffer, cost more than the encoding (a chunk's copy spent about 45 ms on them).
	private final byte[] buffer = new byte[1 << 16];

	private int position;

	BinaryCopy(OutputStream target) throws IOException {
		this.out = target;
		System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
		position = SIGNATURE.length;
		putInt(0);
		putInt(0);
	}

	private void room(int bytes) throws IOException {
		if (position + bytes > buffer.length) {
			out.write(buffer, 0, position);
			position = 0;
		}
	}

	private void putInt(int value) {
		INT.set(buffer, position, value);
		position += Integer.BYTES;
	}

	private void putLong(long value) {
		LONG.set(buffer, position, value);
		position += Long.BYTES;
	}

	BinaryCopy row(int fields) throws IOException {
		room(Short.BYTES);
		SHORT.set(buffer, position, (short) fields);
		position += Short.BYTES;
		return this;
	}

	BinaryCopy uuid(UUID value) throws IOException {
		room(FIELD);
		putInt(16);
		putLong(value.getMostSignificantBits());
		putLong(value.getLeastSignificantBits());
		return this;
	}

	BinaryCopy int8(long value) throws IOException {
		room(FIELD);
		putInt(8);
		putLong(value);
		return this;
	}

	BinaryCopy int4(int value) throws IOException {
		room(FIELD);
		putInt(4);
		putInt(value);
		return this;
	}

	BinaryCopy timestamp(Instant value) throws IOException {
		return timestampMicros(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000);
	}

	BinaryCopy timestampMicros(long epochMicros) throws IOException {
		return int8(epochMicros - PG_EPOCH_MICROS);
	}

	BinaryCopy float8(double value) throws IOException {
		return int8(Double.doubleToRawLongBits(value));
	}

	BinaryCopy nullableFloat8(Double value) throws IOException {
		return value == null ? nul() : float8(value);
	}

	BinaryCopy nullableBool(Boolean value) throws IOException {
		if (value == null) {
			return nul();
		}
		room(FIELD);
		putInt(1);
		buffer[position++] = (byte) (value ? 1 : 0);
		return this;
	}

	BinaryCopy bytes(byte[] value) throws IOException {
		if (value == null) {
			return nul();
		}
		room(FIELD);
		putInt(value.length);
		if (value.length > buffer.length - position) {
			out.write(buffer, 0, position);
			position = 0;
			out.write(value);
		}
		else {
			System.arraycopy(value, 0, buffer, position, value.length);
			position += value.length;
		}
		return this;
	}

	BinaryCopy nul() throws IOException {
		room(FIELD);
		putInt(-1);
		return this;
	}

	@Override
	public void close() throws IOException {
		row(-1);
		out.write(buffer, 0, position);
		position = 0;
		out.close();
	}
}
