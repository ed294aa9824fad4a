package portal.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.notices.events.NoticeRequested.Kind;

/**
 * Each person's inbox: the notices addressed to them that are published by now
 * (a notice scheduled for later stays invisible until its time, with no job to reveal it),
 * newest first, with the person's read state. Keyed by login ID, within the caller's scope.
 */
@Service
public class Inbox {

	private static final String ENTRY = """
			SELECT n.id, n.kind, n.title_en, n.body_en, n.title_ja, n.body_ja, n.publish_at, n.event_start, n.event_end,
				n.relevant_services, i.read_at
			FROM notices.inbox i JOIN notices.notices n ON n.id = i.notice_id
			WHERE i.login_id = :login AND n.publish_at <= :now AND n.cancelled_at IS NULL""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The person's notices, optionally only unread ones or one kind; at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<InboxEntry> entries(String loginId, boolean unreadOnly, Kind kind, Locale locale, int limit) {
		return jdbc.sql(ENTRY + """
				 AND (NOT :unread OR i.read_at IS NULL) AND (CAST(:kind AS text) IS NULL OR n.kind = :kind)
				ORDER BY n.publish_at DESC, n.id LIMIT :limit""")
			.param("login", loginId)
			.param("now", Timestamp.from(clock.instant()))
			.param("unread", unreadOnly)
			.param("kind", kind == null ? null : kind.name())
			.param("limit", Math.min(Math.max(limit, 1), 500))
			.query((rs, n) -> entry(rs, locale))
			.list();
	}

	@Transactional(readOnly = true)
	public int unreadCount(String loginId) {
		return jdbc.sql("""
				SELECT count(*) FROM notices.inbox i JOIN notices.notices n ON n.id = i.notice_id
				WHERE i.login_id = ? AND i.read_at IS NULL AND n.publish_at <= ? AND n.cancelled_at IS NULL""")
			.params(loginId, Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single();
	}

	/** The notice if it is addressed to the person and published; opening it marks it read. */
	@Transactional
	public Optional<InboxEntry> open(String loginId, UUID noticeId, Locale locale) {
		Optional<InboxEntry> entry = jdbc.sql(ENTRY + " AND n.id = :id")
			.param("login", loginId)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", noticeId)
			.query((rs, n) -> entry(rs, locale))
			.optional();
		entry.ifPresent(found -> markRead(loginId, noticeId));
		return entry;
	}

	/** Marks the notice read for the person; refuses a notice not (yet) in their inbox. */
	@Transactional
	public void markRead(String loginId, UUID noticeId) {
		int visible = jdbc.sql("""
				UPDATE notices.inbox i SET read_at = coalesce(i.read_at, ?) FROM notices.notices n
				WHERE n.id = i.notice_id AND i.login_id = ? AND i.notice_id = ? AND n.publish_at <= ?
				AND n.cancelled_at IS NULL""")
			.params(Timestamp.from(clock.instant()), loginId, noticeId, Timestamp.from(clock.instant()))
			.update();
		if (visible == 0) {
			throw NoticeRefusal.notFound();
		}
	}

	private static InboxEntry entry(ResultSet rs, Locale locale) throws SQLException {
		boolean japanese = locale != null && "ja".equals(locale.getLanguage()) && rs.getString("title_ja") != null;
		return new InboxEntry(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
				rs.getString(japanese ? "title_ja" : "title_en"), rs.getString(japanese ? "body_ja" : "body_en"),
				japanese, Notices.instant(rs, "publish_at"), Notices.instant(rs, "event_start"),
				Notices.instant(rs, "event_end"), Arrays.asList((String[]) rs.getArray("relevant_services").getArray()),
				Notices.instant(rs, "read_at"));
	}
}
