package portal.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the portal explains: every domain exception carries a problem type (a short
 * slug), an HTTP status and a message for people. The API renders it as an RFC 9457
 * problem detail; pages show the same message beside the form.
 */
public abstract class PortalException extends RuntimeException {

	private final String problemType;

	private final HttpStatus status;

	protected PortalException(String problemType, HttpStatus status, String message) {
		super(message);
		this.problemType = problemType;
		this.status = status;
	}

	public String problemType() {
		return problemType;
	}

	public HttpStatus status() {
		return status;
	}
}
