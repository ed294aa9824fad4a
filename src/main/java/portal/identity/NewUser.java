package portal.identity;

import java.util.List;
import java.util.Set;

/**
 * What an administrator gives to register a user: the three items of personal
 * information, roles and optional limits, an optional third party the person works for,
 * and the confirmation that the person consented to the personal information terms of
 * the given version.
 */
public record NewUser(String name, String email, String phone, Set<Role> roles, List<String> serviceScope,
		List<String> instanceScope, String thirdParty, String language, boolean consentConfirmed,
		int consentTermsVersion) {
}
