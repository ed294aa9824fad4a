package portal.agreements.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why and how a suspension comes: planned (announced at least the notice period ahead),
 * emergency (may start at once, notified when it starts), breach (reason, start and period
 * notified; carries a cure deadline), or withdrawal of a part for everyone.
 */
public enum SuspensionKind {

	PLANNED, EMERGENCY, BREACH, WITHDRAWAL;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<SuspensionKind> of(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
	}
}
