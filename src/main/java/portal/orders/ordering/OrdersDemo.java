package portal.orders.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.ServiceInstanceSummary;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * Demo orders of both demo customers across several relevant services, one or more in every
 * state of the lifecycle, submitted by their demo orderers and moved on by the contracting
 * companies, with a customer whose bandwidth changes wait for approval.
 */
@Component
@Conditional(DemoModeEnabled.class)
class OrdersDemo implements DemoSeeder {

	private static final BiConsumer<ServiceOrder, Instant> START = (o, at) -> o.start("ST-DEMO-FULFILMENT", "", at);

	private final ServiceOrders orders;

	private final OrderKinds kinds;

	private final ApprovalPolicies policies;

	private final Customers customers;

	private final UserAdministration users;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrdersDemo(ServiceOrders orders, OrderKinds kinds, ApprovalPolicies policies, Customers customers,
			UserAdministration users, Tenancy tenancy, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.kinds = kinds;
		this.policies = policies;
		this.customers = customers;
		this.users = users;
		this.tenancy = tenancy;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "orders";
	}

	@Override
	public int order() {
		return 400;
	}

	private record Demo(String customer, String instance, String type, Map<String, Object> values,
			List<BiConsumer<ServiceOrder, Instant>> moves) {
	}

	@Override
	public void seed(DemoAccounts accounts) {
		BiConsumer<ServiceOrder, Instant> start = START;
		BiConsumer<ServiceOrder, Instant> cancel = (o, at) -> o.requestCancellation(o.submittedBy(),
				"The project was postponed.", at);
		String uno = "J-UNO-2019-00418-C";
		String sg = "SG-UNO-2020-0388-C";
		Map<String, Object> fault = Map.of("symptom", "slow", "occurredOn", "2026-11-20",
				"details", "Throughput drops in the afternoon.");
		List<Demo> demos = List.of(
				new Demo("C-0001", uno + "3", "change-bandwidth", Map.of("bandwidthMbps", "500", "effectiveDate",
						"2026-11-25"), List.of(start, (o, at) -> o.complete("ST-DEMO-FULFILMENT", "Upgraded.", at))),
				new Demo("C-0001", uno + "2", "report-fault", fault, List.of(start)),
				new Demo("C-0001", uno + "4", "change-bandwidth", Map.of("bandwidthMbps", "1000", "effectiveDate",
						"2027-01-15"), List.of()),
				new Demo("C-0001", "J-MSS-2021-00077-D2", OrderKinds.DELETE, Map.of(), List.of(start,
						(o, at) -> o.hold("ST-DEMO-FULFILMENT", "Waiting for the customer's maintenance window.", at))),
				new Demo("C-0001", "J-PBX-2022-01130-T1", OrderKinds.MODIFY, Map.of("extensionLimit", 900), List.of()),
				new Demo("C-0001", "J-OCN-2018-20931-A2", OrderKinds.DELETE, Map.of(), List.of(
						(o, at) -> o.reject("ST-DEMO-FULFILMENT", "The line still carries the plant's VPN backup.", at))),
				new Demo("C-0001", uno + "5", "report-fault", fault, List.of(start, cancel,
						(o, at) -> o.acceptCancellation("ST-DEMO-FULFILMENT", "", at),
						(o, at) -> o.confirmCancellation("ST-DEMO-FULFILMENT", "", at))),
				new Demo("C-0001", uno + "6", "report-fault", fault, List.of(cancel)),
				new Demo("C-0002", sg + "1", "change-bandwidth", Map.of("bandwidthMbps", "2000", "effectiveDate",
						"2026-11-10"), List.of(start, (o, at) -> o.fail("ST-DEMO-SG", "No capacity at the hub.", at))),
				new Demo("C-0002", "SG-NXC-2020-0142-R1", OrderKinds.DELETE, Map.of(), List.of(start,
						(o, at) -> o.completePartly("ST-DEMO-SG", "Power removed; cabling stays until January.", at))),
				new Demo("C-0002", "SG-ACC-2023-0019-T1", OrderKinds.MODIFY, Map.of("seats", 50), List.of(start, cancel,
						(o, at) -> o.acceptCancellation("ST-DEMO-SG", "", at))),
				new Demo("C-0002", "J-API-2024-00052-P1", OrderKinds.MODIFY, Map.of("rateLimitPerSecond", 80),
						List.of(start, (o, at) -> o.complete("ST-DEMO-API", "", at))),
				new Demo("C-0002", sg + "2", "report-fault", fault, List.of()));
		Optional<CustomerSummary> sakura = customers.byCode("C-0001");
		sakura.ifPresent(c -> policies.save(c.id(), new ApprovalPolicy(false,
				Set.of("arcstar-universal-one:change-bandwidth"), Set.of()), "demo-seed", clock.instant()));
		Instant at = clock.instant().minus(Duration.ofDays(20));
		for (Demo demo : demos) {
			at = at.plus(Duration.ofHours(30));
			seed(demo, at);
		}
	}

