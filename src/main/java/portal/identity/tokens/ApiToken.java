package portal.identity.tokens;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as its owner sees it; the secret is never shown again. */
public record ApiToken(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {
}
