package portal.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.SqlArrays;

/** The notices, and the read marks of those that change before publication. */
@Repository
class Notices {

	private static final String COLUMNS = """
			id, key, kind, audience, customer_id, audience_role, audience_service, audience_accounts, title_en, body_en,
			title_ja, body_ja, publish_at, event_start, event_end, relevant_services, emergency, cancelled_at, revision""";

	private final JdbcClient jdbc;

	Notices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String key) {
		return jdbc.sql("SELECT count(*) > 0 FROM notices.notices WHERE key = ?").param(key).query(Boolean.class).single();
	}

	/** Inserts the notice unless its key exists; tells whether it did. */
	boolean insert(Notice notice, Instant now, String actor) {
		NoticeDraft d = notice.draft();
		return jdbc.sql("""
				INSERT INTO notices.notices (id, key, kind, audience, customer_id, audience_role, audience_service,
					audience_accounts, title_en, body_en, title_ja, body_ja, publish_at, event_start, event_end,
					relevant_services, emergency, created_at, created_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)
				ON CONFLICT (key) DO NOTHING""")
			.params(notice.id, notice.key, d.kind().name(), d.audience().scope().name(), d.audience().customerId(),
					d.audience().role(), d.audience().relevantService(), uuids(d.audience().accountIds()), d.titleEn(),
					d.bodyEn(), d.titleJa(), d.bodyJa(), ts(d.publishAt()), ts(d.eventStart()), ts(d.eventEnd()),
					SqlArrays.text(d.relevantServices()), d.emergency(), ts(now), actor, ts(now))
			.update() == 1;
	}

	void update(Notice notice, Instant now) {
		NoticeDraft d = notice.draft();
		jdbc.sql("""
				UPDATE notices.notices SET kind = ?, audience = ?, customer_id = ?, audience_role = ?, audience_service = ?,
					audience_accounts = ?::uuid[], title_en = ?, body_en = ?, title_ja = ?, body_ja = ?, publish_at = ?,
					event_start = ?, event_end = ?, relevant_services = ?::text[], emergency = ?, cancelled_at = ?,
					revision = ?, updated_at = ?
				WHERE id = ?""")
			.params(d.kind().name(), d.audience().scope().name(), d.audience().customerId(), d.audience().role(),
					d.audience().relevantService(), uuids(d.audience().accountIds()), d.titleEn(), d.bodyEn(),
					d.titleJa(), d.bodyJa(), ts(d.publishAt()), ts(d.eventStart()), ts(d.eventEnd()),
					SqlArrays.text(d.relevantServices()), d.emergency(), ts(notice.cancelledAt()), notice.revision(),
					ts(now), notice.id)
			.update();
	}

	Optional<Notice> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notices.notices WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Notices::notice)
			.optional();
	}

	Optional<Notice> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notices.notices WHERE id = ?").param(id).query(Notices::notice)
			.optional();
	}

	/** Newest publication first; for the console. */
	List<Notice> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notices.notices ORDER BY publish_at DESC LIMIT ?")
			.param(limit)
			.query(Notices::notice)
			.list();
	}

	/** notices_calendar: maintenance windows overlapping the period, published or not. */
	List<Notice> maintenance(Instant from, Instant to, boolean publishedOnly, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM notices.notices WHERE kind = 'MAINTENANCE' AND cancelled_at IS NULL AND event_start < ?
				AND coalesce(event_end, event_start) >= ? AND (NOT ? OR publish_at <= ?) ORDER BY event_start""")
			.params(ts(to), ts(from), publishedOnly, ts(now))
			.query(Notices::notice)
			.list();
	}

	void mailed(UUID noticeId, Instant at) {
		jdbc.sql("UPDATE notices.notices SET mailed_at = ? WHERE id = ?").params(ts(at), noticeId).update();
	}

	/** notices_unmailed: published by now, not cancelled, not mailed yet; locked for this node. */
	List<Notice> lockUnmailed(Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM notices.notices WHERE mailed_at IS NULL AND cancelled_at IS NULL AND publish_at <= ?
				ORDER BY publish_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(ts(now), limit)
			.query(Notices::notice)
			.list();
	}

	void withdraw(UUID noticeId) {
		jdbc.sql("DELETE FROM notices.inbox WHERE notice_id = ?").param(noticeId).update();
	}

	static Notice notice(ResultSet rs, int row) throws SQLException {
		Audience audience = new Audience(Audience.Scope.valueOf(rs.getString("audience")),
				rs.getObject("customer_id", UUID.class), rs.getString("audience_role"), rs.getString("audience_service"),
				Arrays.asList((UUID[]) rs.getArray("audience_accounts").getArray()));
		NoticeDraft draft = new NoticeDraft(Kind.valueOf(rs.getString("kind")), audience, rs.getString("title_en"),
				rs.getString("body_en"), rs.getString("title_ja"), rs.getString("body_ja"), instant(rs, "publish_at"),
				instant(rs, "event_start"), instant(rs, "event_end"),
				new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray("relevant_services").getArray())),
				rs.getBoolean("emergency"));
		return new Notice(rs.getObject("id", UUID.class), rs.getString("key"), draft, instant(rs, "cancelled_at"),
				rs.getInt("revision"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static String uuids(List<UUID> ids) {
		return SqlArrays.text(ids.stream().map(UUID::toString).toList());
	}
}
