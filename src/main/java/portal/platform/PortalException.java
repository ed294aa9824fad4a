package portal.platform;

import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A refusal the portal explains: every domain exception carries a problem type (a short
 * slug), an HTTP status and a message for people. The API renders it as an RFC 9457
 * problem detail; pages show the same message beside the form. A refusal of bad input
 * names the field it concerns, so that the API lists it under {@code fields} and pages show
 * the message beside that field.
 */
public abstract class PortalException extends RuntimeException {

	private final String problemType;

	private final HttpStatus status;

	private final String field;

	protected PortalException(String problemType, HttpStatus status, String message) {
		this(problemType, status, message, null);
	}

	protected PortalException(String problemType, HttpStatus status, String message, String field) {
		super(message);
		this.problemType = problemType;
		this.status = status;
		this.field = field;
	}

	/** The form or request field the refusal concerns, if it concerns one. */
	public Optional<String> offendingField() {
		return Optional.ofNullable(field);
	}

	public String problemType() {
		return problemType;
	}

	public HttpStatus status() {
		return status;
	}
}
