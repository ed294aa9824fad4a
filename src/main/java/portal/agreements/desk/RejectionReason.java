package portal.agreements.desk;

import java.util.Arrays;
import java.util.Optional;

/** The reasons of Art. 5 (1)–(5) for not accepting an application; the code is what the API speaks. */
public enum RejectionReason {

	/** The applicant is not the customer of record of the relevant services. */
	NOT_CUSTOMER_OF_RECORD("art-5-1"),
	/** Accepting it would meet considerable technical obstacles. */
	TECHNICAL_OBSTACLES("art-5-2"),
	/** The application contains false information. */
	FALSE_INFORMATION("art-5-3"),
	/** A risk that the applicant would breach the prohibited acts. */
	RISK_OF_PROHIBITED_ACTS("art-5-4"),
	/** Considerable operational obstacles to provide the service. */
	OPERATIONAL_OBSTACLES("art-5-5");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<RejectionReason> of(String code) {
		return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
	}
}
