package portal.orders.ordering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** Submitted values the order type's rules refuse, each named by its field path, e.g. {@code items[0].parameters.bandwidthMbps}. */
public class InvalidOrder extends PortalException {

	private final Map<String, String> fields;

	public InvalidOrder(Map<String, String> fields) {
		super("invalid-fields", HttpStatus.BAD_REQUEST, "Some fields are invalid: " + String.join(", ", fields.keySet())
				+ ".");
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public Map<String, String> fields() {
		return fields;
	}
}
