package portal.identity.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets for links, tokens and recovery codes, and their SHA-256 digests. Links and
 * tokens carry 256 bits of entropy and recovery codes about 119, more than the 112 bits
 * below which a lookup secret would need a salted slow hash: a fast digest keeps them
 * useless to a reader of the database. Passwords, chosen by people, get Argon2id instead.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	public static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	public static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	/** Characters of a recovery code: 24 drawn from 31 give 24 × log2(31) ≈ 118.9 bits. */
	static final int RECOVERY_LENGTH = 24;

	/** A recovery code people can type: 24 characters in four groups, no look-alike letters. */
	static String recoveryCode() {
		String alphabet = RECOVERY_ALPHABET;
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < RECOVERY_LENGTH; i++) {
			if (i > 0 && i % 6 == 0) {
				code.append('-');
			}
			code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return code.toString();
	}
}
