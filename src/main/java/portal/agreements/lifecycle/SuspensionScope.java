package portal.agreements.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** What a suspension covers: the whole portal, one feature, or one relevant service's pages and data. */
public enum SuspensionScope {

	WHOLE, FEATURE, SERVICE;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<SuspensionScope> of(String code) {
		return Arrays.stream(values()).filter(scope -> scope.code().equals(code)).findFirst();
	}
}