	private void seed(Demo demo, Instant at) {
		Optional<CustomerSummary> customer = customers.byCode(demo.customer());
		Optional<ServiceInstanceSummary> instance = customer.flatMap(c -> customers.instance(c.id(), demo.instance()));
		// The demo's orders are made for the demo's own instances: one missing is a bug of the demo data,
		// so it stops the seeding (and the tests that run it) rather than leaving a state without an example.
		if (instance.isEmpty()) {
			throw new IllegalStateException("Demo order " + demo.type() + " expects the instance " + demo.instance()
					+ " of " + demo.customer() + ", which the demo data does not have");
		}
		UUID customerId = customer.get().id();
		ServiceInstanceSummary target = instance.get();
		OrderKind kind = kinds.find(target.relevantService(), demo.type())
			.orElseThrow(() -> new IllegalStateException("Demo order on " + demo.instance() + ": "
					+ target.relevantService() + " has no order type " + demo.type()));
		if (!kind.validate(demo.values()).isEmpty()) {
			throw new IllegalStateException("Demo order " + demo.type() + " on " + demo.instance()
					+ " breaks its order type's rules: " + kind.validate(demo.values()));
		}
		List<UserView> people = users.users(customerId, "");
		Optional<UserView> orderer = people.stream().filter(u -> u.roles().contains("orderer")).findFirst();
		Optional<UserView> admin = people.stream().filter(u -> u.roles().contains("administrator")).findFirst();
		if (orderer.isEmpty() || admin.isEmpty()) {
			throw new IllegalStateException("Demo customer " + demo.customer()
					+ " needs an orderer and an administrator for its demo orders");
		}
		boolean approval = policies.of(customerId).requires(target.relevantService(), kind.key());
		ServiceOrder order = ServiceOrder.submit(customerId, target.relevantService(), target.contractingCompany(),
				"", List.of(new OrderItem("1", kind.action(), kind.key(), target.id(), target.contractNo(),
						demo.values())),
				approval, orderer.get().loginId(), orderer.get().id(), approval ? List.of(admin.get().id()) : List.of(),
				at);
		Instant step = at;
		List<BiConsumer<ServiceOrder, Instant>> moves = demo.moves();
		if (approval && !moves.isEmpty()) {
			// The administrator's approval puts the order in progress, where the Company's start would.
			step = step.plus(Duration.ofHours(2));
			order.approve(admin.get().loginId(), admin.get().id(), "Approved within the budget.", step);
			moves = moves.get(0) == START ? moves.subList(1, moves.size()) : moves;
		}
		for (BiConsumer<ServiceOrder, Instant> move : moves) {
			step = step.plus(Duration.ofHours(4));
			move.accept(order, step);
		}
		tenancy.run(Actor.job("demo-seed"), TenantScope.system(), () -> {
			orders.insert(order, null, null);
			order.takeEvents().forEach(events::publishEvent);
			if (order.state() == OrderState.COMPLETED) {
				// As fulfilment does: only the attributes the order type changes.
				Map<String, Object> changes = new java.util.HashMap<>();
				demo.values().forEach((key, value) -> {
					if (kind.changes().contains(key)) {
						changes.put(key, value);
					}
				});
				customers.applyOrder(target.id(), kind.action() == ItemAction.DELETE ? Map.of() : changes,
						kind.action() == ItemAction.DELETE);
			}
		});
	}
}
