package portal.identity.accounts;

/**
 * Issues login IDs: {@code CP} for portal users or {@code ST} for staff, seven
 * digits from a sequence that never repeats, and a Luhn check digit that catches a
 * mistyped digit, e.g. {@code CP1000012}. Users never choose their login ID.
 */
public final class LoginIds {

	private LoginIds() {
	}

	public static String issue(boolean staff, long number) {
		String digits = String.format("%07d", number);
		return (staff ? "ST" : "CP") + digits + luhn(digits);
	}

	public static boolean isWellFormed(String loginId) {
		if (loginId == null || !loginId.matches("(CP|ST)\\d{8}")) {
			return false;
		}
		String digits = loginId.substring(2, 9);
		return loginId.charAt(9) - '0' == luhn(digits);
	}

	private static int luhn(String digits) {
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}
}
