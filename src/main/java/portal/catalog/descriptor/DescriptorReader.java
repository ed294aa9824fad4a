package portal.catalog.descriptor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import portal.catalog.Aggregation;
import portal.catalog.InstanceAttribute;
import portal.catalog.InstanceKind;
import portal.catalog.OrderParameter;
import portal.catalog.OrderType;
import portal.catalog.ServiceCategory;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.Unit;
import portal.catalog.UsageMetric;
import portal.catalog.ValueType;

/**
 * Maps the fields of one descriptor file to a {@link ServiceKindDescriptor}, refusing
 * anything missing, unknown, misspelt or inconsistent.
 */
final class DescriptorReader {

	// Keys name things in URLs and data; field keys are the names of submitted values.
	static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
	private static final String KEBAB_SHAPE = "lowercase-kebab (e.g. change-bandwidth)";
	private static final String CAMEL_SHAPE = "lowerCamelCase (e.g. bandwidthMbps)";
	private static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

	private final ConstraintsReader constraints = new ConstraintsReader();

	ServiceKindDescriptor read(DescriptorNode root, String fileKey) {
		root.permit("key", "name", "description", "category", "instance", "metrics", "orderTypes");
		String key = root.identifier("key", KEBAB, KEBAB_SHAPE);
		if (!key.equals(fileKey)) {
			throw root.fail("key", "'" + key + "' must match the file name '" + fileKey + ".yml'");
		}
		DescriptorNode instance = root.object("instance");
		instance.permit("kind", "attributes");
		List<InstanceAttribute> attributes = unique(instance, "attributes", this::attribute, InstanceAttribute::key);
		return new ServiceKindDescriptor(key, root.text("name"), root.localized("description"),
				root.code("category", ServiceCategory.class), instance.code("kind", InstanceKind.class), attributes,
				metrics(root), unique(root, "orderTypes", node -> orderType(node, attributes), OrderType::key));
	}

	private List<UsageMetric> metrics(DescriptorNode root) {
		List<UsageMetric> metrics = unique(root, "metrics", this::metric, UsageMetric::key);
		if (metrics.isEmpty()) {
			throw root.fail("metrics", "must list at least one usage metric");
		}
		return metrics;
	}

	private UsageMetric metric(DescriptorNode node) {
		node.permit("key", "name", "unit", "interval", "aggregation", "p95");
		return new UsageMetric(node.identifier("key", KEBAB, KEBAB_SHAPE), node.localized("name"),
				node.code("unit", Unit.class), interval(node), node.code("aggregation", Aggregation.class),
				node.flag("p95"));
	}

	private Duration interval(DescriptorNode node) {
		String text = node.optionalText("interval").orElse(UsageMetric.DEFAULT_INTERVAL.toString());
		Duration interval;
		try {
			interval = Duration.parse(text);
		}
		catch (DateTimeParseException notADuration) {
			throw node.fail("interval", "'" + text + "' is not an ISO-8601 duration (e.g. PT5M)");
		}
		if (interval.isNegative() || interval.isZero() || interval.compareTo(LONGEST_INTERVAL) > 0) {
			throw node.fail("interval", "'" + text + "' must be longer than zero and at most P1D");
		}
		return interval;
	}

	private OrderType orderType(DescriptorNode node, List<InstanceAttribute> attributes) {
		node.permit("key", "name", "parameters", "changes");
		List<OrderParameter> parameters = unique(node, "parameters", this::parameter, OrderParameter::key);
		return new OrderType(node.identifier("key", KEBAB, KEBAB_SHAPE), node.localized("name"), parameters,
				changes(node, parameters, attributes));
	}

	// What completing the order writes onto the instance: said explicitly, since a parameter named like
	// an attribute may describe something else (the site an add-site order opens, not the circuit's own).
	private static List<String> changes(DescriptorNode node, List<OrderParameter> parameters,
			List<InstanceAttribute> attributes) {
		List<?> items = node.items("changes");
		List<String> changes = new java.util.ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String field = DescriptorNode.item("changes", i);
			if (!(items.get(i) instanceof String attribute)) {
				throw node.fail(field, "must be the key of an instance attribute");
			}
			if (attributes.stream().noneMatch(a -> a.key().equals(attribute))) {
				throw node.fail(field, "'" + attribute + "' is not an instance attribute");
			}
			if (parameters.stream().noneMatch(p -> p.key().equals(attribute))) {
				throw node.fail(field, "'" + attribute + "' is not a parameter of this order type");
			}
			if (changes.contains(attribute)) {
				throw node.fail(field, "'" + attribute + "' is listed twice");
			}
			changes.add(attribute);
		}
		return changes;
	}

	private OrderParameter parameter(DescriptorNode node) {
		node.permit("key", "name", "type", "required", "constraints");
		ValueType type = node.code("type", ValueType.class);
		return new OrderParameter(node.identifier("key", CAMEL, CAMEL_SHAPE), node.localized("name"), type,
				node.flag("required"), constraints.read(node, type));
	}

	private InstanceAttribute attribute(DescriptorNode node) {
		node.permit("key", "name", "type", "required", "constraints");
		ValueType type = node.code("type", ValueType.class);
		return new InstanceAttribute(node.identifier("key", CAMEL, CAMEL_SHAPE), node.localized("name"), type,
				node.flag("required"), constraints.read(node, type));
	}

	private <T> List<T> unique(DescriptorNode parent, String field, Function<DescriptorNode, T> read,
			Function<T, String> key) {
		List<DescriptorNode> nodes = parent.objects(field);
		List<T> items = nodes.stream().map(read).toList();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Integer first = seen.putIfAbsent(key.apply(items.get(i)), i);
			if (first != null) {
				throw nodes.get(i).fail("key", "'" + key.apply(items.get(i)) + "' is already used by "
						+ DescriptorNode.item(field, first));
			}
		}
		return items;
	}
}
