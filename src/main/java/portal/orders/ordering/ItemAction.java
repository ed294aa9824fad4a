package portal.orders.ordering;

import java.util.Arrays;
import java.util.Optional;

/** What an order item does to a service instance, in TMF641's vocabulary. */
public enum ItemAction {

	ADD("add"), MODIFY("modify"), DELETE("delete"), NO_CHANGE("noChange");

	private final String code;

	ItemAction(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ItemAction> of(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}
}
