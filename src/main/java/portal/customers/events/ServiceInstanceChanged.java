package portal.customers.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * A relevant-service system reported changes to a known service instance.
 *
 * @param customerId the Portal Customer its contract is linked to; null while linked to none
 * @param state the instance's state after the change
 * @param changes the names of the fields that changed, as the system API spells them
 */
public record ServiceInstanceChanged(String instanceId, String contractNo, UUID customerId, String relevantService,
		String state, List<String> changes) implements Auditable {

	public ServiceInstanceChanged {
		changes = List.copyOf(changes);
	}

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("service-instance.changed", "service-instance", instanceId).forCustomer(customerId)
			.with("contractNo", contractNo)
			.with("relevantService", relevantService)
			.with("state", state)
			.with("changes", String.join(",", changes));
	}
}
