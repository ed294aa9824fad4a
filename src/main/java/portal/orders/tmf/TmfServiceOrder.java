package portal.orders.tmf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import portal.orders.ordering.OrderItem;
import portal.orders.ordering.ServiceOrder;

/**
 * A service order in the shape of TMF641 v4: items carry the instance as {@code service}
 * with its new values as {@code serviceCharacteristic}; the order type of the portal is the
 * service's {@code serviceType}.
 */
record TmfServiceOrder(String id, String href, String description, String category, String state,
		Instant orderDate, Instant completionDate, String externalId, String notificationContact,
		Instant requestedStartDate, Instant requestedCompletionDate, List<Note> note, List<RelatedParty> relatedParty,
		List<Item> serviceOrderItem, @JsonProperty("@type") String type) {

	static final String BASE = "/tmf-api/serviceOrdering/v4/serviceOrder";

	record Note(String author, Instant date, String text) {
	}

	record RelatedParty(String id, String role, @JsonProperty("@referredType") String referredType) {
	}

	record Item(String id, String action, String state, Service service, @JsonProperty("@type") String type) {
	}

	record Service(String id, String serviceType, List<Characteristic> serviceCharacteristic,
			ServiceSpecification serviceSpecification) {
	}

	record Characteristic(String name, Object value) {
	}

	record ServiceSpecification(String id, String name) {
	}

	static TmfServiceOrder of(ServiceOrder order) {
		// The notes of its steps and those the customer added since, oldest first.
		List<Note> notes = java.util.stream.Stream.concat(order.timeline().stream().filter(t -> !t.note().isEmpty())
			.map(t -> new Note(t.actor(), t.at(), t.note())), order.notes().stream()
				.map(n -> new Note(n.author(), n.date(), n.text())))
			.sorted(java.util.Comparator.comparing(Note::date)).toList();
		List<RelatedParty> parties = order.approvedBy()
			.map(a -> List.of(party(order.submittedBy(), "submitter"), party(a, "approver")))
			.orElse(List.of(party(order.submittedBy(), "submitter")));
		return new TmfServiceOrder(order.id().toString(), BASE + "/" + order.id(), order.description(),
				order.relevantService(), order.state().code(), order.orderDate(), order.completionDate().orElse(null),
				order.externalId().orElse(null), order.notificationContact().orElse(null),
				order.requestedStartDate().orElse(null), order.requestedCompletionDate().orElse(null), notes, parties, order.items().stream().map(i -> item(order, i)).toList(), "ServiceOrder");
	}

	private static RelatedParty party(String loginId, String role) {
		return new RelatedParty(loginId, role, "Individual");
	}

	private static Item item(ServiceOrder order, OrderItem item) {
		List<Characteristic> values = item.parameters().entrySet().stream()
			.map((Map.Entry<String, Object> e) -> new Characteristic(e.getKey(), e.getValue())).toList();
		return new Item(item.id(), item.action().code(), order.state().code(),
				new Service(item.instanceId().isEmpty() ? null : item.instanceId(), item.orderType(), values,
						new ServiceSpecification(order.relevantService(), order.relevantService())),
				"ServiceOrderItem");
	}
}
