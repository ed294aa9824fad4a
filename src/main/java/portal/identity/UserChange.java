package portal.identity;

import java.util.List;
import java.util.Set;

/**
 * A change to a user, all or nothing; a {@code null} part stays as it is: contact data,
 * roles, limits, and whether the user is disabled.
 */
public record UserChange(String name, String email, String phone, String thirdParty, Set<Role> roles,
		List<String> serviceScope, List<String> instanceScope, Boolean disabled) {

	boolean changesContact() {
		return name != null || email != null || phone != null || thirdParty != null;
	}

	static String or(String value, String current) {
		return value == null ? current : value;
	}

	static List<String> or(List<String> value, List<String> current) {
		return value == null ? current : value;
	}
}
