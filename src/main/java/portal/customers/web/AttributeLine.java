package portal.customers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import portal.catalog.InstanceAttribute;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ValueType;

/** One attribute of a service instance as a page shows it: its name and value in the reader's language. */
record AttributeLine(String name, String value) {

	/**
	 * In the descriptor's order; values of attributes the descriptor no longer defines come
	 * last under their keys, because hiding data the system reported would mislead.
	 */
	static List<AttributeLine> of(Map<String, Object> values, Optional<ServiceKindDescriptor> descriptor,
			Locale locale, MessageSource messages) {
		List<AttributeLine> lines = new ArrayList<>();
		List<InstanceAttribute> attributes = descriptor.map(ServiceKindDescriptor::attributes).orElse(List.of());
		for (InstanceAttribute attribute : attributes) {
			Object value = values.get(attribute.key());
			if (value != null) {
				lines.add(new AttributeLine(attribute.name().in(locale), shown(attribute, value, locale, messages)));
			}
		}
		values.keySet().stream()
			.filter(key -> attributes.stream().noneMatch(a -> a.key().equals(key)))
			.sorted()
			.forEach(key -> lines.add(new AttributeLine(key, String.valueOf(values.get(key)))));
		return List.copyOf(lines);
	}

	private static String shown(InstanceAttribute attribute, Object value, Locale locale, MessageSource messages) {
		String text = String.valueOf(value);
		if (attribute.type() == ValueType.ENUM) {
			return attribute.constraints().choice(text).map(c -> c.name().in(locale)).orElse(text);
		}
		if (attribute.type() == ValueType.BOOLEAN) {
			return messages.getMessage("customers.boolean." + text, null, text, locale);
		}
		return text;
	}
}
