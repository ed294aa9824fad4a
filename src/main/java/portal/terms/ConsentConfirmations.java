package portal.terms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;

/**
 * Administrators' confirmations that a person consented to a version of the Terms of
 * Personal Information Protection before being registered: one row each, keeping
 * the version, who confirmed and when, append-only and tenant-owned. Only the version in
 * force can be confirmed.
 */
@Service
public class ConsentConfirmations {

	/** Who confirmed, for which account, which version, when. */
	public record Confirmation(UUID accountId, String kind, int version, String confirmedBy, Instant confirmedAt) {
	}

	private final JdbcClient jdbc;

	private final Terms terms;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	ConsentConfirmations(JdbcClient jdbc, Terms terms, Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records, in the caller's transaction, that the current actor confirmed the person's
	 * consent to the given version, which must be the one in force; refused by field otherwise.
	 */
	@Transactional
	public Confirmation confirm(UUID customerId, UUID accountId, int version) {
		return confirm(customerId, accountId, version, tenancy.actor().id());
	}

	/** As {@link #confirm(UUID, UUID, int)}, attributed to a named actor (demo seeding, migrations of records). */
	@Transactional
	public Confirmation confirm(UUID customerId, UUID accountId, int version, String confirmedBy) {
		DocumentVersion current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		if (current.version() != version) {
			throw TermsRefusal.invalid("consentTermsVersion",
					"Version " + version + " is not the version in force (" + current.version() + ").");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO terms.consent_confirmations (account_id, customer_id, kind, terms_version, confirmed_by, confirmed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(accountId, customerId, Terms.PERSONAL_INFORMATION, version, confirmedBy, Timestamp.from(now))
			.update();
		audit.record(AuditRecord.of("terms.consent-confirmed", "account", accountId)
			.forCustomer(customerId)
			.with("document", Terms.PERSONAL_INFORMATION)
			.with("version", version));
		return new Confirmation(accountId, Terms.PERSONAL_INFORMATION, version, confirmedBy, now);
	}

	/** The confirmations made for one account, newest first, within the caller's scope. */
	@Transactional(readOnly = true)
	public List<Confirmation> of(UUID accountId) {
		return jdbc.sql("""
				SELECT account_id, kind, terms_version, confirmed_by, confirmed_at FROM terms.consent_confirmations
				WHERE account_id = ? ORDER BY confirmed_at DESC, id DESC""")
			.param(accountId)
			.query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}
}
