package portal.agreements.desk;

import java.time.Instant;
import java.util.Optional;

/** What an applicant may see of its application: its state and when it was received and decided. */
public record ApplicationStatus(long receiptNo, ApplicationState state, Instant receivedAt, Optional<Instant> decidedAt,
		Optional<String> rejectionReason) {
}
