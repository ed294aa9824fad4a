package portal.terms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * The documents in force and their acceptance records. A version is in force from its
 * effective time until a newer version of the same kind takes effect.
 * <p>
 * {@link #pendingAcceptance} runs on every signed-in customer request, so what it needs is
 * kept per node: the published versions of the documents that need acceptance (changed only
 * by publication, which evicts them on every node through {@link Invalidations}; which one
 * is in force is worked out from the clock, so a scheduled version takes effect exactly on
 * time) and, per account, the newest version of each document it accepted (evicted on every
 * node when it accepts). Both also expire after {@code portal.terms.cache-ttl} (10 min by
 * default).
 */
@Service
public class Terms {

	/** The Terms of Personal Information Protection (Attachment 3 of the portal terms). */
	public static final String PERSONAL_INFORMATION = "personal-information";

	/** Published when a version of a document is published; the key is the document's kind. */
	static final String PUBLISHED_TOPIC = "terms.published";

	/** Published when an account accepts a version; the key is the account's id. */
	static final String ACCEPTED_TOPIC = "terms.accepted";

	private static final String NEEDED = "needs-acceptance";

	/** A published version of a document that needs acceptance. */
	private record Needed(String kind, int version, Instant effectiveFrom) {
	}

	/** Whose acceptances, seen in which scope (the table is tenant-owned). */
	private record AccountKey(TenantScope scope, UUID accountId) {
	}

	/** The newest version of each document the account accepted. */
	private record Accepted(UUID accountId, Map<String, Integer> versions) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Invalidations invalidations;

	/** The needed versions by kind, in the documents' order, newest effective first within a kind. */
	private final NodeCache<String, Map<String, List<Needed>>> needed;

	private final NodeCache<AccountKey, Accepted> accepted;

	Terms(JdbcClient jdbc, Clock clock, Tenancy tenancy, AuditTrail audit, Invalidations invalidations,
			@Value("${portal.terms.cache-ttl:10m}") Duration cacheTtl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenancy = tenancy;
		this.audit = audit;
		this.invalidations = invalidations;
		this.needed = invalidations.cache(cacheTtl, 1);
		this.accepted = invalidations.cache(cacheTtl, 10_000);
		invalidations.subscribe(PUBLISHED_TOPIC, kind -> needed.clear(), needed::clear);
		invalidations.subscribe(ACCEPTED_TOPIC,
				accountId -> accepted.removeIf(a -> a.accountId().toString().equals(accountId)), accepted::clear);
	}

	@Transactional(readOnly = true)
	public Optional<DocumentVersion> inForce(String kind) {
		return jdbc.sql(Documents.VERSION
				+ " WHERE kind = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1")
			.params(kind, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
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
	/**
	 * The first document version the account must still accept before anything else:
	 * a version in force of a document that needs acceptance, with no acceptance of it or a
	 * later version by the account. Answered from what this node keeps; only a version
	 * actually pending is read from the database.
	 */
	public Optional<DocumentVersion> pendingAcceptance(UUID accountId) {
		Instant now = clock.instant();
		Map<String, Integer> acceptedVersions = null;
		for (List<Needed> versions : needed.get(NEEDED, key -> loadNeeded()).values()) {
			Needed inForce = versions.stream().filter(v -> !v.effectiveFrom().isAfter(now)).findFirst().orElse(null);
			if (inForce == null) {
				continue;
			}
			if (acceptedVersions == null) {
				acceptedVersions = accepted(accountId);
			}
			if (acceptedVersions.getOrDefault(inForce.kind(), 0) < inForce.version()) {
				return jdbc.sql(Documents.VERSION + " WHERE kind = ? AND version = ?")
					.params(inForce.kind(), inForce.version())
					.query(Documents::version)
					.optional();
			}
		}
		return Optional.empty();
	}

	private Map<String, List<Needed>> loadNeeded() {
		return jdbc.sql("""
				SELECT d.kind, d.version, d.effective_from
				FROM terms.documents d JOIN terms.document_types t ON t.key = d.kind AND t.needs_acceptance
				ORDER BY t.position, d.kind, d.effective_from DESC, d.version DESC""")
			.query((rs, n) -> new Needed(rs.getString("kind"), rs.getInt("version"),
					rs.getTimestamp("effective_from").toInstant()))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Needed::kind, LinkedHashMap::new, Collectors.toUnmodifiableList()));
	}

	/**
	 * The newest version of each document the account accepted, as the current scope sees
	 * them; kept per node only under a customer's own scope, whose view of the rows is fixed.
	 */
	private Map<String, Integer> accepted(UUID accountId) {
		TenantScope scope = tenancy.scope();
		if (scope.kind() != TenantScope.Kind.CUSTOMER) {
			return loadAccepted(accountId).versions();
		}
		return accepted.get(new AccountKey(scope, accountId), key -> loadAccepted(key.accountId())).versions();
	}

	private Accepted loadAccepted(UUID accountId) {
		Map<String, Integer> versions = jdbc
			.sql("SELECT kind, max(version) AS version FROM terms.acceptances WHERE account_id = ? GROUP BY kind")
			.param(accountId)
			.query((rs, n) -> Map.entry(rs.getString("kind"), rs.getInt("version")))
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
		return new Accepted(accountId, versions);
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
			.params(customerId, accountId, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
					tenancy.actor().id(), kind, version)
			.update();
		invalidations.publish(ACCEPTED_TOPIC, accountId.toString());
		audit.record(AuditRecord.of("terms.accepted", "account", accountId)
			.forCustomer(customerId)
			.with("document", kind)
			.with("version", version));
	}
}
