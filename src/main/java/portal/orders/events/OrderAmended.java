package portal.orders.events;

import java.util.List;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * The customer changed particulars of an order that had not started (its description, own
 * reference, contact or requested dates) or added notes to it; its state did not change.
 *
 * @param fields the names of the fields the change touched, as the request named them
 */
public record OrderAmended(UUID orderId, UUID customerId, String actor, List<String> fields) implements Auditable {

	public OrderAmended {
		fields = List.copyOf(fields);
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of("order.amended", "service-order", orderId.toString())
			.forCustomer(customerId)
			.with("fields", String.join(",", fields));
	}
}
