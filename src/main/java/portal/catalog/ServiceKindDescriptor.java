package portal.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the portal knows about one relevant service without code of its own: what an
 * instance of it is, the attributes that describe an instance, the usage it reports and
 * the orders users may submit. Keys are unique within their list.
 */
public record ServiceKindDescriptor(String key, String name, LocalizedText description,
		ServiceCategory category, InstanceKind instanceKind, List<InstanceAttribute> attributes,
		List<UsageMetric> metrics, List<OrderType> orderTypes) {

	public ServiceKindDescriptor {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(instanceKind, "instanceKind");
		attributes = List.copyOf(attributes);
		metrics = List.copyOf(metrics);
		orderTypes = List.copyOf(orderTypes);
	}

	public Optional<InstanceAttribute> attribute(String key) {
		return attributes.stream().filter(a -> a.key().equals(key)).findFirst();
	}

	public Optional<UsageMetric> metric(String key) {
		return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
	}

	public Optional<OrderType> orderType(String key) {
		return orderTypes.stream().filter(o -> o.key().equals(key)).findFirst();
	}
}
