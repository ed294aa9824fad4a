package portal.agreements.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** Who or what set a termination in motion. */
public enum TerminationOrigin {

	CUSTOMER("customer"), COMPANY("company"), CONTRACTS_ENDED("contracts-ended");

	private final String code;

	TerminationOrigin(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<TerminationOrigin> of(String code) {
		return Arrays.stream(values()).filter(origin -> origin.code.equals(code)).findFirst();
	}
}
