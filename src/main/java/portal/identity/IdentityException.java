package portal.identity;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** A refusal of the identity module, with its problem type. */
public class IdentityException extends PortalException {

	public IdentityException(String problemType, HttpStatus status, String message) {
		super(problemType, status, message);
	}

	public IdentityException(String problemType, HttpStatus status, String message, String field) {
		super(problemType, status, message, field);
	}

	public static IdentityException notFound() {
		return new IdentityException("user-not-found", HttpStatus.NOT_FOUND, "There is no such user.");
	}

	public static IdentityException lastAdministrator() {
		return new IdentityException("last-administrator", HttpStatus.CONFLICT,
				"This would leave the customer without an active administrator; appoint another administrator first.");
	}

	/** Bad input in one field; the message says what to give instead. */
	public static IdentityException invalid(String field, String message) {
		return new IdentityException("invalid-user", HttpStatus.BAD_REQUEST, message, field);
	}

	public static IdentityException reauthenticationRequired() {
		return new IdentityException("reauthentication-required", HttpStatus.FORBIDDEN,
				"Enter your current password and a fresh one-time code to do this.", "reauthentication");
	}

	public static IdentityException reauthenticationFailed() {
		return new IdentityException("reauthentication-failed", HttpStatus.FORBIDDEN,
				"Confirm with your current password and a one-time code to do this.", "reauthentication");
	}
}
