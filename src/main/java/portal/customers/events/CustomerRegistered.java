package portal.customers.events;

import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** A Portal Customer was registered and got its customer code. */
public record CustomerRegistered(UUID customerId, String code, String country) implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("customer.registered", "customer", code).forCustomer(customerId).with("country", country);
	}
}
