package portal.orders.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.customers.Customers;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Fulfilment by the contracting company of an order's instances: its staff (the Company's,
 * or an affiliate's) and its relevant-service systems see its queue and move orders on.
 * Completing an order changes its service instances through the customers module in the same
 * transaction, so the order is never completed without the change, nor the reverse.
 */
@Service
public class Fulfilment {

	/** The contracting company code of the Company itself; its staff see every customer. */
	public static final String THE_COMPANY = "COMPANY";

	private final ServiceOrders orders;

	private final Customers customers;

	private final OrderKinds kinds;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Fulfilment(ServiceOrders orders, Customers customers, OrderKinds kinds, Tenancy tenancy,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.customers = customers;
		this.kinds = kinds;
		this.tenancy = tenancy;
		this.events = events;
		this.clock = clock;
	}

	/** The queue of the staff member's contracting company. */
	@Transactional(readOnly = true)
	public OrderPage queue(OrderFilter filter, int offset, int limit) {
		return orders.search(filter.forCompany(staffCompany()), offset, limit);
	}

	@Transactional(readOnly = true)
	public Optional<ServiceOrder> order(UUID orderId) {
		String company = staffCompany();
		return orders.find(orderId).filter(o -> o.contractingCompany().equals(company));
	}

	/** A move by a staff member of the order's contracting company. */
	@Transactional
	public ServiceOrder move(UUID orderId, Move move, String note) {
		return move(orderId, move, note, staffCompany());
	}

	/** A move by a relevant-service system whose key is bound to the order's contracting company. */
	@Transactional
	public ServiceOrder moveAsSystem(UUID orderId, Move move, String note, String keyCompany) {
		return move(orderId, move, note, keyCompany);
	}

	private ServiceOrder move(UUID orderId, Move move, String note, String company) {
		ServiceOrder order = orders.lock(orderId).filter(o -> o.contractingCompany().equals(company))
			.orElseThrow(() -> OrderRefusal.notFound("The order"));
		String actor = tenancy.actor().id();
		Instant now = clock.instant();
		switch (move) {
			case START -> order.start(actor, note, now);
			case REJECT -> order.reject(actor, note, now);
			case HOLD -> order.hold(actor, note, now);
			case RESUME -> order.resume(actor, note, now);
			case COMPLETE -> {
				order.complete(actor, note, now);
				apply(order);
			}
			case COMPLETE_PARTLY -> order.completePartly(actor, note, now);
			case FAIL -> order.fail(actor, note, now);
			case ACCEPT_CANCELLATION -> order.acceptCancellation(actor, note, now);
			case DECLINE_CANCELLATION -> order.declineCancellation(actor, note, now);
			case CONFIRM_CANCELLATION -> order.confirmCancellation(actor, note, now);
		}
		orders.update(order);
		order.takeEvents().forEach(events::publishEvent);
		return order;
	}

	// The attributes the order type changes take its values; a delete terminates the instance. The kind is
	// looked up again rather than trusting the item's stored action, so that orders stored before a
	// descriptor said what its type changes never write more than it says now.
	private void apply(ServiceOrder order) {
		for (OrderItem item : order.items()) {
			switch (item.action()) {
				case MODIFY -> {
					List<String> changed = kinds.find(order.relevantService(), item.orderType())
						.map(OrderKind::changes).orElse(List.of());
					Map<String, Object> changes = new HashMap<>();
					item.parameters().forEach((key, value) -> {
						if (changed.contains(key) && value != null && !value.toString().isBlank()) {
							changes.put(key, value);
						}
					});
					if (!changes.isEmpty()) {
						customers.applyOrder(item.instanceId(), changes, false);
					}
				}
				case DELETE -> customers.applyOrder(item.instanceId(), Map.of(), true);
				case ADD, NO_CHANGE -> {
					// An added instance is reported by the relevant-service system when it exists.
				}
			}
		}
	}

	private String staffCompany() {
		TenantScope scope = tenancy.scope();
		if (scope.kind() == TenantScope.Kind.COMPANY) {
			return scope.companyCode().orElseThrow();
		}
		if (scope.seesEveryCustomer()) {
			return THE_COMPANY;
		}
		throw new org.springframework.security.access.AccessDeniedException("Only staff fulfil orders");
	}
}
