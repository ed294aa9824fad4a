package portal.customers.systemkeys;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** Why staff could not issue or revoke a system API key; pages show it by its key ({@code customers.keys.refusal.*}). */
class SystemKeyRefusal extends PortalException {

	private static final String KEY = "customers.keys.refusal.";

	private SystemKeyRefusal(String type, HttpStatus status, String message, String field, Object... arguments) {
		super(type, status, message, field, KEY + type + (field == null ? "" : "." + field), arguments);
	}

	static SystemKeyRefusal invalid(String field, String message) {
		return new SystemKeyRefusal("invalid-field", HttpStatus.BAD_REQUEST, field + ": " + message, field);
	}

	static SystemKeyRefusal nameTaken(String name) {
		return new SystemKeyRefusal("name-taken", HttpStatus.CONFLICT, "name: A key named " + name
				+ " exists already; names identify systems in the audit trail.", null, name);
	}

	static SystemKeyRefusal otherCompany() {
		return new SystemKeyRefusal("foreign-contracting-company", HttpStatus.FORBIDDEN,
				"contractingCompany: You may manage keys of your own contracting company only.", null);
	}

	static SystemKeyRefusal notFound() {
		return new SystemKeyRefusal("not-found", HttpStatus.NOT_FOUND, "There is no such system key.", null);
	}
}
