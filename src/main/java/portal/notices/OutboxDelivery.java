package portal.notices;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import portal.platform.Tenancy;

/**
 * Sends due mails over SMTP, once across the cluster (ShedLock). A failed mail is retried
 * with exponential back-off (1 min doubling, at most 6 h between tries) and its last error
 * stays visible in the console. Without an SMTP server configured, mails stay queued and
 * readable in the console's outbox view.
 */
@Component
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	private final Tenancy tenancy;

	private final String from;

	private final SealedParts sealed;

	OutboxDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, Clock clock, Tenancy tenancy,
			@Value("${portal.mail.from}") String from, SealedParts sealed) {
		this.sealed = sealed;
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.clock = clock;
		this.tenancy = tenancy;
		this.from = from;
	}

	@Scheduled(fixedDelayString = "${portal.mail.delivery-interval:2s}", initialDelayString = "${portal.mail.delivery-interval:2s}")
	@SchedulerLock(name = "outbox-delivery", lockAtMostFor = "PT5M")
	void deliverDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		tenancy.runAsJob("outbox-delivery", () -> due().forEach(mail -> deliver(sender, mail)));
	}

	private List<OutboxMail> due() {
		return jdbc.sql("""
				SELECT id, recipient, subject, body, language, created_at, attempts, next_attempt_at, sent_at, last_error
				FROM notices.outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?""")
			.params(Timestamp.from(clock.instant()), BATCH)
			.query(EmailOutbox::mail)
			.list();
	}

	private void deliver(JavaMailSender sender, OutboxMail mail) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(sealed.open(mail.body(), mail.id()), false);
			sender.send(message);
			// Once delivered, the copy kept here no longer carries a link that could open an account.
			jdbc.sql("UPDATE notices.outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, body = ? WHERE id = ?")
				.params(Timestamp.from(clock.instant()), EmailOutbox.withoutLinks(mail.body()), mail.id())
				.update();
		}
		catch (Exception ex) {
			Instant next = clock.instant().plus(backOff(mail.attempts() + 1));
			log.warn("Mail {} could not be delivered (attempt {}): {}", mail.id(), mail.attempts() + 1,
					ex.getClass().getSimpleName());
			jdbc.sql("UPDATE notices.outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
				.params(Timestamp.from(next), String.valueOf(ex.getMessage()), mail.id())
				.update();
		}
	}

	static Duration backOff(int attempts) {
		long minutes = 1L << Math.min(attempts - 1, 9);
		return Duration.ofMinutes(Math.min(minutes, 360));
	}
}
