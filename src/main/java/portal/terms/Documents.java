package portal.terms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.platform.Invalidations;
import portal.platform.Tenancy;

/**
 * The documents the Company publishes and their versions: the version in force is
 * the newest whose effective time has come, so a version scheduled for later takes effect
 * exactly then with no job to flip it. Publishing notifies every affected customer.
 */
@Service
public class Documents {

	static final String VERSION = """
			SELECT kind, version, title_en, title_ja, body_en, body_ja, effective_from, summary_en, summary_ja, sha256,
				published_at FROM terms.documents""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Invalidations invalidations;

	Documents(JdbcClient jdbc, Clock clock, Tenancy tenancy, AuditTrail audit, ApplicationEventPublisher events,
			Invalidations invalidations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenancy = tenancy;
		this.audit = audit;
		this.events = events;
		this.invalidations = invalidations;
	}

	@Transactional(readOnly = true)
	public List<DocumentType> types() {
		return jdbc.sql("SELECT key, title_en, title_ja, relevant_service, needs_acceptance FROM terms.document_types ORDER BY position, key")
			.query(Documents::type)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<DocumentType> type(String key) {
		return jdbc.sql("SELECT key, title_en, title_ja, relevant_service, needs_acceptance FROM terms.document_types WHERE key = ?")
			.param(key)
			.query(Documents::type)
			.optional();
	}

	public DocumentType requireType(String key) {
		return type(key).orElseThrow(TermsRefusal::unknownDocument);
	}

	/** Every published version, newest first, including those that take effect later. */
	@Transactional(readOnly = true)
	public List<DocumentVersion> versions(String key) {
		return jdbc.sql(VERSION + " WHERE kind = ? ORDER BY version DESC").param(key).query(Documents::version).list();
	}

	@Transactional(readOnly = true)
	public Optional<DocumentVersion> version(String key, int version) {
		return jdbc.sql(VERSION + " WHERE kind = ? AND version = ?").params(key, version).query(Documents::version)
			.optional();
	}

	/** documents_in_force: the newest version effective by now. */
	@Transactional(readOnly = true)
	public Optional<DocumentVersion> inForce(String key) {
		return jdbc.sql(VERSION + " WHERE kind = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1")
			.params(key, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.query(Documents::version)
			.optional();
	}

	/** Versions published to take effect later, soonest first. */
	@Transactional(readOnly = true)
	public List<DocumentVersion> upcoming(String key) {
		return jdbc.sql(VERSION + " WHERE kind = ? AND effective_from > ? ORDER BY effective_from, version")
			.params(key, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.query(Documents::version)
			.list();
	}

	/** What changed between two versions of a document, in either order given. */
	@Transactional(readOnly = true)
	public DocumentDiff diff(String key, int from, int to) {
		requireType(key);
		DocumentVersion older = version(key, Math.min(from, to))
			.orElseThrow(() -> TermsRefusal.unknownVersion(from <= to ? "from" : "to"));
		DocumentVersion newer = version(key, Math.max(from, to))
			.orElseThrow(() -> TermsRefusal.unknownVersion(from <= to ? "to" : "from"));
		return DocumentDiff.between(older, newer);
	}

	/**
	 * Publishes a new version, immutable from now on, effective at once or later, and
	 * notifies the affected customers: all of them, or the holders of the relevant service
	 * of a service specification.
	 */
	@Transactional
	public DocumentVersion publish(String key, NewVersion content) {
		DocumentType type = requireType(key);
		// The database keeps microseconds (and rounds to them): a version is stored with the very
		// times decided here, so one effective "now" is in force now, on every node, by SQL or not.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		content.check(now);
		Instant effective = content.effectiveFrom() == null || content.effectiveFrom().isBefore(now) ? now
				: content.effectiveFrom().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("terms:" + key).query(Object.class).single();
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM terms.documents WHERE kind = ?").param(key)
			.query(Integer.class).single();
		Optional<DocumentVersion> latest = version(key, version - 1);
		if (latest.isPresent() && effective.isBefore(latest.get().effectiveFrom())) {
			throw TermsRefusal.invalid("effectiveFrom", "The effective date is before that of version "
					+ latest.get().version() + ".", "effective-before-latest", latest.get().version());
		}
		String bodyEn = content.bodyEn().strip();
		jdbc.sql("""
				INSERT INTO terms.documents (kind, version, title_en, title_ja, body_en, body_ja, summary_en, summary_ja,
					sha256, effective_from, published_at, published_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key, version, content.titleEn().strip(), blankToNull(content.titleJa()), bodyEn,
					blankToNull(content.bodyJa()), content.summaryEn().strip(), blankToNull(content.summaryJa()),
					sha256(bodyEn), Timestamp.from(effective), Timestamp.from(now), tenancy.actor().id())
			.update();
		jdbc.sql("DELETE FROM terms.drafts WHERE kind = ?").param(key).update();
		invalidations.publish(Terms.PUBLISHED_TOPIC, key);
		audit.record(AuditRecord.of("terms.published", "document", key)
			.with("version", version)
			.with("effectiveFrom", effective.toString()));
		DocumentVersion published = version(key, version).orElseThrow();
		if (version > 1) {
			events.publishEvent(amendmentNotice(type, published));
		}
		return published;
	}

	private static NoticeRequested amendmentNotice(DocumentType type, DocumentVersion version) {
		Audience audience = type.service().map(Audience::relevantService).orElseGet(Audience::allCustomers);
		String link = "/portal-page/terms/" + type.key() + "/diff?from=" + (version.version() - 1) + "&to="
				+ version.version();
		String bodyEn = "A new version (" + version.version() + ") of \"" + version.titleEn() + "\" takes effect on "
				+ version.effectiveFrom() + ".\n\nWhat changes: " + version.summaryEn() + "\n\nSee what changed: " + link;
		String bodyJa = version.titleJa() == null ? null
				: "「" + version.titleJa() + "」の新しい版（第" + version.version() + "版）が " + version.effectiveFrom()
						+ " に発効します。\n\n変更の概要: "
						+ (version.summaryJa() == null ? version.summaryEn() : version.summaryJa()) + "\n\n変更点: " + link;
		return new NoticeRequested("terms:" + type.key() + ":v" + version.version(), NoticeRequested.Kind.AMENDMENT,
				audience, "Amended: " + version.titleEn(), bodyEn,
				version.titleJa() == null ? null : "改定: " + version.titleJa(), bodyJa, null, version.effectiveFrom(),
				null, type.service().map(java.util.Set::of).orElse(java.util.Set.of()));
	}

	/** The draft being written for a document, if any. */
	@Transactional(readOnly = true)
	public Optional<NewVersion> draft(String key) {
		return jdbc.sql("SELECT title_en, body_en, title_ja, body_ja, summary_en, summary_ja FROM terms.drafts WHERE kind = ?")
			.param(key)
			.query((rs, n) -> new NewVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), null))
			.optional();
	}

	/** Saves the draft (replacing the previous one); a draft may be incomplete, but not over-long. */
	@Transactional
	public void saveDraft(String key, NewVersion content) {
		requireType(key);
		if (content.bodyEn() != null && content.bodyEn().length() > NewVersion.MAX_BODY) {
			throw TermsRefusal.invalid("bodyEn", "The English body is too long.", "body-long");
		}
		jdbc.sql("""
				INSERT INTO terms.drafts (kind, title_en, body_en, title_ja, body_ja, summary_en, summary_ja, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (kind) DO UPDATE SET title_en = EXCLUDED.title_en, body_en = EXCLUDED.body_en,
					title_ja = EXCLUDED.title_ja, body_ja = EXCLUDED.body_ja, summary_en = EXCLUDED.summary_en,
					summary_ja = EXCLUDED.summary_ja, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(key, nullToEmpty(content.titleEn()), nullToEmpty(content.bodyEn()), blankToNull(content.titleJa()),
					blankToNull(content.bodyJa()), nullToEmpty(content.summaryEn()), blankToNull(content.summaryJa()),
					Timestamp.from(clock.instant()), tenancy.actor().id())
			.update();
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	static DocumentType type(ResultSet rs, int row) throws SQLException {
		return new DocumentType(rs.getString("key"), rs.getString("title_en"), rs.getString("title_ja"),
				rs.getString("relevant_service"), rs.getBoolean("needs_acceptance"));
	}

	static DocumentVersion version(ResultSet rs, int row) throws SQLException {
		return new DocumentVersion(rs.getString("kind"), rs.getInt("version"), rs.getString("title_en"),
				rs.getString("title_ja"), rs.getString("body_en"), rs.getString("body_ja"),
				rs.getTimestamp("effective_from").toInstant(), rs.getString("summary_en"), rs.getString("summary_ja"),
				rs.getString("sha256"), rs.getTimestamp("published_at").toInstant());
	}
}
