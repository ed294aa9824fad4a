package portal.orders.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.InvalidValue;
import portal.customers.ContractSummary;
import portal.customers.Customers;
import portal.customers.ServiceInstanceSummary;
import portal.platform.ActorKind;
import portal.platform.Availability;
import portal.platform.PortalFeature;
import portal.platform.ServiceLimit;
import portal.platform.Tenancy;

/**
 * The customer's side of orders: submitting them, checked field by field against the
 * descriptor's order types and within the user's limit, idempotently; cancelling
 * them; reading the customer's own history.
 */
@Service
public class Ordering {

	public static final int MAX_IDEMPOTENCY_KEY = 200;

	static final int EXPORT_BATCH = 500;

	private final ServiceOrders orders;

	private final OrderKinds kinds;

	private final Customers customers;

	private final ApprovalPolicies policies;

	private final OrderPeople people;

	private final Tenancy tenancy;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Availability availability;

	Ordering(ServiceOrders orders, OrderKinds kinds, Customers customers, ApprovalPolicies policies, OrderPeople people,
			Tenancy tenancy, MessageSource messages, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<Availability> availability) {
		this.availability = availability.getIfAvailable(() -> Availability.ALWAYS);
		this.orders = orders;
		this.kinds = kinds;
		this.customers = customers;
		this.policies = policies;
		this.people = people;
		this.tenancy = tenancy;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Submits an order. With an idempotency key, a repeat of the same request answers the order
	 * the first one created, and a different request with the same key is refused (409).
	 *
	 * @throws InvalidOrder when values break the order type's rules; nothing is written then
	 * @throws OrderRefusal when an instance is not the user's to order on, or other rules refuse
	 */
	@Transactional
	public Submitted submit(NewOrder request, Optional<String> idempotencyKey) {
		UUID customer = customer();
		String submitter = submitter();
		String key = idempotencyKey.map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
		if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
			throw OrderRefusal.invalid("Idempotency-Key", "Use at most " + MAX_IDEMPOTENCY_KEY + " characters.");
		}
		String hash = hash(request.canonical());
		if (key != null) {
			Optional<Submitted> earlier = earlier(customer, submitter, key, hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Resolved resolved = resolve(customer, request);
		boolean approval = request.items().stream().anyMatch(i -> policies.of(customer)
			.requires(resolved.relevantService(), i.orderType()));
		ServiceOrder order = ServiceOrder.submit(customer, resolved.relevantService(), resolved.contractingCompany(),
				request.description(), resolved.items(), approval, submitter,
				people.account(customer, submitter).orElse(null),
				approval ? people.approvers(customer, submitter) : List.of(), clock.instant());
		if (!orders.insert(order, key, hash)) {
			// Another request with the same key committed first: answer as a repeat of it.
			return earlier(customer, submitter, key, hash).orElseThrow();
		}
		order.takeEvents().forEach(events::publishEvent);
		return new Submitted(order, true);
	}

	/** The customer asks to cancel one of its orders. */
	@Transactional
	public ServiceOrder cancel(UUID orderId, String note) {
		ServiceOrder order = orders.lock(orderId).filter(this::visible)
			.orElseThrow(() -> OrderRefusal.notFound("The order"));
		order.requestCancellation(tenancy.actor().id(), note, clock.instant());
		orders.update(order);
		order.takeEvents().forEach(events::publishEvent);
		return order;
	}

	/**
	 * The customer amends an order its contracting company has not started, with a merge patch
	 * (RFC 7396) of the particulars TMF641 lets a requester change.
	 *
	 * @throws OrderRefusal naming the field that cannot change or has a bad value (400), or
	 *         when the order has started or ended (409); nothing is written then
	 */
	@Transactional
	public ServiceOrder amend(UUID orderId, Map<String, ?> patch) {
		OrderPatch checked = OrderPatch.of(patch);
		ServiceOrder order = orders.lock(orderId).filter(this::visible)
			.orElseThrow(() -> OrderRefusal.notFound("The order"));
		if (order.amend(checked, tenancy.actor().id(), clock.instant())) {
			orders.update(order);
			order.takeEvents().forEach(events::publishEvent);
		}
		return order;
	}

	@Transactional(readOnly = true)
	public Optional<ServiceOrder> order(UUID orderId) {
		return orders.find(orderId).filter(this::visible);
	}

	/**
	 * Why the customer's users may not act on the order now: ordering suspended for their company
	 * or for the order's relevant service. Empty when they may, and always for staff.
	 * The routes that act are refused at the one enforcement point; this tells a page not to offer them.
	 */
	public Optional<Availability.Unavailable> actionsUnavailable(ServiceOrder order) {
		return tenancy.scope().customerId()
			.flatMap(customer -> availability.check(customer, PortalFeature.ORDERING, order.relevantService()));
	}

	@Transactional(readOnly = true)
	public OrderPage history(OrderFilter filter, int offset, int limit) {
		return orders.search(filter.forCustomer(customer(), tenancy.limit()), offset, limit);
	}

	/**
	 * Every order of the customer's history the filter selects, newest first, handed over a
	 * batch at a time so that an export of any size holds one batch in memory; one snapshot
	 * throughout, so an order submitted meanwhile neither shifts a row twice nor drops one.
	 *
	 * @return how many orders were handed over
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public long export(OrderFilter filter, Consumer<ServiceOrder> each) {
		OrderFilter scoped = filter.forCustomer(customer(), tenancy.limit());
		long count = 0;
		while (true) {
			OrderPage batch = orders.search(scoped, (int) count, EXPORT_BATCH);
			batch.orders().forEach(each);
			count += batch.orders().size();
			if (batch.orders().size() < EXPORT_BATCH) {
				return count;
			}
		}
	}

	/**
	 * The contract an add on the relevant service goes under, for callers that name the
	 * service rather than the contract (the TMF641 facade): the one named, if it is an active
	 * contract of that service the user may order on, or else the only such contract.
	 *
	 * @param path the request path of the item, to name the offending field
	 * @throws OrderRefusal naming the field when there is no such contract or no single one
	 */
	@Transactional(readOnly = true)
	public String contractForAdd(String relevantService, String contractNo, String path) {
		List<ContractSummary> candidates = customers.contractsOf(customer()).stream()
			.filter(c -> c.relevantService().equals(relevantService) && c.active() && allowed(relevantService, ""))
			.toList();
		if (!contractNo.isEmpty()) {
			return candidates.stream().map(ContractSummary::contractNo).filter(contractNo::equals).findFirst()
				.orElseThrow(() -> OrderRefusal.invalid(path + ".agreement.id", "There is no active contract "
						+ contractNo + " of " + relevantService + " you may order on."));
		}
		if (candidates.size() == 1) {
			return candidates.get(0).contractNo();
		}
		if (candidates.isEmpty()) {
			throw OrderRefusal.invalid(path + ".service.serviceSpecification.id",
					"There is no active contract of " + relevantService + " you may add a service instance to.");
		}
		throw OrderRefusal.invalid(path + ".agreement.id", "Name the contract as agreement.id: one of "
				+ String.join(", ", candidates.stream().map(ContractSummary::contractNo).toList()) + ".");
	}

	/** The order types one of the customer's instances takes, with the instance as the user may see it. */
	@Transactional(readOnly = true)
	public Optional<ServiceInstanceSummary> instance(String instanceId) {
		return customers.instance(customer(), instanceId);
	}

	// An order on a suspended relevant service is answered with the suspension, not as unknown.
	private boolean visible(ServiceOrder order) {
		if (!order.customerId().equals(customer())) {
			return false;
		}
		ServiceLimit limit = tenancy.limit();
		ServiceLimit users = limit.withoutWithheld();
		boolean within = order.items().stream().allMatch(i -> allowed(users, order.relevantService(), i.instanceId()));
		if (within) {
			limit.requireNotWithheld(order.relevantService());
		}
		return within;
	}

	// An add names no instance yet: only a user not limited to some instances may see or order it.
	private boolean allowed(String relevantService, String instanceId) {
		return allowed(tenancy.limit(), relevantService, instanceId);
	}

	private static boolean allowed(ServiceLimit limit, String relevantService, String instanceId) {
		if (instanceId.isEmpty()) {
			return !limit.limitsInstances() && limit.allowsService(relevantService);
		}
		return limit.allows(relevantService, instanceId);
	}

	private Optional<Submitted> earlier(UUID customer, String submitter, String key, String hash) {
		return orders.byIdempotencyKey(customer, submitter, key).map(found -> {
			if (!found.getValue().equals(hash)) {
				throw OrderRefusal.conflict("Idempotency-Key",
						"This key was used for a different request; use a new key for a new order.")
					.explained("idempotency-conflict");
			}
			return new Submitted(found.getKey(), false);
		});
	}

	private record Resolved(String relevantService, String contractingCompany, List<OrderItem> items) {
	}

	private Resolved resolve(UUID customer, NewOrder request) {
		if (request.items().isEmpty()) {
			throw OrderRefusal.invalid("items", "An order needs at least one item.");
		}
		if (request.description().length() > 2000) {
			throw OrderRefusal.invalid("description", "Use at most 2000 characters.").explained("too-long", 2000);
		}
		Map<String, String> invalid = new LinkedHashMap<>();
		List<OrderItem> items = new ArrayList<>();
		String service = null;
		String company = null;
		for (int i = 0; i < request.items().size(); i++) {
			NewOrder.Item item = request.items().get(i);
			String path = "items[" + i + "]";
			Target target = target(customer, item, path);
			if (service != null && (!service.equals(target.service()) || !company.equals(target.company()))) {
				throw OrderRefusal.invalid(path, "All items of an order are on one relevant service and contracting "
						+ "company; submit separate orders.");
			}
			service = target.service();
			company = target.company();
			OrderKind kind = kinds.find(service, item.orderType())
				.orElseThrow(() -> OrderRefusal.invalid(path + ".orderType", "Use one of "
						+ String.join(", ", kinds.of(target.service()).stream().map(OrderKind::key).toList()) + "."));
			if (kind.onContract() != item.instanceId().isEmpty()) {
				throw OrderRefusal.invalid(path + (kind.onContract() ? ".contractNo" : ".instanceId"),
						kind.onContract() ? "An add names the contract it goes under, not an instance."
								: "Name the service instance the order is on.");
			}
			for (InvalidValue value : kind.validate(item.parameters())) {
				invalid.put(path + ".parameters." + value.field(), english(value));
			}
			items.add(new OrderItem(String.valueOf(i + 1), kind.action(), kind.key(), item.instanceId(),
					target.contractNo(), item.parameters()));
		}
		if (!invalid.isEmpty()) {
			throw new InvalidOrder(invalid);
		}
		return new Resolved(service, company, items);
	}

	private record Target(String service, String company, String contractNo) {
	}

	private Target target(UUID customer, NewOrder.Item item, String path) {
		if (!item.instanceId().isEmpty()) {
			ServiceInstanceSummary instance = customers.instance(customer, item.instanceId())
				.orElseThrow(() -> OrderRefusal.invalid(path + ".instanceId",
						"There is no service instance " + item.instanceId() + " you may order on.")
					.explained("no-such-instance", item.instanceId()));
			if (!instance.live()) {
				throw OrderRefusal.conflict(path + ".instanceId", "The service instance has been terminated.")
					.explained("terminated");
			}
			return new Target(instance.relevantService(), instance.contractingCompany(), instance.contractNo());
		}
		if (item.contractNo().isEmpty()) {
			throw OrderRefusal.invalid(path + ".instanceId", "Name the service instance the order is on.");
		}
		ContractSummary contract = customers.contractsOf(customer).stream()
			.filter(c -> c.contractNo().equals(item.contractNo()) && c.active())
			.filter(c -> allowed(c.relevantService(), ""))
			.findFirst()
			.orElseThrow(() -> OrderRefusal.invalid(path + ".contractNo",
					"There is no active contract " + item.contractNo() + " you may order on."));
		return new Target(contract.relevantService(), contract.contractingCompany(), contract.contractNo());
	}

	private String english(InvalidValue value) {
		return messages.getMessage(value.messageKey(), value.arguments().toArray(), value.messageKey(),
				Locale.ENGLISH);
	}

	private UUID customer() {
		return tenancy.scope().customerId()
			.orElseThrow(() -> new AccessDeniedException("Only a customer's users order"));
	}

	private String submitter() {
		if (tenancy.actor().kind() != ActorKind.USER) {
			throw new AccessDeniedException("Only a customer's users order");
		}
		return tenancy.actor().id();
	}

	static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
