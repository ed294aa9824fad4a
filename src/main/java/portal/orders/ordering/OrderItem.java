package portal.orders.ordering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item of an order: an order type of the relevant service applied to a service
 * instance (or, for {@code add}, to a contract), with its checked parameter values.
 *
 * @param instanceId the instance it acts on; empty for {@code add}
 * @param contractNo the contract of the instance, or the one an {@code add} goes under
 */
public record OrderItem(String id, ItemAction action, String orderType, String instanceId, String contractNo,
		Map<String, Object> parameters) {

	public OrderItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(orderType, "orderType");
		instanceId = instanceId == null ? "" : instanceId;
		contractNo = contractNo == null ? "" : contractNo;
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}
}
