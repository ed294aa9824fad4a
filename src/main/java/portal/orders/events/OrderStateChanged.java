package portal.orders.events;

import java.util.List;
import java.util.UUID;

import portal.audit.AuditRecord;
import portal.audit.Auditable;

/**
 * An order reached a new state; its first state ({@code acknowledged}) is reported too, with
 * an empty {@code from}.
 *
 * @param step the number of the timeline entry this change wrote, from 1
 * @param from the state it left, TMF641 code; empty when just submitted
 * @param to the state it reached
 * @param submitterAccount the submitter's account, or null when unknown
 * @param approverAccounts accounts that approve or approved it
 */
public record OrderStateChanged(UUID orderId, int step, UUID customerId, String relevantService, String contractingCompany,
		String from, String to, String actor, String note, String submittedBy, UUID submitterAccount,
		List<UUID> approverAccounts) implements Auditable {

	public OrderStateChanged {
		approverAccounts = List.copyOf(approverAccounts);
		note = note == null ? "" : note;
	}

	@Override
	public AuditRecord auditRecord() {
		return AuditRecord.of(from.isEmpty() ? "order.submitted" : "order." + to, "service-order", orderId.toString())
			.forCustomer(customerId)
			.with("relevantService", relevantService)
			.with("contractingCompany", contractingCompany)
			.with("from", from)
			.with("to", to)
			.with("note", note);
	}
}
