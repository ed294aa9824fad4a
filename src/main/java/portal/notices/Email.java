package portal.notices;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A plain-text email to one recipient, already rendered in the recipient's language. Parts
 * that must not be readable while the mail waits (the token of a single-use link) are
 * marked with {@link #secret(String)}: the outbox keeps them sealed and opens them only to
 * send the mail.
 */
public record Email(String recipient, String subject, String body, Locale language, UUID customerId) {

	public Email {
		if (recipient == null || !recipient.contains("@")) {
			throw new IllegalArgumentException("An email needs a recipient address");
		}
		if (subject == null || subject.isBlank() || body == null) {
			throw new IllegalArgumentException("An email needs a subject and a body");
		}
		language = language == null ? Locale.ENGLISH : language;
	}

	/** Marks a secret part of the body, such as a link's token; the outbox stores it sealed. */
	public static String secret(String value) {
		if (value == null || value.contains("]")) {
			throw new IllegalArgumentException("A secret part of a mail must be plain text without ']'");
		}
		return "[[secret:" + value + "]]";
	}

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}
}
