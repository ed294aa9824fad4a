package portal.customers.events;

import java.util.Optional;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * A relevant-service system reported a service instance the portal did not know yet.
 *
 * @param customerId the Portal Customer its contract is linked to; null while linked to none
 */
public record ServiceInstanceRecorded(String instanceId, String contractNo, UUID customerId, String relevantService,
		String kind, String state) implements Auditable {

	public Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("service-instance.recorded", "service-instance", instanceId).forCustomer(customerId)
			.with("contractNo", contractNo)
			.with("relevantService", relevantService)
			.with("kind", kind)
			.with("state", state);
	}
}
