package portal.customers.api;

import java.time.LocalDate;

import portal.customers.inventory.ContractRow;

/**
 * A relevant-service contract over JSON.
 *
 * @param customerCode absent while the contract is linked to no Portal Customer
 * @param endDate absent while the contract has no end date
 */
record ContractResource(String contractNo, String relevantService, String contractingCompany,
		CustomerOfRecordBody customerOfRecord, String customerCode, LocalDate startDate, LocalDate endDate,
		String state) {

	static ContractResource of(ContractRow row) {
		return new ContractResource(row.contractNo(), row.relevantService(), row.contractingCompany(),
				CustomerOfRecordBody.of(row.customerOfRecord()),
				row.customerCode().isEmpty() ? null : row.customerCode(), row.startDate(), row.endDate(), row.state());
	}
}
