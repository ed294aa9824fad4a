package portal.catalog;

import java.util.Objects;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/**
 * An amendment of the catalog that its rules refuse. The reason names the problem
 * type, the status and the input field at fault, so that the API and the console page
 * point at the same field; nothing of a refused amendment is written.
 */
public class AmendmentRefused extends PortalException {

	/** Why an amendment was refused; the slug is also the key of its message for people. */
	public enum Reason {

		BLANK_NAME("catalog-name-blank", HttpStatus.BAD_REQUEST, "name"),
		NAME_TOO_LONG("catalog-name-too-long", HttpStatus.BAD_REQUEST, "name"),
		NAME_TAKEN("catalog-name-taken", HttpStatus.CONFLICT, "name"),
		NAME_UNCHANGED("catalog-name-unchanged", HttpStatus.CONFLICT, "name"),
		EFFECTIVE_DATE_PAST("catalog-effective-date-past", HttpStatus.BAD_REQUEST, "effectiveDate"),
		EFFECTIVE_DATE_BEFORE_OFFER("catalog-effective-date-before-offer", HttpStatus.BAD_REQUEST, "effectiveDate"),
		ALREADY_RETIRED("catalog-already-retired", HttpStatus.CONFLICT, "effectiveDate"),
		RETIRED("catalog-entry-retired", HttpStatus.CONFLICT, "name"),
		COMPANY_ITSELF("catalog-company-itself", HttpStatus.CONFLICT, "effectiveDate"),
		KEY_TAKEN("catalog-key-taken", HttpStatus.CONFLICT, "key"),
		KEY_MALFORMED("catalog-key-malformed", HttpStatus.BAD_REQUEST, "key"),
		NO_DESCRIPTOR("catalog-no-descriptor", HttpStatus.BAD_REQUEST, "key"),
		UNKNOWN_COUNTRY("catalog-unknown-country", HttpStatus.BAD_REQUEST, "country"),
		AMENDED_MEANWHILE("catalog-amended-meanwhile", HttpStatus.CONFLICT, ""),
		COMPANY_STAFF_ONLY("catalog-company-staff-only", HttpStatus.FORBIDDEN, "");

		private final String slug;
		private final HttpStatus status;
		private final String field;

		Reason(String slug, HttpStatus status, String field) {
			this.slug = slug;
			this.status = status;
			this.field = field;
		}

		public String slug() {
			return slug;
		}

		/** The request field at fault, or empty when the refusal concerns the whole request. */
		public String field() {
			return field;
		}
	}

	private final Reason reason;

	AmendmentRefused(Reason reason, String message) {
		super(reason.slug, reason.status, message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return reason;
	}
}
