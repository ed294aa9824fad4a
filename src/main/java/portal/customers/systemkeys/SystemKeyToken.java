package portal.customers.systemkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A system API key as its holder sends it: {@code cps_<keyId>_<secret>}, the key id in hex
 * (so it never contains the separator) and a 32-byte random secret in base64url. The portal
 * keeps only the SHA-256 hash of the secret; a fast hash suffices for 256 random bits.
 */
record SystemKeyToken(String keyId, String secret) {

	static final String PREFIX = "cps_";

	private static final Pattern FORMAT = Pattern.compile("cps_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

	static SystemKeyToken generate(SecureRandom random) {
		byte[] id = new byte[8];
		byte[] secret = new byte[32];
		random.nextBytes(id);
		random.nextBytes(secret);
		return new SystemKeyToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding()
			.encodeToString(secret));
	}

	static Optional<SystemKeyToken> parse(String presented) {
		Matcher matcher = FORMAT.matcher(presented);
		return matcher.matches() ? Optional.of(new SystemKeyToken(matcher.group(1), matcher.group(2)))
				: Optional.empty();
	}

	String value() {
		return PREFIX + keyId + "_" + secret;
	}

	byte[] secretHash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Never the secret: tokens end up in logs through toString more often than anyone intends. */
	@Override
	public String toString() {
		return PREFIX + keyId + "_…";
	}
}
