package portal.terms;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** A document request the portal refuses, naming the field at fault when there is one. */
public class TermsRefusal extends PortalException {

	private final String field;

	TermsRefusal(String problemType, HttpStatus status, String field, String message) {
		super(problemType, status, message);
		this.field = field;
	}

	public static TermsRefusal invalid(String field, String message) {
		return new TermsRefusal("invalid-document", HttpStatus.BAD_REQUEST, field, message);
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
