package portal.customers.systemkeys;

import java.time.Instant;

/**
 * A system API key as the console lists it, never with its secret.
 *
 * @param revokedAt null while the key is in force
 * @param revokedBy null while the key is in force
 * @param lastUsedAt null until the key is first used; recorded to the minute
 */
public record SystemKeyView(String id, String name, String contractingCompany, Instant createdAt, String createdBy,
		Instant revokedAt, String revokedBy, Instant lastUsedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
