package portal.retention;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** A retention setting refused: the message starts with the field at fault. */
public class RetentionRefusal extends PortalException {

	private final String field;

	RetentionRefusal(String field, String message) {
		super("invalid-field", HttpStatus.BAD_REQUEST, field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
