package portal.identity.signin;

import java.util.UUID;

/** A signed-in person confirmed themselves again with their password and a fresh code. */
public record Reauthenticated(UUID accountId) {
}
