package portal.customers.inventory;

import java.util.Arrays;
import java.util.Optional;

/** Whether a relevant-service contract is in force; an ended contract does not come back. */
public enum ContractState {

	ACTIVE("active"), ENDED("ended");

	private final String code;

	ContractState(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ContractState> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}
}
