package portal.catalog.descriptor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import portal.catalog.Coded;
import portal.catalog.InvalidDescriptorException;
import portal.catalog.LocalizedText;

/**
 * A mapping read from a descriptor file that knows where it sits (file and field path),
 * so every refusal names the exact place to fix.
 */
record DescriptorNode(String source, String path, Map<String, Object> fields) {

	static DescriptorNode root(String source, Object document) {
		if (!(document instanceof Map<?, ?> map)) {
			throw new InvalidDescriptorException(source + ": must be a mapping of fields, not " + kind(document));
		}
		return of(source, "", map);
	}

	private static DescriptorNode of(String source, String path, Map<?, ?> map) {
		Map<String, Object> fields = new LinkedHashMap<>();
		map.forEach((name, value) -> {
			if (!(name instanceof String text)) {
				// YAML 1.1 reads unquoted yes/no/on/off as booleans, even as field names
				throw new InvalidDescriptorException(source + ": " + path + ": field name " + name + " must be text (quote it)");
			}
			fields.put(text, value);
		});
		return new DescriptorNode(source, path, fields);
	}

	String at(String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	InvalidDescriptorException fail(String field, String message) {
		return new InvalidDescriptorException(source + ": " + at(field) + ": " + message);
	}

	void permit(String... names) {
		List<String> known = Arrays.asList(names);
		fields.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
			throw fail(name, "is not a known field; expected one of " + known);
		});
	}

	boolean has(String field) {
		return fields.get(field) != null;
	}

	String text(String field) {
		return optionalText(field).orElseThrow(() -> fail(field, "is required"));
	}

	Optional<String> optionalText(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof String text)) {
			throw fail(field, "must be text, not " + kind(value) + " '" + value + "' (quote it)");
		}
		if (text.isBlank()) {
			throw fail(field, "must not be blank");
		}
		return Optional.of(text);
	}

	String identifier(String field, Pattern shape, String shapeName) {
		String text = text(field);
		if (!shape.matcher(text).matches()) {
			throw fail(field, "'" + text + "' must be " + shapeName);
		}
		return text;
	}

	boolean flag(String field) {
		Object value = fields.get(field);
		if (value == null) {
			throw fail(field, "is required (true or false)");
		}
		if (!(value instanceof Boolean flag)) {
			throw fail(field, "must be true or false, not '" + value + "'");
		}
		return flag;
	}

	<E extends Enum<E> & Coded> E code(String field, Class<E> type) {
		String code = text(field);
		return Coded.byCode(type, code)
				.orElseThrow(() -> fail(field, "'" + code + "' is not one of " + Coded.codes(type)));
	}

	Optional<BigDecimal> number(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
			return Optional.of(new BigDecimal(value.toString()));
		}
		throw fail(field, "must be a number, not '" + value + "'");
	}

	DescriptorNode object(String field) {
		return optionalObject(field).orElseThrow(() -> fail(field, "is required"));
	}

	Optional<DescriptorNode> optionalObject(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw fail(field, "must be a mapping of fields, not " + kind(value));
		}
		return Optional.of(of(source, at(field), map));
	}

	/** The mappings listed under a field; an absent field is an empty list. */
	List<DescriptorNode> objects(String field) {
		List<?> items = items(field);
		List<DescriptorNode> nodes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			if (!(items.get(i) instanceof Map<?, ?> map)) {
				throw fail(item(field, i), "must be a mapping of fields, not " + kind(items.get(i)));
			}
			nodes.add(object(field, i, map));
		}
		return nodes;
	}

	/** The field name of the index-th item of a list field, relative to this node. */
	static String item(String field, int index) {
		return field + "[" + index + "]";
	}

	DescriptorNode object(String field, int index, Map<?, ?> map) {
		return of(source, at(item(field, index)), map);
	}

	List<?> items(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw fail(field, "must be a list, not " + kind(value));
		}
		return list;
	}

	LocalizedText localized(String field) {
		DescriptorNode text = object(field);
		text.permit("en", "ja");
		return new LocalizedText(text.text("en"), text.text("ja"));
	}

	private static String kind(Object value) {
		if (value == null) {
			return "nothing";
		}
		if (value instanceof Map) {
			return "a mapping";
		}
		if (value instanceof List) {
			return "a list";
		}
		return value instanceof String ? "text" : value.getClass().getSimpleName().toLowerCase();
	}
}
