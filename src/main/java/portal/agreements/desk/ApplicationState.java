package portal.agreements.desk;

import java.util.Arrays;
import java.util.Optional;

/** Where an application stands: received (undecided), accepted or rejected; decisions are final. */
public enum ApplicationState {

	RECEIVED, ACCEPTED, REJECTED;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<ApplicationState> of(String code) {
		return Arrays.stream(values()).filter(state -> state.code().equals(code)).findFirst();
	}
}
