package portal.identity.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import portal.notices.Email;
import portal.notices.EmailOutbox;
import portal.platform.web.TimeFormat;
import portal.platform.web.PreferredZones;

/** The mails the identity module sends, in the recipient's language, through the outbox. */
@Component
public class IdentityMails {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final EmailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	private final List<PreferredZones> zones;

	IdentityMails(EmailOutbox outbox, MessageSource messages, List<PreferredZones> zones,
			@Value("${portal.base-url}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.zones = zones;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * The token travels after {@code #} in the link (ASVS 14.2.1): browsers never send a
	 * fragment to the server, so it stays out of request lines, logs and Referer headers.
	 * The code is also written out for pasting into the page when the link does not open.
	 */
	public void activation(Account account, String token, Instant expiresAt, boolean reset) {
		String kind = reset ? "reset" : "activation";
		send(account, "identity.mail." + kind + ".subject", "identity.mail." + kind + ".body", account.name(),
				account.loginId(), baseUrl + "/activate#" + Email.secret(token), expiresAt, baseUrl + "/activate",
				Email.secret(token));
	}

	public void lostCredentialsReported(Account account, Account recipient, boolean afterWrongCodes) {
		String key = afterWrongCodes ? "identity.mail.wrong-codes" : "identity.mail.lost";
		send(recipient, key + ".subject", key + ".body", recipient.name(), account.loginId(), baseUrl + "/sign-in");
	}

	/** Someone had the password but not the second factor: the person should change it. */
	public void passwordKnown(Account account) {
		send(account, "identity.mail.password-known.subject", "identity.mail.password-known.body", account.name(),
				account.loginId(), baseUrl + "/sign-in");
	}

	public void accountChanged(Account account, String what) {
		send(account, "identity.mail.changed.subject", "identity.mail.changed.body", account.name(), account.loginId(),
				what);
	}

	/** The person is gone (R-PI.3): their address and name leave the outbox too. */
	public void erase(String email, String name) {
		outbox.erase(email, name);
	}

	private Optional<ZoneId> chosenZone(Account recipient) {
		return zones.stream().flatMap(z -> z.ofAccount(recipient.id()).stream()).findFirst();
	}

	private void send(Account recipient, String subjectKey, String bodyKey, Object... args) {
		if (recipient.email() == null) {
			return;
		}
		Locale locale = Locale.forLanguageTag(recipient.language() == null ? "en" : recipient.language());
		// A mail has no browser to ask for a zone: times go out in the zone the person chose in their profile,
		// else in UTC, named as such, in the mail's language (as notices' mails do).
		TimeFormat times = new TimeFormat(chosenZone(recipient).orElse(UTC), locale);
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof Instant instant) {
				args[i] = times.dateTime(instant);
			}
		}
		outbox.enqueue(new Email(recipient.email(), messages.getMessage(subjectKey, args, locale),
				messages.getMessage(bodyKey, args, locale), locale, recipient.customerId()));
	}
}
