package portal.agreements.api;

import java.time.Instant;
import java.util.List;

import portal.agreements.lifecycle.AgreementView;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.TerminationOrigin;
import portal.agreements.lifecycle.TimelineEntry;

/** A Portal Agreement as the API shows it: its state, termination, suspensions and timeline. */
record AgreementResource(String state, Instant concludedAt, Instant terminationEffectiveAt, String terminationOrigin,
		String terminationReason, List<SuspensionResource> suspensions, List<TimelineEntry> timeline) {

	static AgreementResource of(AgreementView view) {
		return new AgreementResource(view.state().code(), view.concludedAt(), view.terminationEffectiveAt().orElse(null),
				view.terminationOrigin().map(TerminationOrigin::code).orElse(null),
				view.terminationReason().orElse(null),
				view.suspensions().stream().map(SuspensionResource::of).toList(), view.timeline());
	}
}
