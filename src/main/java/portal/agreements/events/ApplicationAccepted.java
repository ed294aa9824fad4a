package portal.agreements.events;

import java.util.List;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/** The desk accepted an application: the customer has a Portal Agreement and a first administrator. */
public record ApplicationAccepted(long receiptNo, UUID customerId, String customerCode, String administratorLoginId,
		List<String> linkedContracts) implements Auditable {

	public ApplicationAccepted {
		linkedContracts = List.copyOf(linkedContracts);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("application.accepted", "application", receiptNo).forCustomer(customerId)
			.with("customerCode", customerCode)
			.with("administrator", administratorLoginId)
			.with("linkedContracts", linkedContracts);
	}
}
