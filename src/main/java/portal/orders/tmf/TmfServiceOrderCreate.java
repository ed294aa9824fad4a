package portal.orders.tmf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.orders.ordering.NewOrder;
import portal.orders.ordering.OrderKinds;
import portal.orders.ordering.OrderRefusal;

/**
 * A TMF641 ServiceOrder_Create. An item on an existing instance names it as {@code service.id},
 * the portal's order type as {@code service.serviceType} (by default the item's action:
 * {@code modify} or {@code delete}) and the values as {@code service.serviceCharacteristic}.
 * An {@code add} names the relevant service as {@code service.serviceSpecification.id} and,
 * where the customer holds several contracts of it, the contract as {@code agreement.id}; its
 * characteristics are the new instance's attributes, checked by the descriptor's rules.
 */
record TmfServiceOrderCreate(String description, List<Item> serviceOrderItem) {

	record Item(String id, @Schema(allowableValues = { "add", "modify", "delete", "noChange" }) String action,
			Service service,
			@Schema(description = "For add: the contract the new instance goes under, when the customer holds "
					+ "several of the relevant service") AgreementRef agreement) {
	}

	record Service(String id, @Schema(description = "The order type, such as change-bandwidth") String serviceType,
			List<TmfServiceOrder.Characteristic> serviceCharacteristic,
			@Schema(description = "For add: the relevant service, e.g. arcstar-universal-one, as id")
			TmfServiceOrder.ServiceSpecification serviceSpecification) {
	}

	record AgreementRef(@Schema(description = "The contract number") String id) {
	}

	/** Picks the contract an add goes under, refusing by field when there is none or no single one. */
	interface Contracts {

		String forAdd(String relevantService, String contractNo, String path);
	}

	NewOrder toNewOrder(Contracts contracts) {
		if (serviceOrderItem == null || serviceOrderItem.isEmpty()) {
			throw OrderRefusal.invalid("serviceOrderItem", "An order needs at least one item.");
		}
		List<NewOrder.Item> items = new ArrayList<>();
		for (int i = 0; i < serviceOrderItem.size(); i++) {
			items.add(item(serviceOrderItem.get(i), "serviceOrderItem[" + i + "]", contracts));
		}
		return new NewOrder(description, items);
	}

	private static NewOrder.Item item(Item item, String path, Contracts contracts) {
		if (item == null || item.service() == null) {
			throw OrderRefusal.invalid(path + ".service", "Describe the service of the item.");
		}
		String type = item.service().serviceType();
		if (type == null || type.isBlank()) {
			type = item.action() == null ? "" : item.action();
		}
		if (OrderKinds.ADD.equals(type) || "add".equals(item.action())) {
			return add(item, path, contracts);
		}
		if (item.service().id() == null) {
			throw OrderRefusal.invalid(path + ".service.id", "Name the service instance as service.id.");
		}
		return new NewOrder.Item(type, item.service().id(), "", values(item, path));
	}

	private static NewOrder.Item add(Item item, String path, Contracts contracts) {
		if (item.service().id() != null && !item.service().id().isBlank()) {
			throw OrderRefusal.invalid(path + ".service.id", "An add creates a service instance: name none; name the "
					+ "relevant service as service.serviceSpecification.id.");
		}
		TmfServiceOrder.ServiceSpecification specification = item.service().serviceSpecification();
		if (specification == null || specification.id() == null || specification.id().isBlank()) {
			throw OrderRefusal.invalid(path + ".service.serviceSpecification.id",
					"Name the relevant service of the new instance, e.g. arcstar-universal-one.");
		}
		String contractNo = item.agreement() == null || item.agreement().id() == null ? "" : item.agreement().id();
		String contract = contracts.forAdd(specification.id().strip(), contractNo.strip(), path);
		return new NewOrder.Item(OrderKinds.ADD, "", contract, values(item, path));
	}

	private static Map<String, Object> values(Item item, String path) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (item.service().serviceCharacteristic() != null) {
			for (TmfServiceOrder.Characteristic c : item.service().serviceCharacteristic()) {
				if (c == null || c.name() == null) {
					throw OrderRefusal.invalid(path + ".service.serviceCharacteristic.name",
							"Each characteristic needs a name.");
				}
				values.put(c.name(), c.value());
			}
		}
		return values;
	}
}
