package portal.platform;

import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal the portal explains: every domain exception carries a problem type (a short
 * slug), an HTTP status and a message for people. The API renders it as an RFC 9457
 * problem detail; pages show the same message beside the form. A refusal of bad input
 * names the field it concerns, so that the API lists it under {@code fields} and pages show
 * the message beside that field.
 * <p>
 * A refusal people meet in pages may also carry a message key and its arguments: resolved with
 * the portal's {@code MessageSource} (it is a {@link MessageSourceResolvable}), it reads in the
 * person's language, and in the English message where the key has no text. The API keeps the
 * English message.
 */
public abstract class PortalException extends RuntimeException implements MessageSourceResolvable {

	private final String problemType;

	private final HttpStatus status;

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	protected PortalException(String problemType, HttpStatus status, String message) {
		this(problemType, status, message, null);
	}

	protected PortalException(String problemType, HttpStatus status, String message, String field) {
		this(problemType, status, message, field, null);
	}

	/** A refusal pages show by {@code messageKey} with {@code arguments}, in the person's language. */
	protected PortalException(String problemType, HttpStatus status, String message, String field, String messageKey,
			Object... arguments) {
		super(message);
		this.problemType = problemType;
		this.status = status;
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
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

	/** The message key pages show the refusal by; none when they show the English message. */
	@Override
	public String[] getCodes() {
		return messageKey == null ? new String[0] : new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	/** Without a key, or without a translation of it, the English message. */
	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
