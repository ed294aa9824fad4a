package portal.terms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;

/**
 * The documents in force and their acceptance records. A version is in force from its
 * effective time until a newer version of the same kind takes effect.
 */
@Service
public class Terms {

	/** The Terms of Personal Information Protection (Attachment 3 of the portal terms). */
	public static final String PERSONAL_INFORMATION = "personal-information";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	Terms(JdbcClient jdbc, Clock clock, Tenancy tenancy, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenancy = tenancy;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<DocumentVersion> inForce(String kind) {
		return jdbc.sql(Documents.VERSION
				+ " WHERE kind = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1")
			.params(kind, Timestamp.from(clock.instant()))
			.query(Documents::version)
			.optional();
	}

	/** The version in force; a portal without one is misconfigured, so this fails loudly. */
	public DocumentVersion requireInForce(String kind) {
		return inForce(kind).orElseThrow(() -> new IllegalStateException("No version of " + kind + " is in force"));
	}

	/**
	 * The first document version the account must still accept before anything else:
	 * a version in force of a document that needs acceptance, with no acceptance of it or a
	 * later version by the account.
	 */
	@Transactional(readOnly = true)
	public Optional<DocumentVersion> pendingAcceptance(UUID accountId) {
		return jdbc.sql("""
				SELECT d.kind, d.version, d.title_en, d.title_ja, d.body_en, d.body_ja, d.effective_from, d.summary_en,
					d.summary_ja, d.sha256, d.published_at
				FROM terms.documents d JOIN terms.document_types t ON t.key = d.kind AND t.needs_acceptance
				WHERE d.version = (SELECT d2.version FROM terms.documents d2 WHERE d2.kind = d.kind AND d2.effective_from <= ?
					ORDER BY d2.effective_from DESC, d2.version DESC LIMIT 1)
				AND NOT EXISTS (SELECT 1 FROM terms.acceptances a WHERE a.account_id = ? AND a.kind = d.kind
					AND a.version >= d.version)
				ORDER BY t.position LIMIT 1""")
			.params(Timestamp.from(clock.instant()), accountId)
			.query(Documents::version)
			.optional();
	}

	/** The account's acceptances, newest first. */
	@Transactional(readOnly = true)
	public List<Acceptance> acceptances(UUID accountId) {
		return jdbc.sql(ACCEPTANCE + " WHERE account_id = ? ORDER BY accepted_at DESC, id DESC")
			.param(accountId)
			.query(Terms::acceptance)
			.list();
	}

	/** The accounts that accepted a version (or a later one), within the caller's scope. */
	@Transactional(readOnly = true)
	public List<UUID> acceptedBy(String kind, int version) {
		return jdbc.sql("SELECT DISTINCT account_id FROM terms.acceptances WHERE kind = ? AND version >= ?")
			.params(kind, version)
			.query(UUID.class)
			.list();
	}

	/**
	 * The account accepts the version in force of a document that needs acceptance; the
	 * record and its audit entry are written in one transaction, and the next request is let
	 * through. A version no longer (or not yet) in force is refused by field.
	 */
	@Transactional
	public Acceptance accept(UUID customerId, UUID accountId, String kind, int version) {
		DocumentVersion current = inForce(kind).orElseThrow(TermsRefusal::unknownDocument);
		if (current.version() != version) {
			throw TermsRefusal.invalid("version", "Version " + version + " is not the version in force.");
		}
		recordAcceptance(customerId, accountId, kind, version);
		return acceptances(accountId).get(0);
	}

	private static final String ACCEPTANCE = "SELECT id, account_id, kind, version, accepted_at, actor, sha256 FROM terms.acceptances";

	private static Acceptance acceptance(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Acceptance(rs.getLong("id"), rs.getObject("account_id", UUID.class), rs.getString("kind"),
				rs.getInt("version"), rs.getTimestamp("accepted_at").toInstant(), rs.getString("actor"),
				rs.getString("sha256"));
	}

	/** Records that an account accepted a version, attributed to the current actor. */
	@Transactional
	public void recordAcceptance(UUID customerId, UUID accountId, String kind, int version) {
		jdbc.sql("""
				INSERT INTO terms.acceptances (customer_id, account_id, kind, version, accepted_at, actor, sha256)
				SELECT ?, ?, kind, version, ?, ?, sha256 FROM terms.documents WHERE kind = ? AND version = ?""")
			.params(customerId, accountId, Timestamp.from(clock.instant()), tenancy.actor().id(), kind, version)
			.update();
		audit.record(AuditRecord.of("terms.accepted", "account", accountId)
			.forCustomer(customerId)
			.with("document", kind)
			.with("version", version));
	}
}
