package portal.agreements;

import java.util.Map;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * A refusal of the agreements module. Bad input names its field (the API's problem detail
 * lists it under {@code fields}; pages show the message beside the field); a refusal of
 * the rules (out of receipt order, already decided) says what stands in the way.
 */
public class AgreementRefusal extends PortalException {

	private final String field;

	private final Map<String, Object> properties;

	AgreementRefusal(String problemType, HttpStatus status, String field, String messageKey, String message,
			Map<String, Object> properties) {
		super(problemType, status, message, null, messageKey);
		this.field = field;
		this.properties = Map.copyOf(properties);
	}

	/** Bad input in one field; the message key is {@code agreements.error.<key>}. */
	public static AgreementRefusal invalid(String field, String key, String message) {
		return new AgreementRefusal("invalid-fields", HttpStatus.BAD_REQUEST, field, "agreements.error." + key,
				field + ": " + message, Map.of());
	}

	public static AgreementRefusal conflict(String problemType, String field, String key, String message,
			Map<String, Object> properties) {
		return new AgreementRefusal(problemType, HttpStatus.CONFLICT, field, "agreements.error." + key, message,
				properties);
	}

	public static AgreementRefusal notFound(String what) {
		return new AgreementRefusal("not-found", HttpStatus.NOT_FOUND, "", "agreements.error.not-found",
				"There is no such " + what + ".", Map.of());
	}

	public static AgreementRefusal throttled() {
		return new AgreementRefusal("too-many-applications", HttpStatus.TOO_MANY_REQUESTS, "",
				"agreements.error.throttled", "Too many applications from your address; try again later.", Map.of());
	}

	/** The field the refusal is about; empty when it concerns the request as a whole. */
	public String field() {
		return field;
	}

	/** The key pages show the refusal by ({@code agreements.error.*}), as {@link #getCodes()} gives it. */
	public String messageKey() {
		return getCodes()[0];
	}

	/** Extra members of the problem detail, e.g. the older application's receipt number. */
	public Map<String, Object> properties() {
		return properties;
	}
}
