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
		return new ServiceKindDescriptor(key, root.text("name"), root.localized("description"),
				root.code("category", ServiceCategory.class), instance.code("kind", InstanceKind.class),
				unique(instance, "attributes", this::attribute, InstanceAttribute::key),
				metrics(root), unique(root, "orderTypes", this::orderType, OrderType::key));
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

	private OrderType orderType(DescriptorNode node) {
		node.permit("key", "name", "parameters");
		return new OrderType(node.identifier("key", KEBAB, KEBAB_SHAPE), node.localized("name"),
				unique(node, "parameters", this::parameter, OrderParameter::key));
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
