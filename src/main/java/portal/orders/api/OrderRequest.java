package portal.orders.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import portal.orders.ordering.NewOrder;

/** A new order: its items, each an order type on one of the customer's instances (or an add under a contract). */
record OrderRequest(@Schema(description = "Free text for the fulfilling company") String description,
		List<ItemRequest> items) {

	record ItemRequest(@Schema(description = "add, modify, delete or one of the relevant service's own order types",
			example = "change-bandwidth") String orderType,
			@Schema(description = "The instance it acts on; omit for add") String instanceId,
			@Schema(description = "For add: the contract the new instance goes under") String contractNo,
			@Schema(description = "Values by parameter key, as GET /api/v1/orders/order-types describes them",
					example = "{\"bandwidthMbps\": \"200\", \"effectiveDate\": \"2026-12-10\"}")
			Map<String, Object> parameters) {
	}

	NewOrder toNewOrder() {
		return new NewOrder(description, items == null ? List.of()
				: items.stream().map(i -> i == null ? new NewOrder.Item("", "", "", Map.of())
						: new NewOrder.Item(i.orderType(), i.instanceId(), i.contractNo(), i.parameters())).toList());
	}
}
