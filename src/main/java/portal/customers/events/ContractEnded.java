package portal.customers.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A contract went from active to ended. Published beside {@link ContractChanged}, which is
 * what the trail records; this one is for modules that act on endings, such as scheduling
 * a Portal Agreement's termination once all of a customer's contracts have ended (R-9.3,
 * see {@code Customers.allContractsEnded}).
 *
 * @param customerId the Portal Customer it is linked to; null while it is linked to none
 */
public record ContractEnded(String contractNo, UUID customerId, String relevantService, String contractingCompany,
		LocalDate endDate) {

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}
}
