package portal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The key that seals secrets now, and optionally the one it replaced. */
record SecretKeys(Key current, Optional<Key> previous) {

	record Key(String id, SecretKey key) {

		static Key of(byte[] bytes) {
			if (bytes.length != 32) {
				throw new IllegalStateException("A secrets key must be 32 bytes (base64), not " + bytes.length);
			}
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
				// The id names the key in each sealed value; it reveals nothing usable about the key.
				String id = HexFormat.of().formatHex(digest, 0, 4);
				return new Key(id, new SecretKeySpec(bytes, "AES"));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		static Key parse(String base64) {
			String text = base64.trim();
			try {
				return of(java.util.Base64.getDecoder().decode(text));
			}
			catch (IllegalArgumentException notStandard) {
				return of(java.util.Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
			}
		}
	}

	Optional<Key> byId(String id) {
		if (current.id().equals(id)) {
			return Optional.of(current);
		}
		return previous.filter(key -> key.id().equals(id));
	}
}
