package portal.customers.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * A relevant-service system reported changes to a known contract.
 *
 * @param customerId the Portal Customer it is linked to; null while it is linked to none
 * @param changes the names of the fields that changed, as the system API spells them
 */
public record ContractChanged(String contractNo, UUID customerId, String relevantService,
		String contractingCompany, List<String> changes) implements Auditable {

	public ContractChanged {
		changes = List.copyOf(changes);
	}

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("contract.changed", "contract", contractNo).forCustomer(customerId)
			.with("relevantService", relevantService)
			.with("contractingCompany", contractingCompany)
			.with("changes", String.join(",", changes));
	}
}
