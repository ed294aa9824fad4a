package portal.orders.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import portal.orders.ordering.OrderItem;
import portal.orders.ordering.OrderNote;
import portal.orders.ordering.ServiceOrder;
import portal.orders.ordering.TimelineEntry;

/**
 * An order as the JSON API shows it, with its items and timeline, and the particulars the
 * customer may amend (own reference, contact, requested dates, notes; null or empty when not given).
 */
record OrderResource(UUID id, String state, String relevantService, String contractingCompany, String description,
		boolean approvalRequired, String submittedBy, String approvedBy, Instant orderDate, Instant updatedAt,
		Instant completionDate, String externalId, String notificationContact, Instant requestedStartDate,
		Instant requestedCompletionDate, List<OrderNote> notes, List<Item> items, List<Step> timeline) {

	record Item(String id, String action, String orderType, String instanceId, String contractNo,
			Map<String, Object> parameters) {

		static Item of(OrderItem item) {
			return new Item(item.id(), item.action().code(), item.orderType(), item.instanceId().isEmpty() ? null
					: item.instanceId(), item.contractNo(), item.parameters());
		}
	}

	record Step(Instant at, String state, String actor, String note) {

		static Step of(TimelineEntry entry) {
			return new Step(entry.at(), entry.state().code(), entry.actor(), entry.note().isEmpty() ? null : entry.note());
		}
	}

	static OrderResource of(ServiceOrder order) {
		return new OrderResource(order.id(), order.state().code(), order.relevantService(), order.contractingCompany(),
				order.description(), order.approvalRequired(), order.submittedBy(), order.approvedBy().orElse(null),
				order.orderDate(), order.updatedAt(), order.completionDate().orElse(null),
				order.externalId().orElse(null), order.notificationContact().orElse(null),
				order.requestedStartDate().orElse(null), order.requestedCompletionDate().orElse(null), order.notes(),
				order.items().stream().map(Item::of).toList(), order.timeline().stream().map(Step::of).toList());
	}
}
