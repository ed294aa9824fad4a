package portal.orders.ordering;

import java.time.Instant;
import java.util.Objects;

/** A note the customer added to an order after submitting it, with who added it and when. */
public record OrderNote(String author, Instant date, String text) {

	public OrderNote {
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(text, "text");
	}
}
