package portal.orders.ordering;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;

/**
 * The customer's own approval of orders before they reach the contracting company: the
 * policy its administrators set, and their approval or refusal of a waiting order, with a
 * note. The submitter never approves their own order.
 */
@Service
public class Approvals {

	private final ServiceOrders orders;

	private final ApprovalPolicies policies;

	private final OrderPeople people;

	private final OrderKinds kinds;

	private final AuditTrail audit;

	private final portal.customers.Customers customers;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Approvals(ServiceOrders orders, ApprovalPolicies policies, OrderPeople people, OrderKinds kinds, AuditTrail audit,
			portal.customers.Customers customers, Tenancy tenancy, ApplicationEventPublisher events, Clock clock) {
		this.customers = customers;
		this.orders = orders;
		this.policies = policies;
		this.people = people;
		this.kinds = kinds;
		this.audit = audit;
		this.tenancy = tenancy;
		this.events = events;
		this.clock = clock;
	}

	/** The order types of each relevant service the customer holds, for choosing which wait for approval. */
	@Transactional(readOnly = true)
	public java.util.Map<String, List<OrderKind>> orderTypesHeld() {
		java.util.Map<String, List<OrderKind>> held = new java.util.TreeMap<>();
		customers.contractsOf(customer()).forEach(c -> held.putIfAbsent(c.relevantService(),
				kinds.of(c.relevantService())));
		return held;
	}

	@Transactional(readOnly = true)
	public ApprovalPolicy policy() {
		return policies.of(customer());
	}

	/** Replaces the customer's policy; order types are named {@code <relevant service>:<order type>}. */
	@Transactional
	public ApprovalPolicy setPolicy(ApprovalPolicy policy) {
		for (String type : policy.orderTypes()) {
			String[] parts = type.split(":", 2);
			if (parts.length != 2 || kinds.find(parts[0], parts[1]).isEmpty()) {
				throw OrderRefusal.invalid("orderTypes", "Unknown order type " + type
						+ "; name it as <relevant service>:<order type>.");
			}
		}
		for (String service : policy.relevantServices()) {
			if (kinds.of(service).isEmpty()) {
				throw OrderRefusal.invalid("relevantServices", "Unknown relevant service " + service + ".");
			}
		}
		UUID customer = customer();
		policies.save(customer, policy, tenancy.actor().id(), clock.instant());
		audit.record(AuditRecord.of("order.approval-policy.changed", "approval-policy", customer.toString())
			.forCustomer(customer)
			.with("allOrders", policy.allOrders())
			.with("orderTypes", String.join(",", policy.orderTypes().stream().sorted().toList()))
			.with("relevantServices", String.join(",", policy.relevantServices().stream().sorted().toList())));
		return policy;
	}

	@Transactional
	public ServiceOrder approve(UUID orderId, String note) {
		return decide(orderId, note, true);
	}

	@Transactional
	public ServiceOrder refuse(UUID orderId, String note) {
		return decide(orderId, note, false);
	}

	/** Orders of the customer waiting for approval. */
	@Transactional(readOnly = true)
	public List<ServiceOrder> waiting() {
		return orders.search(new OrderFilter(customer(), null, Set.of(OrderState.PENDING_APPROVAL), null, null, null,
				null, null, null), 0, 200).orders();
	}

	private ServiceOrder decide(UUID orderId, String note, boolean approve) {
		UUID customer = customer();
		ServiceOrder order = orders.lock(orderId).filter(o -> o.customerId().equals(customer))
			.orElseThrow(() -> OrderRefusal.notFound("The order"));
		String approver = tenancy.actor().id();
		UUID account = people.account(customer, approver).orElse(null);
		if (approve) {
			order.approve(approver, account, note, clock.instant());
		}
		else {
			order.refuse(approver, account, note, clock.instant());
		}
		orders.update(order);
		order.takeEvents().forEach(events::publishEvent);
		return order;
	}

	private UUID customer() {
		return tenancy.scope().customerId()
			.orElseThrow(() -> new AccessDeniedException("Only a customer's administrators approve its orders"));
	}
}
