package portal.agreements.desk;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import portal.notices.Email;
import portal.notices.EmailOutbox;

/** The emails to an applicant's contact person, in the application's language, through the outbox. */
@Component
class ApplicationMails {

	private final EmailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	ApplicationMails(EmailOutbox outbox, MessageSource messages, @Value("${portal.base-url}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	void received(PortalApplication application, String token) {
		// The token after "#", which browsers never send (ASVS 14.2.1); the code again for pasting.
		String page = baseUrl + "/apply/status/" + application.receiptNo();
		send(application, "received", application.receiptNo(), application.applicant().legalName(),
				page + "#" + Email.secret(token), page, Email.secret(token));
	}

	void accepted(PortalApplication application, String customerCode) {
		send(application, "accepted", application.receiptNo(), application.applicant().legalName(), customerCode,
				application.applicant().administrator().email());
	}

	void rejected(PortalApplication application) {
		Locale locale = locale(application);
		String reason = messages.getMessage("agreements.rejection." + application.rejectionReason().orElseThrow().code(),
				null, locale);
		send(application, "rejected", application.receiptNo(), application.applicant().legalName(), reason,
				application.rejectionNote().orElse(""));
	}

	private void send(PortalApplication application, String kind, Object... args) {
		Locale locale = locale(application);
		outbox.enqueue(new Email(application.applicant().contact().email(),
				messages.getMessage("agreements.mail." + kind + ".subject", args, locale),
				messages.getMessage("agreements.mail." + kind + ".body", args, locale), locale, null));
	}

	private static Locale locale(PortalApplication application) {
		return Locale.forLanguageTag(application.applicant().language());
	}
}
