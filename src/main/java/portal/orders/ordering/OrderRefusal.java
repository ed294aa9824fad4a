package portal.orders.ordering;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * Why an order or a move of it was refused. The message starts with the offending field,
 * when there is one, so callers know what to fix.
 */
public class OrderRefusal extends PortalException {

	private final String field;

	private OrderRefusal(String type, HttpStatus status, String field, String message) {
		super(type, status, field.isEmpty() ? message : field + ": " + message);
		this.field = field;
	}

	public static OrderRefusal invalid(String field, String message) {
		return new OrderRefusal("invalid-field", HttpStatus.BAD_REQUEST, field, message);
	}

	/** The move is not allowed from the order's current state. */
	public static OrderRefusal illegalMove(OrderState from, String move) {
		return new OrderRefusal("illegal-order-transition", HttpStatus.CONFLICT, "state",
				"An order that is " + from.code() + " cannot be " + move + ".");
	}

	public static OrderRefusal conflict(String field, String message) {
		return new OrderRefusal("order-conflict", HttpStatus.CONFLICT, field, message);
	}

	public static OrderRefusal forbidden(String field, String message) {
		return new OrderRefusal("order-forbidden", HttpStatus.FORBIDDEN, field, message);
	}

	public static OrderRefusal notFound(String what) {
		return new OrderRefusal("not-found", HttpStatus.NOT_FOUND, "", what + " was not found.");
	}

	/** The request field the refusal concerns; empty when none. */
	public String field() {
		return field;
	}
}
