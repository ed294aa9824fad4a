package portal.orders.ordering;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import portal.orders.events.OrderStateChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every move of an order's lifecycle, from every state: allowed where the diagram says, refused elsewhere. */
class ServiceOrderTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	static final UUID SUBMITTER = UUID.randomUUID();

	static final UUID APPROVER = UUID.randomUUID();

	record Transition(String name, Consumer<ServiceOrder> move, Set<OrderState> from, OrderState to) {

		@Override
		public String toString() {
			return name;
		}
	}

	static List<Transition> transitions() {
		return List.of(
				new Transition("approve", o -> o.approve("CP-APPROVER", APPROVER, "fine", NOW),
						Set.of(OrderState.PENDING_APPROVAL), OrderState.IN_PROGRESS),
				new Transition("refuse", o -> o.refuse("CP-APPROVER", APPROVER, "too costly", NOW),
						Set.of(OrderState.PENDING_APPROVAL), OrderState.REJECTED),
				new Transition("start", o -> o.start("ST-1", "", NOW), Set.of(OrderState.ACKNOWLEDGED),
						OrderState.IN_PROGRESS),
				new Transition("reject", o -> o.reject("ST-1", "no capacity", NOW), Set.of(OrderState.ACKNOWLEDGED),
						OrderState.REJECTED),
				new Transition("hold", o -> o.hold("ST-1", "waiting for parts", NOW), Set.of(OrderState.IN_PROGRESS),
						OrderState.HELD),
				new Transition("resume", o -> o.resume("ST-1", "", NOW), Set.of(OrderState.HELD),
						OrderState.IN_PROGRESS),
				new Transition("complete", o -> o.complete("ST-1", "", NOW), Set.of(OrderState.IN_PROGRESS),
						OrderState.COMPLETED),
				new Transition("completePartly", o -> o.completePartly("ST-1", "one site left", NOW),
						Set.of(OrderState.IN_PROGRESS), OrderState.PARTIAL),
				new Transition("fail", o -> o.fail("ST-1", "site unreachable", NOW),
						Set.of(OrderState.IN_PROGRESS, OrderState.HELD), OrderState.FAILED),
				new Transition("acceptCancellation", o -> o.acceptCancellation("ST-1", "", NOW),
						Set.of(OrderState.ASSESSING_CANCELLATION), OrderState.PENDING_CANCELLATION),
				new Transition("confirmCancellation", o -> o.confirmCancellation("ST-1", "", NOW),
						Set.of(OrderState.PENDING_CANCELLATION), OrderState.CANCELLED),
				// in() puts an order being assessed for cancellation back to inProgress, where it came from.
				new Transition("declineCancellation", o -> o.declineCancellation("ST-1", "already configured", NOW),
						Set.of(OrderState.ASSESSING_CANCELLATION), OrderState.IN_PROGRESS),
				new Transition("awaitApproval", o -> o.awaitApproval(NOW), Set.of(OrderState.ACKNOWLEDGED),
						OrderState.PENDING_APPROVAL));
	}

	static Stream<Arguments> everyMoveFromEveryState() {
		return transitions().stream()
			.flatMap(t -> EnumSet.allOf(OrderState.class).stream().map(state -> Arguments.of(t, state)));
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyMoveFromEveryState")
	@DisplayName("R-7.7 each move is allowed only from the states TMF641's lifecycle allows, and refused elsewhere")
	void movesOnlyFromAllowedStates(Transition transition, OrderState from) {
		ServiceOrder order = in(from);
		if (transition.from().contains(from)) {
			transition.move().accept(order);
			assertThat(order.state()).isEqualTo(transition.to());
			assertThat(order.timeline()).last().extracting(TimelineEntry::state).isEqualTo(transition.to());
			assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderStateChanged.class,
					e -> assertThat(List.of(e.from(), e.to())).containsExactly(from.code(), transition.to().code()));
		}
		else {
			assertThatThrownBy(() -> transition.move().accept(order)).isInstanceOf(OrderRefusal.class)
				.hasMessageContaining(from.code());
			assertThat(order.state()).isEqualTo(from);
			assertThat(order.takeEvents()).isEmpty();
		}
	}

	@ParameterizedTest(name = "cancel from {0}")
	@MethodSource("states")
	@DisplayName("R-7.7 cancelling is assessed while the Company has the order, immediate before approval, refused when it has ended")
	void cancellationFromEachState(OrderState from) {
		ServiceOrder order = in(from);
		switch (from) {
			case ACKNOWLEDGED, IN_PROGRESS, HELD -> {
				order.requestCancellation("CP-ORDERER", "", NOW);
				assertThat(order.state()).isEqualTo(OrderState.ASSESSING_CANCELLATION);
				order.declineCancellation("ST-1", "already configured", NOW);
				assertThat(order.state()).isEqualTo(from);
			}
			case PENDING_APPROVAL -> {
				order.requestCancellation("CP-ORDERER", "", NOW);
				assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
			}
			default -> assertThatThrownBy(() -> order.requestCancellation("CP-ORDERER", "", NOW))
				.isInstanceOf(OrderRefusal.class);
		}
	}

	@ParameterizedTest(name = "cancellable from {0}")
	@MethodSource("states")
	@DisplayName("R-7.7 an order offers cancellation exactly where asking to cancel is accepted")
	void cancellableAgreesWithTheTransition(OrderState from) {
		ServiceOrder order = in(from);
		boolean offered = order.cancellable();
		boolean accepted;
		try {
			order.requestCancellation("CP-ORDERER", "", NOW);
			accepted = true;
		}
		catch (OrderRefusal refused) {
			accepted = false;
		}
		assertThat(offered).isEqualTo(accepted);
	}

	static Stream<OrderState> states() {
		return Stream.of(OrderState.values());
	}

	@Test
	@DisplayName("R-7.7 the submitter can neither approve nor refuse their own order")
	void submitterCannotApprove() {
		ServiceOrder order = in(OrderState.PENDING_APPROVAL);
		assertThatThrownBy(() -> order.approve("CP-ORDERER", SUBMITTER, "", NOW)).isInstanceOf(OrderRefusal.class)
			.hasMessageContaining("submitter");
		assertThatThrownBy(() -> order.refuse("CP-ORDERER", SUBMITTER, "no", NOW)).isInstanceOf(OrderRefusal.class);
		assertThat(order.state()).isEqualTo(OrderState.PENDING_APPROVAL);
	}

	@Test
	@DisplayName("R-2.3 the approval's notice reaches the approver who decided")
	void approvalTellsTheApprover() {
		ServiceOrder order = in(OrderState.PENDING_APPROVAL);
		order.approve("CP-APPROVER", APPROVER, "fine", NOW);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderStateChanged.class,
				e -> assertThat(e.approverAccounts()).containsExactly(APPROVER));
		assertThat(order.approvedBy()).contains("CP-APPROVER");
	}

	@Test
	@DisplayName("R-7.7 a refusal, rejection, hold or failure needs a note")
	void refusalsNeedANote() {
		assertThatThrownBy(() -> in(OrderState.PENDING_APPROVAL).refuse("CP-A", APPROVER, " ", NOW))
			.isInstanceOf(OrderRefusal.class).hasMessageStartingWith("note");
		assertThatThrownBy(() -> in(OrderState.IN_PROGRESS).fail("ST-1", "", NOW)).isInstanceOf(OrderRefusal.class);
	}

	@Test
	@DisplayName("R-7.7 submitting acknowledges the order and, when the policy asks, waits for approval; both are on the timeline")
	void submissionWritesTimeline() {
		ServiceOrder order = ServiceOrder.submit(UUID.randomUUID(), "arcstar-universal-one", "COMPANY", "", items(),
				true, "CP-ORDERER", SUBMITTER, List.of(APPROVER), NOW);
		assertThat(order.state()).isEqualTo(OrderState.PENDING_APPROVAL);
		assertThat(order.timeline()).extracting(TimelineEntry::state)
			.containsExactly(OrderState.ACKNOWLEDGED, OrderState.PENDING_APPROVAL);
		assertThat(order.takeEvents()).hasSize(2).allSatisfy(e -> assertThat(((OrderStateChanged) e)
			.approverAccounts()).containsExactly(APPROVER));
	}

	/** An order brought into a state by reading it back, as the repository would. */
	static ServiceOrder in(OrderState state) {
		OrderState before = state == OrderState.ASSESSING_CANCELLATION || state == OrderState.PENDING_CANCELLATION
				? OrderState.IN_PROGRESS : null;
		return new ServiceOrder(UUID.randomUUID(), UUID.randomUUID(), "arcstar-universal-one", "COMPANY", "", items(),
				state == OrderState.PENDING_APPROVAL, "CP-ORDERER", SUBMITTER, NOW, state, before, null, null, NOW, null,
				List.of(new TimelineEntry(1, NOW, state, "CP-ORDERER", "")));
	}

	static List<OrderItem> items() {
		return List.of(new OrderItem("1", ItemAction.MODIFY, "change-bandwidth", "UNO-1", "J-UNO-1",
				Map.of("bandwidthMbps", "200", "effectiveDate", "2026-12-10")));
	}
}
