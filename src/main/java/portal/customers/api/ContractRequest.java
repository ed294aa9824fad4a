package portal.customers.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import portal.customers.inventory.ContractState;
import portal.customers.inventory.ContractTerms;
import portal.customers.inventory.InventoryRefusal;

/** A contract as a relevant-service system reports it; the number is in the path. */
record ContractRequest(
		@Schema(description = "Key of the relevant service, as in the catalog", example = "arcstar-universal-one")
		@NotBlank @Size(max = 64) String relevantService,
		@Schema(description = "Code of the contracting company; must be the key's company", example = "COMPANY")
		@NotBlank @Size(max = 32) String contractingCompany,
		@NotNull @Valid CustomerOfRecordBody customerOfRecord,
		@Schema(description = "Code of the Portal Customer to link the contract to; once linked, leaving it out "
				+ "keeps the link", example = "C-0001")
		@Size(max = 16) String customerCode,
		@NotNull LocalDate startDate,
		@Schema(description = "Required once the contract has ended") LocalDate endDate,
		@Schema(allowableValues = { "active", "ended" }) @NotBlank String state) {

	ContractTerms toTerms(String contractNo) {
		ContractState contractState = ContractState.of(state)
			.orElseThrow(() -> InventoryRefusal.invalid("state", "Use active or ended."));
		return new ContractTerms(contractNo, relevantService, contractingCompany, customerOfRecord.toDomain(),
				customerCode, startDate, endDate, contractState);
	}
}
