package portal.catalog;

/**
 * A service kind descriptor that cannot be used. The message names the file and the
 * path of the offending field, e.g. {@code catalog/services/home5g.yml: metrics[1].unit: …},
 * so whoever edited it can fix it without reading code.
 */
public class InvalidDescriptorException extends IllegalStateException {

	public InvalidDescriptorException(String message) {
		super(message);
	}

	public InvalidDescriptorException(String message, Throwable cause) {
		super(message, cause);
	}
}
