package portal.orders.tmf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.orders.ordering.NewOrder;
import portal.orders.ordering.OrderRefusal;

/**
 * A TMF641 ServiceOrder_Create: each item names an existing instance as {@code service.id},
 * the portal's order type as {@code service.serviceType} (by default the item's action:
 * {@code modify} or {@code delete}) and the values as {@code service.serviceCharacteristic}.
 */
record TmfServiceOrderCreate(String description, List<Item> serviceOrderItem) {

	record Item(String id, @Schema(allowableValues = { "modify", "delete", "noChange" }) String action,
			Service service) {
	}

	record Service(String id, @Schema(description = "The order type, such as change-bandwidth") String serviceType,
			List<TmfServiceOrder.Characteristic> serviceCharacteristic) {
	}

	NewOrder toNewOrder() {
		if (serviceOrderItem == null || serviceOrderItem.isEmpty()) {
			throw OrderRefusal.invalid("serviceOrderItem", "An order needs at least one item.");
		}
		return new NewOrder(description, serviceOrderItem.stream().map(TmfServiceOrderCreate::item).toList());
	}

	private static NewOrder.Item item(Item item) {
		if (item == null || item.service() == null || item.service().id() == null) {
			throw OrderRefusal.invalid("serviceOrderItem.service.id", "Name the service instance as service.id.");
		}
		String type = item.service().serviceType();
		if (type == null || type.isBlank()) {
			type = item.action() == null ? "" : item.action();
		}
		if ("add".equals(type)) {
			throw OrderRefusal.invalid("serviceOrderItem.action", "Add a service instance through /api/v1/orders.");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		if (item.service().serviceCharacteristic() != null) {
			for (TmfServiceOrder.Characteristic c : item.service().serviceCharacteristic()) {
				if (c == null || c.name() == null) {
					throw OrderRefusal.invalid("serviceOrderItem.service.serviceCharacteristic.name",
							"Each characteristic needs a name.");
				}
				values.put(c.name(), c.value());
			}
		}
		return new NewOrder.Item(type, item.service().id(), "", values);
	}
}
