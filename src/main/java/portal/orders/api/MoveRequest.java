package portal.orders.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A move the fulfilling company makes, named by the state it leads to. */
record MoveRequest(@Schema(allowableValues = { "inProgress", "rejected", "held", "resume", "completed", "partial",
		"failed", "pendingCancellation", "declineCancellation", "cancelled" }) String state, String note) {
}
