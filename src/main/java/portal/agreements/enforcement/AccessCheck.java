package portal.agreements.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import portal.agreements.lifecycle.AccessRules;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionScope;
import portal.platform.Availability;
import portal.platform.PortalFeature;

/**
 * The one access check. It keeps the rules (suspensions not over,
 * terminations) in memory and decides every request against the clock, so a suspension
 * starts and ends on time whether or not any job ran. The rules are dropped when this node
 * changes them, and when a poll of {@code agreements.access_version} (once a second by
 * default, not once per request) sees that another node did.
 */
@Component
class AccessCheck implements Availability {

	private final AgreementLifecycle lifecycle;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<AccessRules> rules = new AtomicReference<>();

	private volatile long seenVersion = -1;

	AccessCheck(AgreementLifecycle lifecycle, JdbcClient jdbc, Clock clock) {
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
		this.clock = clock;
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
		AccessRules current = rules.get();
		if (current == null) {
			current = lifecycle.accessRules();
			rules.compareAndSet(null, current);
		}
		return current;
	}

	/** Drops the rules, e.g. after this node changed them; the next check loads them afresh. */
	void invalidate() {
		rules.set(null);
	}

	/** Drops the rules when another node changed them; also keeps the "not over" set from growing stale. */
	@Scheduled(fixedDelayString = "${portal.agreements.access-refresh:1s}")
	void poll() {
		long version = jdbc.sql("SELECT version FROM agreements.access_version WHERE id = 1").query(Long.class).single();
		if (version != seenVersion) {
			seenVersion = version;
			invalidate();
		}
	}
}
