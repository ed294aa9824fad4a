package portal.identity.credentials;

import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.1 Time-based one-time codes (RFC 6238)")
class TotpTests {

	// RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
	private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes());

	@Test
	@DisplayName("R-6.1 codes match the RFC 6238 test vectors (last six digits)")
	void matchesRfcVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
	}

	@Test
	@DisplayName("R-6.1 a code is accepted within one step of drift and never twice")
	void acceptsDriftButNotReplay() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-11-28T10:00:00Z");
		long step = Totp.step(now);
		String previous = Totp.code(secret, step - 1);
		assertThat(Totp.verify(secret, previous, now, 0)).hasValue(step - 1);
		assertThat(Totp.verify(secret, previous, now, step - 1)).isEmpty();
		assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
		assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
		assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
	}
}
