package portal.agreements.api;

import java.time.Instant;
import java.util.UUID;

import portal.agreements.lifecycle.Suspension;

/** A suspension or withdrawal as the API shows it. */
record SuspensionResource(UUID id, String customer, String scope, String feature, String relevantService, String reason,
		String kind, String note, Instant announcedAt, Instant start, Instant end, Instant cureDeadline, Instant liftedAt) {

	static SuspensionResource of(Suspension s) {
		return new SuspensionResource(s.id(), s.customerId().map(UUID::toString).orElse("all"), s.scope().code(),
				s.feature().map(f -> f.name().toLowerCase().replace('_', '-')).orElse(null),
				s.relevantService().orElse(null), s.reason().code(), s.kind().code(), s.note(), s.announcedAt(),
				s.startsAt(), s.endsAt().orElse(null), s.cureDeadline().orElse(null), s.liftedAt().orElse(null));
	}
}
