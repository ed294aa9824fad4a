package portal.orders.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import portal.catalog.Choice;
import portal.catalog.OrderParameter;

/**
 * One input of a form generated from an order type's parameter: the HTML input that fits
 * its type and limits, the instance's current value beside it, and what was submitted.
 *
 * @param input the HTML input type, or {@code select} for choices
 * @param error the message beside the field; empty when none
 */
record FormField(String key, String label, String input, boolean required, String min, String max, String step,
		Integer maxLength, String pattern, List<Option> options, String current, String value, String error) {

	record Option(String key, String label) {
	}

	static FormField of(OrderParameter p, Locale locale, Object current, String value, String error) {
		var c = p.constraints();
		String input = switch (p.type()) {
			case INTEGER, DECIMAL -> "number";
			case DATE -> "date";
			case ENUM, BOOLEAN -> "select";
			case STRING -> "text";
		};
		List<Option> options = switch (p.type()) {
			case ENUM -> c.choices().stream().map(ch -> new Option(ch.key(), label(ch, locale))).toList();
			case BOOLEAN -> List.of(new Option("true", locale.getLanguage().equals("ja") ? "はい" : "Yes"),
					new Option("false", locale.getLanguage().equals("ja") ? "いいえ" : "No"));
			default -> List.of();
		};
		return new FormField(p.key(), p.name().in(locale), input, p.required(),
				c.min().map(java.math.BigDecimal::toPlainString).orElse(null),
				c.max().map(java.math.BigDecimal::toPlainString).orElse(null),
				switch (p.type()) {
					case INTEGER -> "1";
					case DECIMAL -> "any";
					default -> null;
				}, c.maxLength().isPresent() ? c.maxLength().getAsInt() : null,
				c.pattern().map(java.util.regex.Pattern::pattern).orElse(null), options,
				current == null ? "" : current.toString(), value == null ? "" : value, error == null ? "" : error);
	}

	private static String label(Choice choice, Locale locale) {
		return choice.name().in(locale);
	}

	static Map<String, String> values(Map<String, String> params) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("p.")) {
				values.put(name.substring(2), value);
			}
		});
		return values;
	}
}
