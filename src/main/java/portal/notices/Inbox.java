package portal.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.SqlArrays;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Each person's inbox: every notice published by now whose audience includes the
 * person when they look (so someone added after a notice went out still finds it while it
 * matters), newest first, with the person's read state. A notice scheduled for later stays
 * invisible until its time, with no job to reveal it. Keyed by login ID, within the caller's
 * scope.
 * <p>
 * Who the person is for audiences (customer, roles, services) is asked of
 * {@link NoticeAudiences#reader} and kept per node for {@code portal.notices.reader-cache-ttl}
 * (30 s by default; evicted on every node when the account changes), so that the unread count in every page's header is one query on
 * {@code notices_published} and the read marks' primary key.
 */
@Service
public class Inbox {

	private static final String ACCOUNT_CHANGED_TOPIC = "identity.account";

	/** The notices the reader's audiences include, published by now, with their read mark. */
	private static final String VISIBLE = """
			FROM notices.notices n LEFT JOIN notices.inbox i ON i.notice_id = n.id AND i.login_id = :login
			WHERE n.publish_at <= :now AND n.cancelled_at IS NULL AND CASE n.audience
				WHEN 'EVERYONE' THEN true
				WHEN 'ALL_CUSTOMERS' THEN NOT :staff
				WHEN 'CUSTOMER' THEN n.customer_id = :customer
				WHEN 'CUSTOMER_ROLE' THEN n.customer_id = :customer AND lower(n.audience_role) = ANY (CAST(:roles AS text[]))
				WHEN 'RELEVANT_SERVICE' THEN NOT :staff AND n.audience_service = ANY (CAST(:services AS text[]))
				WHEN 'ACCOUNTS' THEN :account = ANY (n.audience_accounts)
				ELSE false END""";

	private static final String ENTRY = """
			SELECT n.id, n.kind, n.title_en, n.body_en, n.title_ja, n.body_ja, n.publish_at, n.event_start, n.event_end,
				n.relevant_services, i.read_at
			""" + VISIBLE;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NoticeAudiences audiences;

	private final Tenancy tenancy;

	private final TransactionTemplate readers;

	private final TransactionTemplate reads;

	private final NodeCache<String, NoticeReader> cachedReaders;

	Inbox(JdbcClient jdbc, Clock clock, NoticeAudiences audiences, Tenancy tenancy,
			PlatformTransactionManager transactionManager, Invalidations invalidations,
			@Value("${portal.notices.reader-cache-ttl:30s}") Duration readerTtl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audiences = audiences;
		this.tenancy = tenancy;
		this.readers = new TransactionTemplate(transactionManager);
		this.readers.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readers.setReadOnly(true);
		this.reads = new TransactionTemplate(transactionManager);
		this.cachedReaders = invalidations.cache(readerTtl, 10_000);
		// Identity announces every change of an account (roles, limits, state) under this topic.
		invalidations.subscribe(ACCOUNT_CHANGED_TOPIC,
				accountId -> cachedReaders.removeIf(reader -> reader.accountId().toString().equals(accountId)),
				cachedReaders::clear);
	}

	/** The person's notices, optionally only unread ones or one kind; at most {@code limit}. */
	public List<InboxEntry> entries(String loginId, boolean unreadOnly, Kind kind, Locale locale, int limit) {
		Optional<NoticeReader> reader = reader(loginId);
		if (reader.isEmpty()) {
			return List.of();
		}
		return reads.execute(status -> visible(reader.get(), ENTRY + """
				 AND (NOT :unread OR i.read_at IS NULL) AND (CAST(:kind AS text) IS NULL OR n.kind = :kind)
				ORDER BY n.publish_at DESC, n.id LIMIT :limit""")
			.param("unread", unreadOnly)
			.param("kind", kind == null ? null : kind.name())
			.param("limit", Math.min(Math.max(limit, 1), 500))
			.query((rs, n) -> entry(rs, locale))
			.list());
	}

	public int unreadCount(String loginId) {
		Optional<NoticeReader> reader = reader(loginId);
		if (reader.isEmpty()) {
			return 0;
		}
		return reads.execute(status -> visible(reader.get(), "SELECT count(*) " + VISIBLE + " AND i.read_at IS NULL")
			.query(Integer.class)
			.single());
	}

	/** The notice if its audience includes the person and it is published; opening it marks it read. */
	public Optional<InboxEntry> open(String loginId, UUID noticeId, Locale locale) {
		Optional<NoticeReader> reader = reader(loginId);
		if (reader.isEmpty()) {
			return Optional.empty();
		}
		return reads.execute(status -> {
			Optional<InboxEntry> entry = visible(reader.get(), ENTRY + " AND n.id = :id")
				.param("id", noticeId)
				.query((rs, n) -> entry(rs, locale))
				.optional();
			entry.ifPresent(found -> mark(reader.get(), noticeId));
			return entry;
		});
	}

	/** Marks the notice read for the person; refuses a notice not (yet) in their inbox. */
	public void markRead(String loginId, UUID noticeId) {
		NoticeReader reader = reader(loginId).orElseThrow(NoticeRefusal::notFound);
		reads.executeWithoutResult(status -> {
			boolean visible = visible(reader, "SELECT count(*) > 0 " + VISIBLE + " AND n.id = :id")
				.param("id", noticeId)
				.query(Boolean.class)
				.single();
			if (!visible) {
				throw NoticeRefusal.notFound();
			}
			mark(reader, noticeId);
		});
	}

	private void mark(NoticeReader reader, UUID noticeId) {
		jdbc.sql("""
				INSERT INTO notices.inbox (notice_id, login_id, customer_id, read_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (login_id, notice_id) DO UPDATE SET read_at = coalesce(notices.inbox.read_at, excluded.read_at)""")
			.params(noticeId, reader.loginId(), reader.customerId(), Timestamp.from(clock.instant()))
			.update();
	}

	private JdbcClient.StatementSpec visible(NoticeReader reader, String sql) {
		return jdbc.sql(sql)
			.param("login", reader.loginId())
			.param("now", Timestamp.from(clock.instant()))
			.param("staff", reader.staff())
			.param("customer", reader.customerId())
			.param("roles", SqlArrays.text(List.copyOf(reader.roles())))
			.param("services", SqlArrays.text(List.copyOf(reader.relevantServices())))
			.param("account", reader.accountId());
	}

	/** Who the person is for audiences; asked with the system scope, as audiences are. */
	private Optional<NoticeReader> reader(String loginId) {
		return Optional.ofNullable(cachedReaders.get(loginId, key -> {
			Tenancy.Context current = tenancy.current();
			return tenancy.call(new Tenancy.Context(current.actor(), TenantScope.system(), current.origin()),
					() -> readers.execute(status -> audiences.reader(key).orElse(null)));
		}));
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
