package portal.notices;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import portal.platform.web.TimeFormat;

/**
 * Writes a notice's email to each recipient with an address, in their language (the
 * Japanese translation where there is one, marked as a translation), due at the notice's
 * publication time, its times in the recipient's zone. The mail links to the notice in the
 * portal and carries no secret.
 */
@Component
class NoticeMails {

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
		// Times inside the body follow the body's language; the line naming the window, the mail's.
		TimeFormat inBody = new TimeFormat(recipient.zone(), japanese ? Locale.JAPANESE : Locale.ENGLISH);
		TimeFormat times = new TimeFormat(recipient.zone(), locale);
		String title = japanese ? d.titleJa() : d.titleEn();
		StringBuilder body = new StringBuilder();
		if (japanese) {
			body.append(message("notices.mail.translation", locale)).append("\n\n");
		}
		body.append(title).append("\n\n").append(inBody.text(japanese ? d.bodyJa() : d.bodyEn())).append("\n\n");
		if (d.eventStart() != null) {
			body.append(message("notices.mail.when", locale, times.dateTime(d.eventStart()),
					d.eventEnd() == null ? "-" : times.dateTime(d.eventEnd()))).append("\n");
		}
		String link = baseUrl + (recipient.staff() ? "/console/inbox/" : "/app/notices/") + notice.id;
		body.append(message("notices.mail.read-in-portal", locale, link));
		String subject = message("notices.mail.subject", locale, message("notices.kind." + d.kind().name(), locale),
				title);
		return new Email(address, subject, body.toString(), locale, recipient.customerId());
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
