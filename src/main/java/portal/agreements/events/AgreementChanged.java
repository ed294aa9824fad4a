package portal.agreements.events;

import java.time.Instant;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * A step in a Portal Agreement's life: concluded, suspension announced or lifted,
 * termination scheduled, withdrawn, cancelled or executed at once.
 *
 * @param customerId the customer, or null for a change that concerns every customer
 * @param step what happened, e.g. {@code termination-scheduled}
 * @param effectiveAt when it takes or took effect
 */
public record AgreementChanged(UUID customerId, String step, String detail, Instant effectiveAt)
		implements Auditable {

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("agreement." + step, "agreement", customerId == null ? "all" : customerId)
			.forCustomer(customerId)
			.with("detail", detail)
			.with("effectiveAt", effectiveAt == null ? "" : effectiveAt.toString());
	}
}
