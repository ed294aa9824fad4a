package portal.identity.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Administrators' confirmations that a person consented to the Terms of Personal
 * Information Protection of a version before being registered, one row each.
 */
@Repository
public class ConsentConfirmations {

	/** Who confirmed, for whom, which version, when. */
	public record Confirmation(UUID accountId, String loginId, int termsVersion, String confirmedBy,
			Instant confirmedAt) {
	}

	private final JdbcClient jdbc;

	ConsentConfirmations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID accountId, UUID customerId, int termsVersion, String confirmedBy, Instant at) {
		jdbc.sql("""
				INSERT INTO identity.consent_confirmations (account_id, customer_id, terms_version, confirmed_by, confirmed_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(accountId, customerId, termsVersion, confirmedBy, Timestamp.from(at))
			.update();
	}

	/** The confirmations made for one account, newest first. */
	public List<Confirmation> of(UUID accountId) {
		return jdbc.sql("""
				SELECT c.account_id, a.login_id, c.terms_version, c.confirmed_by, c.confirmed_at
				FROM identity.consent_confirmations c JOIN identity.accounts a ON a.id = c.account_id
				WHERE c.account_id = ? ORDER BY c.confirmed_at DESC""")
			.param(accountId)
			.query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}
}
