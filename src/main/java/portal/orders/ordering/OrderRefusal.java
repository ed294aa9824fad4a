package portal.orders.ordering;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * Why an order or a move of it was refused. The message starts with the offending field,
 * when there is one, so callers know what to fix. Refusals people meet in the pages also
 * carry a message key ({@code orders.refusal.*}), so that pages show them in the person's
 * language; the API keeps the English message.
 */
public class OrderRefusal extends PortalException {

	private final String field;

	private OrderRefusal(String type, HttpStatus status, String field, String message, String key,
			Object[] arguments) {
		super(type, status, field.isEmpty() ? message : field + ": " + message, null,
				key == null ? null : "orders.refusal." + key, arguments);
		this.field = field;
	}

	private OrderRefusal(String type, HttpStatus status, String field, String message) {
		this(type, status, field, message, null, new Object[0]);
	}

	public static OrderRefusal invalid(String field, String message) {
		return new OrderRefusal("invalid-field", HttpStatus.BAD_REQUEST, field, message);
	}

	/** The move is not allowed from the order's current state. */
	public static OrderRefusal illegalMove(OrderState from, String move) {
		return new OrderRefusal("illegal-order-transition", HttpStatus.CONFLICT, "state",
				"An order that is " + from.code() + " cannot be " + move + ".")
			.explained("illegal-move", new DefaultMessageSourceResolvable(new String[] { "orders.state." + from.code() },
					from.code()), move);
	}

	public static OrderRefusal conflict(String field, String message) {
		return new OrderRefusal("order-conflict", HttpStatus.CONFLICT, field, message);
	}

	public static OrderRefusal forbidden(String field, String message) {
		return new OrderRefusal("order-forbidden", HttpStatus.FORBIDDEN, field, message);
	}

	public static OrderRefusal notFound(String what) {
		return new OrderRefusal("not-found", HttpStatus.NOT_FOUND, "", what + " was not found.")
			.explained("not-found");
	}

	/**
	 * The same refusal with the message key {@code orders.refusal.<key>} pages translate it by.
	 * Arguments may themselves be {@link MessageSourceResolvable}, such as a state's label.
	 */
	public OrderRefusal explained(String key, Object... arguments) {
		OrderRefusal explained = new OrderRefusal(problemType(), status(), field, bare(), key, arguments.clone());
		explained.setStackTrace(getStackTrace());
		return explained;
	}

	/** The request field the refusal concerns; empty when none. */
	public String field() {
		return field;
	}

	private String bare() {
		return field.isEmpty() ? getMessage() : getMessage().substring(field.length() + 2);
	}
}
