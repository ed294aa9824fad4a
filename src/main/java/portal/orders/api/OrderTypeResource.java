package portal.orders.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import portal.catalog.OrderParameter;
import portal.orders.ordering.OrderKind;

/**
 * An order type as a client needs it to build a form: each parameter's type, whether it is
 * required, its limits and choices, and the instance's current value where there is one.
 */
record OrderTypeResource(String key, String name, String action, boolean onContract, List<Parameter> parameters) {

	record Parameter(String key, String name, String type, boolean required, BigDecimal minimum, BigDecimal maximum,
			Integer maxLength, String pattern, List<String> allowedValues, Object currentValue) {
	}

	static OrderTypeResource of(OrderKind kind, Map<String, Object> current, Locale locale) {
		return new OrderTypeResource(kind.key(), kind.type().name().in(locale), kind.action().code(), kind.onContract(),
				kind.parameters().stream().map(p -> parameter(p, current.get(p.key()), locale)).toList());
	}

	private static Parameter parameter(OrderParameter p, Object current, Locale locale) {
		var c = p.constraints();
		return new Parameter(p.key(), p.name().in(locale), p.type().code(), p.required(), c.min().orElse(null),
				c.max().orElse(null), c.maxLength().isPresent() ? c.maxLength().getAsInt() : null,
				c.pattern().map(java.util.regex.Pattern::pattern).orElse(null),
				c.choices().isEmpty() ? null : c.choices().stream().map(portal.catalog.Choice::key).toList(), current);
	}
}
