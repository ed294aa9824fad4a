package portal.terms;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * A document request the portal refuses, naming the field at fault when there is one. Refusals
 * the publishing page meets also carry a message key ({@code terms.refusal.*}), so that the page
 * shows them in the person's language; the API keeps the English message.
 */
public class TermsRefusal extends PortalException {

	private final String field;

	TermsRefusal(String problemType, HttpStatus status, String field, String message) {
		this(problemType, status, field, message, null, new Object[0]);
	}

	private TermsRefusal(String problemType, HttpStatus status, String field, String message, String key,
			Object[] arguments) {
		super(problemType, status, message, null, key == null ? null : "terms.refusal." + key, arguments);
		this.field = field;
	}

	public static TermsRefusal invalid(String field, String message) {
		return new TermsRefusal("invalid-document", HttpStatus.BAD_REQUEST, field, message);
	}

	/** Bad input a page shows, by the message key {@code terms.refusal.<key>} with its arguments. */
	public static TermsRefusal invalid(String field, String message, String key, Object... arguments) {
		return new TermsRefusal("invalid-document", HttpStatus.BAD_REQUEST, field, message, key, arguments.clone());
	}

	public static TermsRefusal unknownDocument() {
		return new TermsRefusal("document-not-found", HttpStatus.NOT_FOUND, "key", "No such document.");
	}

	public static TermsRefusal unknownVersion(String field) {
		return new TermsRefusal("version-not-found", HttpStatus.NOT_FOUND, field, "No such version of the document.");
	}

	/** The request field at fault, or null. */
	public String field() {
		return field;
	}
}
