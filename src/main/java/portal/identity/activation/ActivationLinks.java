package portal.identity.activation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.identity.accounts.Account;
import portal.identity.credentials.Secrets;
import portal.platform.SealedSecrets;

/**
 * Single-use activation and reset links. Only the SHA-256 of the token is stored;
 * issuing a new link revokes every earlier one of the same account.
 */
@Repository
public class ActivationLinks {

	/** A valid link and the account it opens. */
	record Link(UUID accountId, String purpose, Instant expiresAt, String pendingTotpSecret) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SealedSecrets sealed;

	ActivationLinks(JdbcClient jdbc, Clock clock, SealedSecrets sealed) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sealed = sealed;
	}

	public String issue(Account account, String purpose, Instant expiresAt) {
		revokeAll(account.id());
		String token = Secrets.random(32);
		jdbc.sql("""
				INSERT INTO identity.activation_links (token_hash, account_id, customer_id, purpose, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Secrets.digest(token), account.id(), account.customerId(), purpose, Timestamp.from(clock.instant()),
					Timestamp.from(expiresAt))
			.update();
		return token;
	}

	public void revokeAll(UUID accountId) {
		jdbc.sql("UPDATE identity.activation_links SET revoked_at = ? WHERE account_id = ? AND used_at IS NULL AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId)
			.update();
	}

	Optional<Link> valid(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT account_id, purpose, expires_at, pending_totp_secret FROM identity.activation_links
				WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
			.params(Secrets.digest(token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4) == null ? null : sealed.open(rs.getString(4), pendingContext(Secrets.digest(token))).secret()))
			.optional();
	}

	void offerTotpSecret(String token, String secret) {
		jdbc.sql("UPDATE identity.activation_links SET pending_totp_secret = ? WHERE token_hash = ?")
			.params(sealed.seal(secret, pendingContext(Secrets.digest(token))), Secrets.digest(token))
			.update();
	}

	public static String pendingContext(byte[] tokenHash) {
		return "identity.activation_links.pending_totp_secret:" + HexFormat.of().formatHex(tokenHash);
	}

	/** Marks the link used; false if someone used it first. */
	boolean use(String token) {
		return jdbc.sql("UPDATE identity.activation_links SET used_at = ?, pending_totp_secret = NULL WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), Secrets.digest(token))
			.update() == 1;
	}
}
