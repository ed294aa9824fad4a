package portal.notices;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** A notice the portal will not create, change or show, naming the field at fault when there is one. */
public class NoticeRefusal extends PortalException {

	private final String field;

	NoticeRefusal(String problemType, HttpStatus status, String field, String message) {
		super(problemType, status, message);
		this.field = field;
	}

	static NoticeRefusal invalid(String field, String message) {
		return new NoticeRefusal("invalid-notice", HttpStatus.BAD_REQUEST, field, message);
	}

	static NoticeRefusal notFound() {
		return new NoticeRefusal("notice-not-found", HttpStatus.NOT_FOUND, null, "No such notice.");
	}

	static NoticeRefusal published() {
		return new NoticeRefusal("notice-published", HttpStatus.CONFLICT, null,
				"The notice is already published or cancelled; it can no longer change.");
	}

	/** The request field at fault, or null. */
	public String field() {
		return field;
	}
}
