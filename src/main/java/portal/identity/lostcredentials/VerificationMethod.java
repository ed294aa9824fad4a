package portal.identity.lostcredentials;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the desk confirmed, outside the portal, that the person asking for access back is who
 * they say. {@link #OTHER} needs a note saying what was done.
 */
public enum VerificationMethod {

	CALL_BACK("call-back"), IN_PERSON("in-person"), KNOWN_ADDRESS("known-address"),
	OTHER_ADMINISTRATOR("other-administrator"), OTHER("other");

	private final String key;

	VerificationMethod(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	public static Optional<VerificationMethod> of(String key) {
		return Arrays.stream(values()).filter(method -> method.key.equals(key)).findFirst();
	}
}
