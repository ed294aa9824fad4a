package portal.usage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-14.1 A failure of the database while writing samples is told apart from a fault of the body")
class WriteFailuresTests {

	@Test
	@DisplayName("a lost connection under a COPY stream is a resource failure, which the portal answers with 503")
	void lostConnectionIsAResourceFailure() {
		IOException copy = new IOException("Write to copy failed.",
				new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
		assertThat(SampleWriter.writeFailure(copy)).isInstanceOf(DataAccessResourceFailureException.class)
			.hasRootCauseInstanceOf(PSQLException.class);
		assertThat(SampleWriter.writeFailure(new IOException("Broken pipe")))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	@DisplayName("an error of the data itself is translated by its SQL state, not taken for an outage")
	void dataErrorKeepsItsKind() {
		PSQLException check = new PSQLException("new row violates check constraint", PSQLState.CHECK_VIOLATION);
		assertThat(SampleWriter.writeFailure(check)).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(SampleWriter.writeFailure(new IOException("Write to copy failed.", check)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	@DisplayName("what the sink of a body's lines throws goes out as it is, not as a refusal of the body")
	void sinkFailuresAreNotRefusalsOfTheBody() {
		LineParser parser = new LineParser(IngestFormat.CSV);
		// More than a window, so that the sink is handed one while the body is still being read.
		byte[] body = "C-1,traffic-in,2026-11-01T00:00:00Z,1\n".repeat(BodyReading.WINDOW + 1)
			.getBytes(StandardCharsets.UTF_8);
		for (RuntimeException failure : new RuntimeException[] { new DataAccessResourceFailureException("connection lost"),
				new UncheckedIOException(new IOException("Write to copy failed.")) }) {
			assertThatThrownBy(() -> BodyReading.read(new ByteArrayInputStream(body), parser, window -> {
				throw failure;
			})).isSameAs(failure);
		}
	}
}
