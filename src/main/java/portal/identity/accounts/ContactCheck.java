package portal.identity.accounts;

import java.util.List;
import java.util.regex.Pattern;
import portal.identity.IdentityException;

/** The shape personal information must have: a name, an email address and a telephone number. */
public final class ContactCheck {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,24}$");

	private ContactCheck() {
	}

	public static void check(String name, String email, String phone) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw IdentityException.invalid("name", "Give the person's name (at most 100 characters).");
		}
		if (email == null || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
			throw IdentityException.invalid("email", "Give a valid email address.");
		}
		if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
			throw IdentityException.invalid("phone", "Give a telephone number of digits, spaces, +, - or brackets.");
		}
	}

	/** Trimmed, distinct, non-blank values; empty for none. */
	static List<String> cleaned(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
	}
}
