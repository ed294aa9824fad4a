package portal.identity.tokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.identity.IdentityException;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.Secrets;
import portal.platform.Invalidations;

/**
 * Personal API tokens: {@code cpt_<id>_<secret>}, shown once, stored as a SHA-256 digest,
 * with a name and an expiry, revocable. A token acts with its owner's current roles and
 * scope, never more.
 */
@Repository
public class ApiTokens {

	static final String PREFIX = "cpt_";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Invalidations invalidations;

	ApiTokens(JdbcClient jdbc, Clock clock, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.invalidations = invalidations;
	}

	public CreatedApiToken create(Account owner, String name, Duration validity) {
		if (name == null || name.isBlank() || name.length() > 80) {
			throw IdentityException.invalid("name", "A token needs a name of at most 80 characters.");
		}
		UUID id = UUID.randomUUID();
		String secret = PREFIX + id.toString().replace("-", "") + "_" + Secrets.random(32);
		Instant now = clock.instant();
		Instant expires = now.plus(validity);
		jdbc.sql("""
				INSERT INTO identity.api_tokens (id, account_id, customer_id, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.id(), owner.customerId(), name.trim(), Secrets.digest(secret), Timestamp.from(now),
					Timestamp.from(expires))
			.update();
		return new CreatedApiToken(new ApiToken(id, name.trim(), now, expires, null, null), secret);
	}

	public List<ApiToken> of(UUID accountId) {
		return jdbc.sql("""
				SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM identity.api_tokens
				WHERE account_id = ? ORDER BY created_at DESC""")
			.param(accountId)
			.query((rs, n) -> new ApiToken(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	public void revoke(UUID accountId, UUID tokenId) {
		int revoked = jdbc.sql("UPDATE identity.api_tokens SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), tokenId, accountId)
			.update();
		if (revoked == 0) {
			throw new IdentityException("token-not-found", HttpStatus.NOT_FOUND, "There is no such active token.");
		}
		invalidations.publish(Accounts.CHANGED_TOPIC, accountId.toString());
	}

	public int revokeAll(UUID accountId) {
		int revoked = jdbc.sql("UPDATE identity.api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId)
			.update();
		invalidations.publish(Accounts.CHANGED_TOPIC, accountId.toString());
		return revoked;
	}

	/** A token as authentication needs it. */
	record ActiveToken(UUID id, UUID accountId, Instant expiresAt, Instant lastUsedAt) {
	}

	/** The presented token, if it is known, unexpired and not revoked. */
	Optional<ActiveToken> active(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 120) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT id, account_id, expires_at, last_used_at FROM identity.api_tokens
				WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
			.params(Secrets.digest(presented), Timestamp.from(clock.instant()))
			.query((rs, n) -> new ActiveToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
			.optional();
	}

	/** Records a use of a token unless one after {@code unlessSince} is already recorded. */
	void used(UUID tokenId, Instant at, Instant unlessSince) {
		jdbc.sql("""
				UPDATE identity.api_tokens SET last_used_at = ?
				WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
			.params(Timestamp.from(at), tokenId, Timestamp.from(unlessSince))
			.update();
	}

	private static Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}
}
