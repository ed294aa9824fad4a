package portal.retention;

import java.util.UUID;

/**
 * A module's share of erasing a terminated customer's data once its period has passed
 * . Implementations delete, in the caller's transaction, every row they keep for the
 * customer except what the README lists as kept for law and audit, and answer how many rows
 * they deleted. Running twice deletes nothing the second time.
 */
public interface CustomerErasure {

	/** A short name of what is erased, such as {@code identity} or {@code orders}, for the audit trail. */
	String part();

	long erase(UUID customerId);
}
