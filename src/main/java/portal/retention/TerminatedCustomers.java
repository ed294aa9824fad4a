package portal.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The source of the terminated customers' data class: the module that keeps Portal
 * Agreements says whose agreement's termination took effect before a cutoff.
 */
public interface TerminatedCustomers {

	/** Customers whose termination took effect strictly before the cutoff, oldest first. */
	List<Terminated> terminatedBefore(Instant cutoff);

	/** A customer whose agreement ended, and when the termination took effect. */
	record Terminated(UUID customerId, Instant effectiveAt) {
	}
}
