package portal.customers.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import portal.catalog.InstanceAttribute;
import portal.catalog.InvalidValue;
import portal.catalog.ServiceKindDescriptor;

/**
 * Checks reported attribute values against a relevant service's descriptor and brings each
 * to one spelling per type (numbers as numbers, dates as ISO text), so that the same value
 * reported twice is stored the same way. An attribute the descriptor does not define is
 * refused, so nothing unchecked reaches the inventory.
 */
final class AttributeRules {

	private final ServiceKindDescriptor descriptor;

	private final MessageSource messages;

	AttributeRules(ServiceKindDescriptor descriptor, MessageSource messages) {
		this.descriptor = descriptor;
		this.messages = messages;
	}

	Attributes normalise(Map<String, ?> reported) {
		for (String key : reported.keySet()) {
			if (descriptor.attribute(key).isEmpty()) {
				throw InventoryRefusal.invalid("attributes." + key,
						"A " + descriptor.instanceKind().code() + " of " + descriptor.key() + " has no such attribute.");
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (InstanceAttribute attribute : descriptor.attributes()) {
			Object value = reported.get(attribute.key());
			Optional<InvalidValue> invalid = attribute.check(value);
			if (invalid.isPresent()) {
				throw InventoryRefusal.invalid("attributes." + attribute.key(), message(invalid.get()));
			}
			normalised(attribute, value).ifPresent(v -> values.put(attribute.key(), v));
		}
		return Attributes.of(values);
	}

	private static Optional<Object> normalised(InstanceAttribute attribute, Object value) {
		if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
			return Optional.empty();
		}
		String text = value.toString().trim();
		return Optional.of(switch (attribute.type()) {
			case INTEGER -> new BigDecimal(text).toBigIntegerExact();
			case DECIMAL -> new BigDecimal(new BigDecimal(text).stripTrailingZeros().toPlainString());
			case DATE -> LocalDate.parse(text).toString();
			case BOOLEAN -> Boolean.valueOf(text);
			case STRING -> value.toString();
			case ENUM -> text;
		});
	}

	// Problem details of the system API are in English, like the rest of the API.
	private String message(InvalidValue invalid) {
		return messages.getMessage(invalid.messageKey(), invalid.arguments().toArray(), invalid.messageKey(),
				Locale.ENGLISH);
	}
}
