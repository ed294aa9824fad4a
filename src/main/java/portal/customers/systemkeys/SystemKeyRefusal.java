package portal.customers.systemkeys;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** Why staff could not issue or revoke a system API key. */
class SystemKeyRefusal extends PortalException {

	private SystemKeyRefusal(String type, HttpStatus status, String message) {
		super(type, status, message);
	}

	private SystemKeyRefusal(String type, HttpStatus status, String message, String field) {
		super(type, status, message, field);
	}

	static SystemKeyRefusal invalid(String field, String message) {
		return new SystemKeyRefusal("invalid-field", HttpStatus.BAD_REQUEST, field + ": " + message, field);
	}

	static SystemKeyRefusal nameTaken(String name) {
		return new SystemKeyRefusal("name-taken", HttpStatus.CONFLICT, "name: A key named " + name
				+ " exists already; names identify systems in the audit trail.");
	}

	static SystemKeyRefusal otherCompany() {
		return new SystemKeyRefusal("foreign-contracting-company", HttpStatus.FORBIDDEN,
				"contractingCompany: You may manage keys of your own contracting company only.");
	}

	static SystemKeyRefusal notFound() {
		return new SystemKeyRefusal("not-found", HttpStatus.NOT_FOUND, "There is no such system key.");
	}
}
