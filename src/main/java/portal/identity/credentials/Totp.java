package portal.identity.credentials;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (RFC 6238): HMAC-SHA1, 30-second steps, six digits, one step
 * of clock drift either way. A code is accepted only for a step later than the last one
 * used, so an observed code cannot be replayed.
 */
public final class Totp {

	public static final int STEP_SECONDS = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	public static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	public static long step(Instant at) {
		return at.getEpochSecond() / STEP_SECONDS;
	}

	public static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** The step the code belongs to, if it is valid now and newer than {@code lastUsedStep}. */
	public static OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
		if (secret == null || code == null || !code.trim().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(), code.trim().getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	public static String otpauthUri(String issuer, String loginId, String secret) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(loginId) + "?secret=" + secret + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}
}
