package portal.platform.demo;

import java.util.List;

/**
 * A ready-made account of demo mode, written to {@code demo-accounts.json} so a newcomer
 * can sign in at once. Fields that do not apply are empty strings or an empty list.
 */
public record DemoAccount(String kind, String loginId, String password, String totpSecret, String apiKey,
		String customerCode, List<String> roles) {

	public DemoAccount {
		kind = orEmpty(kind);
		loginId = orEmpty(loginId);
		password = orEmpty(password);
		totpSecret = orEmpty(totpSecret);
		apiKey = orEmpty(apiKey);
		customerCode = orEmpty(customerCode);
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
