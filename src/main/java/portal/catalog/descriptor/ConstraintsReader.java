package portal.catalog.descriptor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import portal.catalog.Choice;
import portal.catalog.Constraints;
import portal.catalog.LocalizedText;
import portal.catalog.ValueType;

/**
 * Reads the {@code constraints} of an attribute or parameter and refuses limits that
 * cannot hold together: a limit the type has no use for, min above max, an enum
 * without choices, a pattern that does not compile.
 */
final class ConstraintsReader {

	private static final Pattern CHOICE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	Constraints read(DescriptorNode field, ValueType type) {
		if (!field.has("constraints")) {
			if (type == ValueType.ENUM) {
				throw field.fail("constraints.values", "is required for type 'enum'");
			}
			return Constraints.none();
		}
		DescriptorNode node = field.object("constraints");
		node.permit("min", "max", "maxLength", "pattern", "values");
		Constraints constraints = range(node, type);
		constraints = text(node, type, constraints);
		return choices(node, type, constraints);
	}

	private Constraints range(DescriptorNode node, ValueType type) {
		Constraints constraints = Constraints.none();
		for (String limit : List.of("min", "max")) {
			if (node.has(limit)) {
				BigDecimal value = onlyFor(node, limit, type, type.numeric()).number(limit).orElseThrow();
				if (type == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0) {
					throw node.fail(limit, "'" + value + "' must be a whole number for type 'integer'");
				}
				constraints = limit.equals("min") ? constraints.withMin(value) : constraints.withMax(value);
			}
		}
		BigDecimal min = constraints.min().orElse(null);
		if (min != null && constraints.max().filter(max -> max.compareTo(min) < 0).isPresent()) {
			throw node.fail("max", "'" + constraints.max().get() + "' is less than min '" + min + "'");
		}
		return constraints;
	}

	private Constraints text(DescriptorNode node, ValueType type, Constraints constraints) {
		if (node.has("maxLength")) {
			BigDecimal maxLength = onlyFor(node, "maxLength", type, type == ValueType.STRING).number("maxLength").orElseThrow();
			if (maxLength.signum() <= 0 || maxLength.stripTrailingZeros().scale() > 0) {
				throw node.fail("maxLength", "'" + maxLength + "' must be a whole number of at least 1");
			}
			constraints = constraints.withMaxLength(maxLength.intValueExact());
		}
		if (node.has("pattern")) {
			String regex = onlyFor(node, "pattern", type, type == ValueType.STRING).text("pattern");
			try {
				constraints = constraints.withPattern(Pattern.compile(regex));
			}
			catch (PatternSyntaxException invalid) {
				throw node.fail("pattern", "'" + regex + "' is not a valid regular expression: " + invalid.getDescription());
			}
		}
		return constraints;
	}

	private Constraints choices(DescriptorNode node, ValueType type, Constraints constraints) {
		if (!node.has("values")) {
			if (type == ValueType.ENUM) {
				throw node.fail("values", "is required for type 'enum'");
			}
			return constraints;
		}
		List<?> items = onlyFor(node, "values", type, type == ValueType.ENUM).items("values");
		if (items.isEmpty()) {
			throw node.fail("values", "must list at least one choice");
		}
		List<Choice> choices = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Choice choice = choice(node, i, items.get(i));
			if (!keys.add(choice.key())) {
				throw node.fail(DescriptorNode.item("values", i), "'" + choice.key() + "' is listed twice");
			}
			choices.add(choice);
		}
		return constraints.withChoices(choices);
	}

	// A bare key serves where the key reads the same in every language (e.g. "100", "1g").
	private Choice choice(DescriptorNode node, int index, Object item) {
		String field = DescriptorNode.item("values", index);
		if (item instanceof String key) {
			return new Choice(choiceKey(node, field, key), new LocalizedText(key, key));
		}
		if (item instanceof Map<?, ?> map) {
			DescriptorNode choice = node.object("values", index, map);
			choice.permit("key", "name");
			return new Choice(choiceKey(choice, "key", choice.text("key")), choice.localized("name"));
		}
		throw node.fail(field, "must be a key or a mapping of key and name, not '" + item
				+ "' (quote keys that YAML reads as numbers or booleans, such as '050', 'on' or 'no')");
	}

	private String choiceKey(DescriptorNode node, String field, String key) {
		if (!CHOICE_KEY.matcher(key).matches()) {
			throw node.fail(field, "'" + key + "' must be letters, digits, '.', '_' or '-'");
		}
		return key;
	}

	private DescriptorNode onlyFor(DescriptorNode node, String limit, ValueType type, boolean applies) {
		if (!applies) {
			throw node.fail(limit, "does not apply to type '" + type.code() + "'");
		}
		return node;
	}
}
