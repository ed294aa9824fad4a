package portal.orders.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import portal.catalog.InstanceAttribute;
import portal.catalog.LocalizedText;
import portal.catalog.OrderParameter;
import portal.catalog.OrderType;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ServiceKindDescriptors;

/** The order types of each relevant service, derived from its descriptor (no code per service). */
@Component
public class OrderKinds {

	public static final String ADD = "add";
	public static final String MODIFY = "modify";
	public static final String DELETE = "delete";

	private final ServiceKindDescriptors descriptors;

	public OrderKinds(ServiceKindDescriptors descriptors) {
		this.descriptors = descriptors;
	}

	/** The order types of a relevant service; empty for a service without a descriptor. */
	public List<OrderKind> of(String relevantService) {
		return descriptors.find(relevantService).map(OrderKinds::kinds).orElse(List.of());
	}

	public Optional<OrderKind> find(String relevantService, String key) {
		return of(relevantService).stream().filter(k -> k.key().equals(key)).findFirst();
	}

	static List<OrderKind> kinds(ServiceKindDescriptor descriptor) {
		List<OrderKind> kinds = new ArrayList<>();
		String service = descriptor.key();
		kinds.add(new OrderKind(service, new OrderType(ADD, new LocalizedText("Add a service instance", "サービスの追加"),
				descriptor.attributes().stream().map(a -> parameter(a, a.required())).toList()), ItemAction.ADD, true));
		kinds.add(new OrderKind(service, new OrderType(MODIFY, new LocalizedText("Change the service instance",
				"サービスの変更"), descriptor.attributes().stream().map(a -> parameter(a, false)).toList(),
				descriptor.attributes().stream().map(InstanceAttribute::key).toList()), ItemAction.MODIFY, false));
		kinds.add(new OrderKind(service, new OrderType(DELETE, new LocalizedText("End the service instance",
				"サービスの廃止"), List.of()), ItemAction.DELETE, false));
		for (OrderType type : descriptor.orderTypes()) {
			// Only the attributes the descriptor says the type changes: a parameter that merely shares an
			// attribute's name (the new site of an add-site order) leaves the instance alone.
			kinds.add(new OrderKind(service, type, type.changes().isEmpty() ? ItemAction.NO_CHANGE : ItemAction.MODIFY,
					false));
		}
		return List.copyOf(kinds);
	}

	private static OrderParameter parameter(InstanceAttribute attribute, boolean required) {
		return new OrderParameter(attribute.key(), attribute.name(), attribute.type(), required,
				attribute.constraints());
	}
}
