package portal.agreements.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import portal.agreements.lifecycle.AccessRules;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionScope;
import portal.platform.Availability;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.PortalFeature;

/**
 * The one access check. It keeps the rules (suspensions not over,
 * terminations) in memory and decides every request against the clock, so a suspension
 * starts and ends on time whether or not any job ran. Only the rule set is cached: every
 * node drops it when any node commits a change to it ({@link AccessRules#CHANGED_TOPIC}
 * through {@link Invalidations}), and while a node is not listening for invalidations it
 * loads the rules for every request instead, so a change is never missed.
 */
@Component
class AccessCheck implements Availability {

	/** Reloaded now and then even without a change, so that suspensions long over leave the set. */
	private static final Duration RELOAD = Duration.ofMinutes(10);

	private static final String RULES = "rules";

	private final AgreementLifecycle lifecycle;

	private final Clock clock;

	private final NodeCache<String, AccessRules> rules;

	AccessCheck(AgreementLifecycle lifecycle, Clock clock, Invalidations invalidations) {
		this.lifecycle = lifecycle;
		this.clock = clock;
		this.rules = invalidations.cache(RELOAD, 1);
		invalidations.subscribe(AccessRules.CHANGED_TOPIC, customer -> rules.clear(), rules::clear);
	}

	@Override
	public Optional<Unavailable> check(UUID customerId, PortalFeature feature, String relevantService) {
		if (customerId == null || feature == PortalFeature.OPERATIONS) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		AccessRules current = rules();
		Optional<Instant> terminated = current.terminationOf(customerId).filter(at -> !at.isAfter(now));
		if (terminated.isPresent()) {
			return Optional.of(new Unavailable("agreement-terminated", "whole", "termination", terminated.get(),
					Optional.empty(), true));
		}
		String service = relevantService == null ? "" : relevantService;
		return current.suspensions().stream()
			.filter(s -> s.customerId().map(customerId::equals).orElse(true))
			.filter(s -> s.inForceAt(now) && s.covers(feature, service))
			// The whole portal first: it also ends sessions.
			.min(Comparator.comparing((Suspension s) -> s.scope() != SuspensionScope.WHOLE))
			.map(AccessCheck::unavailable);
	}

	@Override
	public Set<String> withheldServices(UUID customerId) {
		if (customerId == null) {
			return Set.of();
		}
		Instant now = clock.instant();
		Set<String> withheld = new HashSet<>();
		for (Suspension s : rules().suspensions()) {
			if (s.scope() == SuspensionScope.SERVICE && s.customerId().map(customerId::equals).orElse(true)
					&& s.inForceAt(now)) {
				withheld.add(s.relevantService().orElseThrow());
			}
		}
		return withheld;
	}

	private static Unavailable unavailable(Suspension s) {
		String scope = switch (s.scope()) {
			case WHOLE -> "whole";
			case FEATURE -> "feature:" + s.feature().orElseThrow().name().toLowerCase().replace('_', '-');
			case SERVICE -> "service:" + s.relevantService().orElseThrow();
		};
		return new Unavailable(s.kind() == SuspensionKind.WITHDRAWAL ? "service-withdrawn" : "service-suspended", scope,
				s.reason().code(), s.startsAt(), s.effectiveEnd(), s.scope() == SuspensionScope.WHOLE);
	}

	private AccessRules rules() {
		return rules.get(RULES, key -> lifecycle.accessRules());
	}
}
