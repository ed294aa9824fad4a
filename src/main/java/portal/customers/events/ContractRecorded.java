package portal.customers.events;

import java.util.Optional;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * A relevant-service system reported a contract the portal did not know yet.
 *
 * @param customerId the Portal Customer it is linked to; null while it is linked to none
 */
public record ContractRecorded(String contractNo, UUID customerId, String relevantService,
		String contractingCompany, String state) implements Auditable {

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("contract.recorded", "contract", contractNo).forCustomer(customerId)
			.with("relevantService", relevantService)
			.with("contractingCompany", contractingCompany)
			.with("state", state);
	}
}
