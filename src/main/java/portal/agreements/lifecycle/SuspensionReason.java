package portal.agreements.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** The grounds of a suspension: Art. 11.1 (1)–(6) or, for a breach, Art. 12.1 (1)–(4). */
public enum SuspensionReason {

	MAINTENANCE("art-11.1-1", false), CUSTOMER_SIDE("art-11.1-2", false), THIRD_PARTY("art-11.1-3", false),
	FORCE_MAJEURE("art-11.1-4", false), UNAUTHORIZED_ACCESS("art-11.1-5", false), REASONABLE_GROUNDS("art-11.1-6", false),
	UNTRUE_DOCUMENTS("art-12.1-1", true), UNTRUE_CHANGES("art-12.1-2", true), PROHIBITED_ACTS("art-12.1-3", true),
	HINDERING_BREACH("art-12.1-4", true);

	private final String code;

	private final boolean breach;

	SuspensionReason(String code, boolean breach) {
		this.code = code;
		this.breach = breach;
	}

	public String code() {
		return code;
	}

	/** Whether it is one of the breaches of Art. 12.1. */
	public boolean breach() {
		return breach;
	}

	public static Optional<SuspensionReason> of(String code) {
		return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
	}
}
