package portal.notices;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A plain-text email to one recipient, already rendered in the recipient's language. */
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

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}
}
