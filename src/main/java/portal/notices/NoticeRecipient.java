package portal.notices;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One person a notice reaches: the inbox keeps it under the login ID (never reused), the
 * email goes to the address, in the person's language.
 *
 * @param customerId the person's customer, or null for staff
 * @param email the address, or null when the person has none on record
 */
public record NoticeRecipient(UUID accountId, String loginId, UUID customerId, String email, Locale language,
		boolean staff) {

	public NoticeRecipient {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(loginId, "loginId");
		language = language == null ? Locale.ENGLISH : language;
	}

	public Optional<String> address() {
		return Optional.ofNullable(email).filter(value -> value.contains("@"));
	}
}
