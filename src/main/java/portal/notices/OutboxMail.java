package portal.notices;

import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox as the console shows it: queued, sent, or failing with its last error. */
public record OutboxMail(UUID id, String recipient, String subject, String body, String language, Instant createdAt,
		int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {

	OutboxMail withBody(String newBody) {
		return new OutboxMail(id, recipient, subject, newBody, language, createdAt, attempts, nextAttemptAt, sentAt,
				lastError);
	}

	public String status() {
		if (sentAt != null) {
			return "sent";
		}
		return attempts == 0 ? "queued" : "retrying";
	}
}
