package portal.platform.session;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Session ids of 256 bits from {@link SecureRandom}, written in unpadded base64url (43
 * characters). Spring Session's default, a random UUID, carries only 122 random bits,
 * short of the 128 that ASVS 7.2.3 asks of a reference token.
 */
final class RandomSessionIds implements SessionIdGenerator {

	static final int BYTES = 32;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}
}
