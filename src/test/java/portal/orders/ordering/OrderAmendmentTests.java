package portal.orders.ordering;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import portal.orders.events.OrderAmended;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a customer may still change on an order its contracting company has not started (TMF641 ServiceOrder_Update). */
class OrderAmendmentTests {

	static final Instant NOW = ServiceOrderTests.NOW;

	@Test
	@DisplayName("R-7.7 each amendable field takes its new value, a note is added with its author and time, and one audited event names the fields")
	void amendsEachField() {
		ServiceOrder order = ServiceOrderTests.in(OrderState.ACKNOWLEDGED);
		boolean changed = order.amend(OrderPatch.of(Map.of("description", " Head office upgrade ", "externalId",
				"PO-4711", "notificationContact", "noc@example.com", "requestedStartDate", "2026-12-14T09:00:00+09:00",
				"requestedCompletionDate", "2026-12-20T00:00:00Z", "note", List.of(Map.of("text", "Call before 10")))),
				"CP-ORDERER", NOW);
		assertThat(changed).isTrue();
		assertThat(order.description()).isEqualTo("Head office upgrade");
		assertThat(order.externalId()).contains("PO-4711");
		assertThat(order.notificationContact()).contains("noc@example.com");
		assertThat(order.requestedStartDate()).contains(Instant.parse("2026-12-14T00:00:00Z"));
		assertThat(order.requestedCompletionDate()).contains(Instant.parse("2026-12-20T00:00:00Z"));
		assertThat(order.notes()).containsExactly(new OrderNote("CP-ORDERER", NOW, "Call before 10"));
		assertThat(order.state()).isEqualTo(OrderState.ACKNOWLEDGED);
		assertThat(order.timeline()).hasSize(1);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderAmended.class,
				e -> assertThat(e.fields()).containsExactly("description", "externalId", "notificationContact",
						"requestedStartDate", "requestedCompletionDate", "note"));
	}

	@Test
	@DisplayName("R-7.7 null clears a field (merge patch); notes already added stay")
	void nullClears() {
		ServiceOrder order = ServiceOrderTests.in(OrderState.PENDING_APPROVAL);
		order.amend(OrderPatch.of(Map.of("externalId", "PO-1", "requestedStartDate", "2026-12-14T09:00:00Z", "note",
				List.of(Map.of("text", "first")))), "CP-ORDERER", NOW);
		Map<String, Object> clear = new HashMap<>();
		clear.put("externalId", null);
		clear.put("requestedStartDate", null);
		clear.put("description", null);
		order.amend(OrderPatch.of(clear), "CP-ORDERER", NOW);
		assertThat(order.externalId()).isEmpty();
		assertThat(order.requestedStartDate()).isEmpty();
		assertThat(order.description()).isEmpty();
		assertThat(order.notes()).extracting(OrderNote::text).containsExactly("first");
	}

	@ParameterizedTest(name = "from {0}")
	@EnumSource(OrderState.class)
	@DisplayName("R-7.7 only an order not yet started (acknowledged, pendingApproval) can be amended; any other state refuses with a conflict")
	void onlyBeforeTheCompanyStarts(OrderState state) {
		ServiceOrder order = ServiceOrderTests.in(state);
		OrderPatch patch = OrderPatch.of(Map.of("externalId", "PO-9"));
		if (EnumSet.of(OrderState.ACKNOWLEDGED, OrderState.PENDING_APPROVAL).contains(state)) {
			assertThat(order.amend(patch, "CP-ORDERER", NOW)).isTrue();
			assertThat(order.externalId()).contains("PO-9");
		}
		else {
			assertThatThrownBy(() -> order.amend(patch, "CP-ORDERER", NOW)).isInstanceOfSatisfying(
					OrderRefusal.class, r -> {
						assertThat(r.field()).isEqualTo("state");
						assertThat(r.status().value()).isEqualTo(409);
					});
			assertThat(order.externalId()).isEmpty();
			assertThat(order.takeEvents()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "state", "priority", "expectedCompletionDate", "serviceOrderItem", "relatedParty",
			"orderRelationship", "category", "id" })
	@DisplayName("R-7.7 any field a customer may not change is refused naming it")
	void refusesOtherFields(String field) {
		assertThatThrownBy(() -> OrderPatch.of(Map.of(field, "x"))).isInstanceOfSatisfying(OrderRefusal.class,
				r -> {
					assertThat(r.field()).isEqualTo(field);
					assertThat(r.status().value()).isEqualTo(400);
				});
	}

	@Test
	@DisplayName("R-7.7 bad values are refused naming the field: wrong types, too long, times without an offset, empty or malformed notes")
	void refusesBadValues() {
		assertRefused(Map.of("description", 5), "description");
		assertRefused(Map.of("description", "x".repeat(2001)), "description");
		assertRefused(Map.of("externalId", "x".repeat(101)), "externalId");
		assertRefused(Map.of("notificationContact", "x".repeat(201)), "notificationContact");
		assertRefused(Map.of("requestedStartDate", "2026-12-14"), "requestedStartDate");
		assertRefused(Map.of("requestedCompletionDate", 20261214), "requestedCompletionDate");
		assertRefused(Map.of("note", List.of()), "note");
		assertRefused(Map.of("note", "a note"), "note");
		assertRefused(Map.of("note", List.of(Map.of("text", "ok"), Map.of("author", "me"))), "note[1].text");
		assertRefused(Map.of("note", java.util.Collections.nCopies(11, Map.of("text", "n"))), "note");
		Map<String, Object> nullNote = new HashMap<>();
		nullNote.put("note", null);
		assertRefused(nullNote, "note");
	}

	@Test
	@DisplayName("R-7.7 requested times lie ahead, and the completion does not come before the start; nothing changes when refused")
	void datesAreConsistent() {
		ServiceOrder order = ServiceOrderTests.in(OrderState.ACKNOWLEDGED);
		assertThatThrownBy(() -> order.amend(OrderPatch.of(Map.of("requestedStartDate", NOW.toString())), "CP-O",
				NOW)).isInstanceOfSatisfying(OrderRefusal.class, r -> assertThat(r.field())
					.isEqualTo("requestedStartDate"));
		order.amend(OrderPatch.of(Map.of("requestedStartDate", "2026-12-14T00:00:00Z")), "CP-O", NOW);
		assertThatThrownBy(() -> order.amend(OrderPatch.of(Map.of("requestedCompletionDate",
				"2026-12-13T00:00:00Z", "description", "new")), "CP-O", NOW))
			.isInstanceOfSatisfying(OrderRefusal.class, r -> assertThat(r.field())
				.isEqualTo("requestedCompletionDate"));
		assertThat(order.requestedCompletionDate()).isEmpty();
		assertThat(order.description()).isEmpty();
	}

	@Test
	@DisplayName("R-7.7 an empty patch changes nothing and registers nothing, whatever the state")
	void emptyPatch() {
		ServiceOrder order = ServiceOrderTests.in(OrderState.COMPLETED);
		assertThat(order.amend(OrderPatch.of(Map.of()), "CP-O", NOW)).isFalse();
		assertThat(order.takeEvents()).isEmpty();
	}

	private static void assertRefused(Map<String, ?> patch, String field) {
		assertThatThrownBy(() -> OrderPatch.of(patch)).as(patch.toString().substring(0,
				Math.min(60, patch.toString().length())))
			.isInstanceOfSatisfying(OrderRefusal.class, r -> assertThat(r.field()).isEqualTo(field));
	}
}
