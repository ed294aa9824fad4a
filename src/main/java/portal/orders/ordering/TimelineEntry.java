package portal.orders.ordering;

import java.time.Instant;

/** One step of an order's life: the state it reached, when, by whom, and why. */
public record TimelineEntry(int seq, Instant at, OrderState state, String actor, String note) {

	public TimelineEntry {
		note = note == null ? "" : note;
	}
}
