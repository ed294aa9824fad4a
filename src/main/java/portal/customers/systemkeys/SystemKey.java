package portal.customers.systemkeys;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import portal.platform.Actor;

/**
 * An API key of a relevant-service system, bound to exactly one contracting company. Its
 * secret is shown once when issued and kept only as a hash; a revoked key stays revoked.
 */
class SystemKey {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

	private final String id;
	private final String name;
	private final String contractingCompany;
	private final byte[] secretHash;
	private final Instant createdAt;
	private final String createdBy;
	private Instant revokedAt;
	private String revokedBy;
	private final Instant lastUsedAt;
	private final List<Object> events = new ArrayList<>();

	SystemKey(String id, String name, String contractingCompany, byte[] secretHash, Instant createdAt,
			String createdBy, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
		this.id = id;
		this.name = name;
		this.contractingCompany = contractingCompany;
		this.secretHash = secretHash.clone();
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.revokedAt = revokedAt;
		this.revokedBy = revokedBy;
		this.lastUsedAt = lastUsedAt;
	}

	static SystemKey issue(SystemKeyToken token, String name, String contractingCompany, Actor by, Instant now) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw SystemKeyRefusal.invalid("name", "Use 3 to 64 lower-case letters, digits or '-', such as "
					+ "mobile-provisioning.");
		}
		SystemKey key = new SystemKey(token.keyId(), name, contractingCompany, token.secretHash(), now, by.id(), null,
				null, null);
		key.events.add(new SystemKeyIssued(key.id, name, contractingCompany));
		return key;
	}

	/** @return false when the key was already revoked, which changes nothing */
	boolean revoke(Actor by, Instant now) {
		if (revokedAt != null) {
			return false;
		}
		revokedAt = now;
		revokedBy = by.id();
		events.add(new SystemKeyRevoked(id, name, contractingCompany));
		return true;
	}

	/** Compares in constant time, so response times do not give the secret away. */
	boolean accepts(SystemKeyToken token) {
		return revokedAt == null && token.keyId().equals(id) && MessageDigest.isEqual(secretHash, token.secretHash());
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	SystemKeyView view() {
		return new SystemKeyView(id, name, contractingCompany, createdAt, createdBy, revokedAt, revokedBy, lastUsedAt);
	}

	String id() {
		return id;
	}

	String name() {
		return name;
	}

	String contractingCompany() {
		return contractingCompany;
	}

	byte[] secretHash() {
		return secretHash.clone();
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	Optional<Instant> revokedAt() {
		return Optional.ofNullable(revokedAt);
	}

	Optional<String> revokedBy() {
		return Optional.ofNullable(revokedBy);
	}
}
