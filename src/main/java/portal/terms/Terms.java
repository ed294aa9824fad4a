package portal.terms;

import java.sql.Timestamp;
import java.time.Clock;
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
