package portal.identity.lostcredentials;

import java.time.Instant;
import java.util.UUID;

/**
 * A lost-or-stolen report as the desk sees it: who reported which account how and when,
 * how the desk verified the person out of band, and when the report was closed.
 */
public record LostReport(UUID id, UUID accountId, String loginId, boolean staff, UUID customerId, String channel,
		String reportedBy, Instant reportedAt, String origin, String verification, String verifiedBy,
		Instant verifiedAt, Instant handledAt, String handledBy) {

	public boolean open() {
		return handledAt == null;
	}

	public boolean verified() {
		return verifiedAt != null;
	}
}
