package portal.customers.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The life of a service instance in the TM Forum TMF638 vocabulary. Terminated is final;
 * every other state is live and keeps its contract from ending.
 */
public enum InstanceState {

	FEASIBILITY_CHECKED("feasibilityChecked"), DESIGNED("designed"), RESERVED("reserved"), INACTIVE("inactive"),
	ACTIVE("active"), TERMINATED("terminated");

	private final String code;

	InstanceState(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public boolean live() {
		return this != TERMINATED;
	}

	public static Optional<InstanceState> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(InstanceState::code).toList();
	}
}
