package portal.customers.inventory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A contract as lists and the API show it.
 *
 * @param customerCode the linked Portal Customer's code; empty while linked to none
 * @param endDate null while the contract has no end date
 * @param instances how many service instances it has, terminated ones included
 */
public record ContractRow(String contractNo, String relevantService, String contractingCompany,
		CustomerOfRecord customerOfRecord, String customerCode, LocalDate startDate, LocalDate endDate, String state,
		long instances) {

	public Optional<LocalDate> end() {
		return Optional.ofNullable(endDate);
	}

	public boolean active() {
		return ContractState.ACTIVE.code().equals(state);
	}
}
