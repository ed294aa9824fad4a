package portal.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one check of whether a customer's users may use a part of the Portal Service now
 * . Every page, API route and sign-in consults it with the feature the route
 * declares ({@link Feature}) and, where the route concerns one relevant service, that
 * service's key. Staff are never subject to it. It answers from memory: no database round
 * trip per request.
 */
public interface Availability {

	/**
	 * Why the customer's users may not use the feature (of the relevant service, if any) now.
	 *
	 * @param relevantService the relevant service's key the route concerns, or empty
	 */
	Optional<Unavailable> check(UUID customerId, PortalFeature feature, String relevantService);

	/**
	 * The relevant services whose pages and data are suspended for the customer's users now
	 * lists leave their rows out, and single rows of them are refused. Decided by
	 * the same rules as {@link #check}, from memory.
	 */
	default Set<String> withheldServices(UUID customerId) {
		return Set.of();
	}

	/**
	 * Why a part is unavailable, and for how long.
	 *
	 * @param problemType {@code service-suspended}, {@code service-withdrawn} or {@code agreement-terminated}
	 * @param reason the reason people read, e.g. the article it rests on
	 * @param since when it took effect
	 * @param until when it ends; empty when open-ended
	 * @param endsAccess whether the customer's users lose their sessions and tokens too (whole
	 *        portal suspended, agreement terminated)
	 */
	record Unavailable(String problemType, String scope, String reason, Instant since, Optional<Instant> until,
			boolean endsAccess) {
	}

	/** Everything available: for contexts without the agreements module. */
	Availability ALWAYS = (customer, feature, service) -> Optional.empty();
}
