package portal.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import portal.platform.demo.DemoModeEnabled;

/**
 * Queues emails in the caller's transaction: a mail exists exactly when the change that
 * caused it committed. Delivery happens later, by {@link OutboxDelivery}.
 */
@Service
public class EmailOutbox {

	private static final Pattern LINK_TOKEN = Pattern.compile("(/activate[/#])[A-Za-z0-9_-]+");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean showsLinks;

	private final SealedParts sealed;

	EmailOutbox(JdbcClient jdbc, Clock clock, Environment environment, SealedParts sealed) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sealed = sealed;
		this.showsLinks = showsLinks(environment);
	}

	/**
	 * Whether readers of the outbox see the single-use links in mail bodies. A link opens an
	 * account, so only a demo without a mail server shows them (there the outbox is how people
	 * read their mail); {@code portal.mail.outbox-shows-links} decides explicitly.
	 */
	private static boolean showsLinks(Environment environment) {
		String explicit = environment.getProperty("portal.mail.outbox-shows-links", "");
		if (StringUtils.hasText(explicit)) {
			return Boolean.parseBoolean(explicit.trim());
		}
		return DemoModeEnabled.isEnabled(environment)
				&& !StringUtils.hasText(environment.getProperty("spring.mail.host"));
	}

	/** A body with its single-use links blanked out, sealed or (in mails queued before sealing) not. */
	static String withoutLinks(String body) {
		return LINK_TOKEN.matcher(SealedParts.hidden(body)).replaceAll("$1" + SealedParts.HIDDEN);
	}

	/** Queues the mail; its {@linkplain Email#secret(String) secret parts} are stored sealed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID enqueue(Email email) {
		return enqueue(email, null, null, clock.instant());
	}

	/** Queues a notice's mail to one account, to be sent no earlier than the notice's publication. */
	@Transactional(propagation = Propagation.MANDATORY)
	UUID enqueue(Email email, UUID noticeId, UUID accountId, Instant notBefore) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		Timestamp due = notBefore.isAfter(clock.instant()) ? Timestamp.from(notBefore) : now;
		jdbc.sql("""
				INSERT INTO notices.outbox (id, customer_id, recipient, subject, body, language, created_at, next_attempt_at,
					notice_id, account_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, email.customerId(), email.recipient(), email.subject(), sealed.seal(email.body(), id),
					email.language().getLanguage(), now, due, noticeId, accountId)
			.update();
		return id;
	}

	/**
	 * Erases a person who withdrew (R-PI.3) from the outbox: mails not sent yet are dropped,
	 * and sent ones keep neither the address nor the name.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void erase(String address, String name) {
		if (address == null || address.isBlank()) {
			return;
		}
		jdbc.sql("DELETE FROM notices.outbox WHERE lower(recipient) = lower(?) AND sent_at IS NULL").param(address)
			.update();
		String erased = "[erased]";
		jdbc.sql("""
				UPDATE notices.outbox SET recipient = 'erased@erased.invalid',
					subject = CASE WHEN ? = '' THEN subject ELSE replace(subject, ?, ?) END,
					body = replace(CASE WHEN ? = '' THEN body ELSE replace(body, ?, ?) END, ?, ?)
				WHERE lower(recipient) = lower(?)""")
			.params(nameOrEmpty(name), nameOrEmpty(name), erased, nameOrEmpty(name), nameOrEmpty(name), erased, address,
					erased, address)
			.update();
	}

	private static String nameOrEmpty(String name) {
		return name == null ? "" : name;
	}

	/** Drops a notice's mails not sent yet: the notice was edited or cancelled before publication. */
	@Transactional(propagation = Propagation.MANDATORY)
	void dropUnsent(UUID noticeId) {
		jdbc.sql("DELETE FROM notices.outbox WHERE notice_id = ? AND sent_at IS NULL").param(noticeId).update();
	}

	/** The newest mails first, within the reader's scope; for the console's outbox view. */
	@Transactional(readOnly = true)
	public List<OutboxMail> recent(int limit) {
		return jdbc.sql("""
				SELECT id, recipient, subject, body, language, created_at, attempts, next_attempt_at, sent_at, last_error
				FROM notices.outbox ORDER BY seq DESC LIMIT ?""")
			.param(Math.min(Math.max(limit, 1), 500))
			.query(EmailOutbox::mail)
			.list()
			.stream()
			.map(mail -> mail.withBody(showsLinks ? readable(mail) : withoutLinks(mail.body())))
			.toList();
	}

	private String readable(OutboxMail mail) {
		try {
			return sealed.open(mail.body(), mail.id());
		}
		catch (IllegalStateException sealedUnderAnotherKey) {
			return withoutLinks(mail.body());
		}
	}

	static OutboxMail mail(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), rs.getString("language"), instant(rs, "created_at"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
