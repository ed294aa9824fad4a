package portal.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the portal must read back (TOTP seeds), kept in the database only sealed with
 * AES-256-GCM under a key that lives outside it. A sealed value names the key that sealed
 * it and is bound to a context (for example the owning row), so a value copied to another
 * row does not open. Values sealed under the previous key still open, and report that
 * they should be sealed again; values stored before sealing existed open as they are.
 */
public final class SealedSecrets {

	static final String PREFIX = "gcm1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeys keys;

	private final SecureRandom random = new SecureRandom();

	SealedSecrets(SecretKeys keys) {
		this.keys = keys;
	}

	/** A secret opened from storage, and whether it is sealed under the current key. */
	public record Opened(String secret, boolean current) {
	}

	public String seal(String secret, String context) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.current().key(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] body = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
			return PREFIX + keys.current().id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal a secret", ex);
		}
	}

	/**
	 * Opens a stored value; a value without the sealed prefix is a secret stored before
	 * sealing existed and is returned as it is, not current.
	 *
	 * @throws IllegalStateException when the value was sealed under a key no longer configured,
	 *     or was altered, or belongs to another context
	 */
	public Opened open(String stored, String context) {
		if (!stored.startsWith(PREFIX)) {
			return new Opened(stored, false);
		}
		String[] parts = stored.split(":", 3);
		if (parts.length != 3) {
			throw new IllegalStateException("A sealed secret is malformed");
		}
		Optional<SecretKeys.Key> key = keys.byId(parts[1]);
		if (key.isEmpty()) {
			throw new IllegalStateException("A secret is sealed under key " + parts[1] + ", which is not configured");
		}
		byte[] body = Base64.getUrlDecoder().decode(parts[2]);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.get().key(), new GCMParameterSpec(TAG_BITS, body, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(body, IV_BYTES, body.length - IV_BYTES);
			return new Opened(new String(plain, StandardCharsets.UTF_8), key.get() == keys.current());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A sealed secret does not open: altered, or sealed for another row", ex);
		}
	}

	/** True when the stored value is sealed under the current key and needs no resealing. */
	public boolean isCurrent(String stored) {
		return stored.startsWith(PREFIX + keys.current().id() + ":");
	}

	/** An HMAC-SHA256 signature, and the id of the secrets key its signing key was derived from. */
	public record Signature(String keyId, byte[] mac) {
	}

	/**
	 * Signs data with HMAC-SHA256 under a key derived for one purpose from the current secrets
	 * key (HMAC-SHA256 of the purpose under the secrets key), so the secrets key itself never
	 * signs and each purpose has a key of its own.
	 */
	public Signature sign(String purpose, byte[] data) {
		return new Signature(keys.current().id(), hmac(derived(keys.current(), purpose), data));
	}

	/**
	 * True when the signature holds for the data under the key derived for the purpose from the
	 * secrets key it names (the current one or the previous one); false otherwise, also when
	 * that key is no longer configured.
	 */
	public boolean verify(String purpose, byte[] data, Signature signature) {
		return keys.byId(signature.keyId())
			.map(key -> java.security.MessageDigest.isEqual(hmac(derived(key, purpose), data), signature.mac()))
			.orElse(false);
	}

	/** True when the key id names the current secrets key. */
	public boolean isCurrentKey(String keyId) {
		return keys.current().id().equals(keyId);
	}

	private static byte[] derived(SecretKeys.Key key, String purpose) {
		return hmac(key.key().getEncoded(), ("portal signing key:" + purpose).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}
}
