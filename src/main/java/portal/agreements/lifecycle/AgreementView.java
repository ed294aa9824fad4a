package portal.agreements.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A Portal Agreement as people read it: its state now, its termination, the suspensions that concern it, its timeline. */
public record AgreementView(UUID customerId, AgreementState state, Instant concludedAt,
		Optional<Instant> terminationEffectiveAt, Optional<TerminationOrigin> terminationOrigin,
		Optional<String> terminationReason, List<Suspension> suspensions, List<TimelineEntry> timeline) {

	public AgreementView {
		suspensions = List.copyOf(suspensions);
		timeline = List.copyOf(timeline);
	}
}
