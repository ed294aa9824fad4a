package portal.orders.ordering;

import java.util.Arrays;
import java.util.Optional;

/** A move the contracting company makes on an order, named by the state it leads to where it can. */
public enum Move {

	START("inProgress"), REJECT("rejected"), HOLD("held"), RESUME("resume"), COMPLETE("completed"),
	COMPLETE_PARTLY("partial"), FAIL("failed"), ACCEPT_CANCELLATION("pendingCancellation"),
	DECLINE_CANCELLATION("declineCancellation"), CONFIRM_CANCELLATION("cancelled");

	private final String code;

	Move(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<Move> of(String code) {
		return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
	}
}
