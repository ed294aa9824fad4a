package portal.usage;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

	private final DataOutputStream out;

	BinaryCopy(OutputStream target) throws IOException {
		this.out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
		out.write(SIGNATURE);
		out.writeInt(0);
		out.writeInt(0);
	}

	BinaryCopy row(int fields) throws IOException {
		out.writeShort(fields);
		return this;
	}

	BinaryCopy uuid(UUID value) throws IOException {
		out.writeInt(16);
		out.writeLong(value.getMostSignificantBits());
		out.writeLong(value.getLeastSignificantBits());
		return this;
	}

	BinaryCopy int8(long value) throws IOException {
		out.writeInt(8);
		out.writeLong(value);
		return this;
	}

	BinaryCopy int4(int value) throws IOException {
		out.writeInt(4);
		out.writeInt(value);
		return this;
	}

	BinaryCopy timestamp(Instant value) throws IOException {
		return timestampMicros(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000);
	}

	BinaryCopy timestampMicros(long epochMicros) throws IOException {
		out.writeInt(8);
		out.writeLong(epochMicros - PG_EPOCH_MICROS);
		return this;
	}

	BinaryCopy float8(double value) throws IOException {
		out.writeInt(8);
		out.writeDouble(value);
		return this;
	}

	BinaryCopy nullableFloat8(Double value) throws IOException {
		return value == null ? nul() : float8(value);
	}

	BinaryCopy nullableBool(Boolean value) throws IOException {
		if (value == null) {
			return nul();
		}
		out.writeInt(1);
		out.writeByte(value ? 1 : 0);
		return this;
	}

	BinaryCopy bytes(byte[] value) throws IOException {
		if (value == null) {
			return nul();
		}
		out.writeInt(value.length);
		out.write(value);
		return this;
	}

	BinaryCopy nul() throws IOException {
		out.writeInt(-1);
		return this;
	}

	@Override
	public void close() throws IOException {
		out.writeShort(-1);
		out.close();
	}
}
