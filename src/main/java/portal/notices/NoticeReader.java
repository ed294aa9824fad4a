package portal.notices;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person reading their inbox, as far as audiences need to know them: a notice is in the
 * inbox when its audience includes the person now, whenever it was published.
 *
 * @param customerId the person's customer, or null for staff
 * @param roles the person's role names and keys, lower case (e.g. {@code customer_administrator}, {@code administrator})
 * @param relevantServices the relevant services whose notices reach the person: those their customer
 *     holds, within the person's service limit
 */
public record NoticeReader(UUID accountId, String loginId, UUID customerId, boolean staff, Set<String> roles,
		Set<String> relevantServices) {

	public NoticeReader {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(loginId, "loginId");
		roles = Set.copyOf(roles);
		relevantServices = Set.copyOf(relevantServices);
	}
}
