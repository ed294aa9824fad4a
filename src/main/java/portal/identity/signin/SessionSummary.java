package portal.identity.signin;

import java.time.Instant;

/** A session as its owner sees it, named by a short digest of its id (the id itself is a secret). */
public record SessionSummary(String handle, Instant createdAt, Instant lastAccessedAt, boolean current) {
}
