package portal.customers.inventory;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * Why the inventory refused a write or a read: bad input (400), a contract of another
 * contracting company (403), nothing there (404) or a state that forbids the change (409).
 * The message starts with the offending field, so callers know what to fix.
 */
public class InventoryRefusal extends PortalException {

	private final String field;

	private InventoryRefusal(String problemType, HttpStatus status, String field, String message) {
		super(problemType, status, field.isEmpty() ? message : field + ": " + message);
		this.field = field;
	}

	public static InventoryRefusal invalid(String field, String message) {
		return new InventoryRefusal("invalid-field", HttpStatus.BAD_REQUEST, field, message);
	}

	public static InventoryRefusal conflict(String field, String message) {
		return new InventoryRefusal("state-conflict", HttpStatus.CONFLICT, field, message);
	}

	/** Says nothing of whose the contract is, so a key learns nothing about other companies' contracts. */
	public static InventoryRefusal foreignCompany(String field) {
		return new InventoryRefusal("foreign-contracting-company", HttpStatus.FORBIDDEN, field,
				"This key may only write contracts of its own contracting company.");
	}

	public static InventoryRefusal notFound(String what) {
		return new InventoryRefusal("not-found", HttpStatus.NOT_FOUND, "", what + " was not found.");
	}

	/** The request field the refusal is about; empty when it concerns none. */
	public String field() {
		return field;
	}
}
