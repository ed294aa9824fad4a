package portal.notices;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One person a notice reaches: the inbox keeps it under the login ID (never reused), the
 * email goes to the address, in the person's language, its times in the person's zone.
 *
 * @param customerId the person's customer, or null for staff
 * @param email the address, or null when the person has none on record
 * @param zone the time zone the person chose, UTC when they chose none (a mail has no browser to ask)
 */
public record NoticeRecipient(UUID accountId, String loginId, UUID customerId, String email, Locale language,
		boolean staff, ZoneId zone) {

	public NoticeRecipient {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(loginId, "loginId");
		language = language == null ? Locale.ENGLISH : language;
		zone = zone == null ? ZoneId.of("UTC") : zone;
	}

	/** A person whose times are shown in UTC. */
	public NoticeRecipient(UUID accountId, String loginId, UUID customerId, String email, Locale language,
			boolean staff) {
		this(accountId, loginId, customerId, email, language, staff, null);
	}

	public Optional<String> address() {
		return Optional.ofNullable(email).filter(value -> value.contains("@"));
	}
}
