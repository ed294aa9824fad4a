package portal.customers;

import java.time.LocalDate;

/**
 * A relevant-service contract as other modules see it.
 *
 * @param customerOfRecord the legal name of the company the contract is made with
 * @param active whether it is still in force
 */
public record ContractSummary(String contractNo, String relevantService, String contractingCompany,
		String customerOfRecord, LocalDate startDate, boolean active) {
}
