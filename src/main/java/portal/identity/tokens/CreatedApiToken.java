package portal.identity.tokens;

/** A newly created token with its secret, shown this once. */
public record CreatedApiToken(ApiToken token, String secret) {
}
