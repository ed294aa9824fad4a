package portal.orders.ordering;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The state of a service order, in TMF641's vocabulary. */
public enum OrderState {

	ACKNOWLEDGED("acknowledged"), PENDING_APPROVAL("pendingApproval"), IN_PROGRESS("inProgress"), HELD("held"),
	COMPLETED("completed"), FAILED("failed"), PARTIAL("partial"), REJECTED("rejected"),
	ASSESSING_CANCELLATION("assessingCancellation"), PENDING_CANCELLATION("pendingCancellation"),
	CANCELLED("cancelled");

	private final String code;

	OrderState(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/** Whether nothing moves the order any more. */
	public boolean terminal() {
		return this == COMPLETED || this == FAILED || this == PARTIAL || this == REJECTED || this == CANCELLED;
	}

	public static Optional<OrderState> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(OrderState::code).toList();
	}
}
