package portal.orders.ordering;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a customer's user submits: a description and items, each an order type on a service
 * instance (or, for {@code add}, on a contract) with parameter values as text or JSON scalars.
 */
public record NewOrder(String description, List<Item> items) {

	public NewOrder {
		description = description == null ? "" : description.strip();
		items = items == null ? List.of() : List.copyOf(items);
	}

	public record Item(String orderType, String instanceId, String contractNo, Map<String, Object> parameters) {

		public Item {
			orderType = orderType == null ? "" : orderType.strip();
			instanceId = instanceId == null ? "" : instanceId.strip();
			contractNo = contractNo == null ? "" : contractNo.strip();
			parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
		}
	}

	/** The same request spelled the same way, whatever the order of its JSON keys. */
	String canonical() {
		StringBuilder text = new StringBuilder(description).append('\u0000');
		for (Item item : items) {
			text.append(item.orderType()).append('\u0001').append(item.instanceId()).append('\u0001')
				.append(item.contractNo()).append('\u0001');
			item.parameters().forEach((k, v) -> text.append(k).append('=').append(v).append('\u0002'));
			text.append('\u0000');
		}
		return text.toString();
	}
}
