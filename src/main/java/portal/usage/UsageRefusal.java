package portal.usage;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** Why a usage request was refused: the message starts with the field at fault. */
public class UsageRefusal extends PortalException {

	private final String field;

	private UsageRefusal(String type, HttpStatus status, String field, String message) {
		super(type, status, field.isEmpty() ? message : field + ": " + message);
		this.field = field;
	}

	public static UsageRefusal invalid(String field, String message) {
		return new UsageRefusal("invalid-field", HttpStatus.BAD_REQUEST, field, message);
	}

	/** The body is neither NDJSON nor CSV; nothing of it was written. */
	public static UsageRefusal unreadableBody(String message) {
		return new UsageRefusal("unreadable-body", HttpStatus.BAD_REQUEST, "body", message);
	}

	/** The body, or what it decompresses to, passed the bulk body limit; nothing of it was written. */
	public static UsageRefusal tooLarge(String message) {
		return new UsageRefusal("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "body", message);
	}

	public static UsageRefusal unsupportedType() {
		return new UsageRefusal("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
				"Send application/x-ndjson or text/csv.");
	}

	public static UsageRefusal notFound(String what) {
		return new UsageRefusal("not-found", HttpStatus.NOT_FOUND, "", what + " was not found.");
	}

	public String field() {
		return field;
	}
}
