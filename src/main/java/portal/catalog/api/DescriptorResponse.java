package portal.catalog.api;

import java.math.BigDecimal;
import java.util.List;

import portal.catalog.Choice;
import portal.catalog.Constraints;
import portal.catalog.InstanceAttribute;
import portal.catalog.LocalizedText;
import portal.catalog.OrderParameter;
import portal.catalog.OrderType;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.UsageMetric;

/**
 * A service kind descriptor over JSON: what an instance is, its attributes, the usage
 * metrics it reports and the order types users may submit. Codes are the descriptor files' own.
 */
record DescriptorResponse(LocalizedText description, String category, Instance instance, List<Metric> metrics,
		List<Order> orderTypes) {

	/** What one service instance is, and the fields that describe it. */
	record Instance(String kind, List<Field> attributes) {
	}

	/** An attribute or an order parameter, with the limits a value must meet. */
	record Field(String key, LocalizedText name, String type, boolean required, Limits constraints) {

		static Field of(InstanceAttribute attribute) {
			return new Field(attribute.key(), attribute.name(), attribute.type().code(), attribute.required(),
					Limits.of(attribute.constraints()));
		}

		static Field of(OrderParameter parameter) {
			return new Field(parameter.key(), parameter.name(), parameter.type().code(), parameter.required(),
					Limits.of(parameter.constraints()));
		}
	}

	/** Absent limits are left out of the JSON. */
	record Limits(BigDecimal min, BigDecimal max, Integer maxLength, String pattern, List<Choice> values) {

		static Limits of(Constraints constraints) {
			return new Limits(constraints.min().orElse(null), constraints.max().orElse(null),
					constraints.maxLength().isPresent() ? constraints.maxLength().getAsInt() : null,
					constraints.pattern().map(Object::toString).orElse(null),
					constraints.choices().isEmpty() ? null : constraints.choices());
		}
	}

	/** A usage series: unit, sampling interval (ISO 8601 duration) and how samples roll up. */
	record Metric(String key, LocalizedText name, String unit, String interval, String aggregation,
			boolean percentile95) {

		static Metric of(UsageMetric metric) {
			return new Metric(metric.key(), metric.name(), metric.unit().code(), metric.interval().toString(),
					metric.aggregation().code(), metric.percentile95());
		}
	}

	/** An order or transaction type, its parameters, and the instance attributes completing it sets. */
	record Order(String key, LocalizedText name, List<Field> parameters, List<String> changes) {

		static Order of(OrderType type) {
			return new Order(type.key(), type.name(), type.parameters().stream().map(Field::of).toList(),
					type.changes());
		}
	}

	static DescriptorResponse of(ServiceKindDescriptor descriptor) {
		return new DescriptorResponse(descriptor.description(), descriptor.category().code(),
				new Instance(descriptor.instanceKind().code(),
						descriptor.attributes().stream().map(Field::of).toList()),
				descriptor.metrics().stream().map(Metric::of).toList(),
				descriptor.orderTypes().stream().map(Order::of).toList());
	}
}
