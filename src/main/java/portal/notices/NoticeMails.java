package portal.notices;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a notice's email to each recipient with an address, in their language (the
 * Japanese translation where there is one, marked as a translation), due at the notice's
 * publication time. The mail links to the notice in the portal and carries no secret.
 */
@Component
class NoticeMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final EmailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	NoticeMails(EmailOutbox outbox, MessageSource messages, @Value("${portal.base-url}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	void queue(Notice notice, List<NoticeRecipient> recipients) {
		for (NoticeRecipient recipient : recipients) {
			recipient.address().ifPresent(address -> outbox.enqueue(email(notice, recipient, address), notice.id,
					recipient.accountId(), notice.draft().publishAt()));
		}
	}

	void dropUnsent(java.util.UUID noticeId) {
		outbox.dropUnsent(noticeId);
	}

	private Email email(Notice notice, NoticeRecipient recipient, String address) {
		NoticeDraft d = notice.draft();
		Locale locale = recipient.language();
		boolean japanese = "ja".equals(locale.getLanguage()) && d.titleJa() != null;
		String title = japanese ? d.titleJa() : d.titleEn();
		StringBuilder body = new StringBuilder();
		if (japanese) {
			body.append(message("notices.mail.translation", locale)).append("\n\n");
		}
		body.append(title).append("\n\n").append(japanese ? d.bodyJa() : d.bodyEn()).append("\n\n");
		if (d.eventStart() != null) {
			body.append(message("notices.mail.when", locale, time(d.eventStart()),
					d.eventEnd() == null ? "-" : time(d.eventEnd()))).append("\n");
		}
		String link = baseUrl + (recipient.staff() ? "/console/inbox/" : "/app/notices/") + notice.id;
		body.append(message("notices.mail.read-in-portal", locale, link));
		String subject = message("notices.mail.subject", locale, message("notices.kind." + d.kind().name(), locale),
				title);
		return new Email(address, subject, body.toString(), locale, recipient.customerId());
	}

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
