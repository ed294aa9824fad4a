package portal.agreements.desk;

import java.time.Duration;

import org.springframework.stereotype.Component;
import portal.agreements.lifecycle.AgreementSettings;
import portal.platform.RateLimits;

/**
 * Limits applications per client address (by default 10 an hour), so that the public form
 * cannot flood the desk's queue. The budget is shared by every node and kept in the
 * database, so a flood of distinct addresses evicts nobody's budget.
 */
@Component
class ApplicationThrottle {

	private final RateLimits.Budget perAddress;

	ApplicationThrottle(AgreementSettings settings, RateLimits rateLimits) {
		this.perAddress = rateLimits.budget("apply-address", settings.applicationsPerAddressPerHour(),
				Duration.ofHours(1));
	}

	boolean tryAcquire(String address) {
		return perAddress.tryConsume(address == null ? "" : address);
	}
}
