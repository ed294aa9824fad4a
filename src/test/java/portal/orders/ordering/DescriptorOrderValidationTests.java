package portal.orders.ordering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import portal.catalog.Choice;
import portal.catalog.InvalidValue;
import portal.catalog.OrderParameter;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ServiceKindDescriptors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of every order type of every descriptor, generated from the descriptors
 * themselves: for each parameter a value on each edge of its rules passes and one just past
 * it is refused, naming the parameter. A new descriptor is covered without a new test.
 */
class DescriptorOrderValidationTests {

	static final ServiceKindDescriptors DESCRIPTORS = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION);

	/** Values that match the patterns descriptors use; the first that fits a parameter is its sample. */
	static final List<String> SAMPLES = List.of("JP", "CID-1001", "192.168.1.10", "09:30", "example.co.jp",
			"0312345678", "031", "09012345678", "8981100000000000000", "123456789012345", "1234", "123-4567", "api-1",
			"Osaka office");

	@Test
	@DisplayName("R-7.7 all 16 relevant services have order types: add, modify, delete and their own")
	void everyServiceHasOrderTypes() {
		assertThat(DESCRIPTORS.all()).hasSize(16);
		for (ServiceKindDescriptor descriptor : DESCRIPTORS.all()) {
			assertThat(OrderKinds.kinds(descriptor)).extracting(OrderKind::key)
				.contains(OrderKinds.ADD, OrderKinds.MODIFY, OrderKinds.DELETE)
				.hasSize(3 + descriptor.orderTypes().size());
		}
	}

	@Test
	@DisplayName("R-7.7 a bandwidth change modifies the circuit, a fault report changes nothing recorded")
	void actionsFollowTheParameters() {
		ServiceKindDescriptor uno = DESCRIPTORS.require("arcstar-universal-one");
		assertThat(OrderKinds.kinds(uno)).filteredOn(k -> k.key().equals("change-bandwidth")).singleElement()
			.extracting(OrderKind::action).isEqualTo(ItemAction.MODIFY);
		assertThat(OrderKinds.kinds(uno)).filteredOn(k -> k.key().equals("report-fault")).singleElement()
			.extracting(OrderKind::action).isEqualTo(ItemAction.NO_CHANGE);
	}

	@Test
	@DisplayName("R-7.7 a change of an instance must change something")
	void modifyNeedsAValue() {
		OrderKind modify = OrderKinds.kinds(DESCRIPTORS.require("arcstar-universal-one")).stream()
			.filter(k -> k.key().equals(OrderKinds.MODIFY)).findFirst().orElseThrow();
		assertThat(modify.validate(Map.of())).extracting(InvalidValue::field).containsExactly("parameters");
		assertThat(modify.validate(Map.of("bandwidthMbps", "200"))).isEmpty();
	}

	@TestFactory
	@DisplayName("R-7.7 every parameter of every order type of the 16 descriptors: valid and invalid edges")
	Stream<DynamicNode> everyOrderTypeOfEveryDescriptor() {
		return DESCRIPTORS.all().stream().map(descriptor -> DynamicContainer.dynamicContainer(descriptor.key(),
				OrderKinds.kinds(descriptor).stream().map(kind -> DynamicContainer.dynamicContainer(kind.key(),
						cases(kind)))));
	}

	private static Stream<DynamicNode> cases(OrderKind kind) {
		Map<String, Object> base = new HashMap<>();
		kind.parameters().forEach(p -> base.put(p.key(), sample(p)));
		List<DynamicNode> tests = new ArrayList<>();
		tests.add(DynamicTest.dynamicTest("all sample values pass",
				() -> assertThat(kind.validate(base)).isEmpty()));
		tests.add(DynamicTest.dynamicTest("an unknown parameter is refused", () -> {
			Map<String, Object> values = new HashMap<>(base);
			values.put("noSuchParameter", "x");
			assertThat(kind.validate(values)).extracting(InvalidValue::field).contains("noSuchParameter");
		}));
		for (OrderParameter p : kind.parameters()) {
			edges(p).forEach((value, valid) -> tests.add(DynamicTest.dynamicTest(
					p.key() + " = " + abbreviated(value) + (valid ? " passes" : " is refused"), () -> {
						Map<String, Object> values = new HashMap<>(base);
						values.put(p.key(), value);
						List<InvalidValue> invalid = kind.validate(values);
						if (valid) {
							assertThat(invalid).isEmpty();
						}
						else {
							assertThat(invalid).extracting(InvalidValue::field).containsExactly(p.key());
						}
					})));
			if (p.required()) {
				tests.add(DynamicTest.dynamicTest(p.key() + " missing is refused", () -> {
					Map<String, Object> values = new HashMap<>(base);
					values.remove(p.key());
					assertThat(kind.validate(values)).extracting(InvalidValue::field).containsExactly(p.key());
				}));
			}
			else if (kind.parameters().size() > 1) {
				// A modify needs at least one value; with the others given, this one may be left out.
				tests.add(DynamicTest.dynamicTest(p.key() + " left out passes", () -> {
					Map<String, Object> values = new HashMap<>(base);
					values.remove(p.key());
					assertThat(kind.validate(values)).isEmpty();
				}));
			}
		}
		return tests.stream();
	}

	/** Each value against whether it should pass. */
	static Map<Object, Boolean> edges(OrderParameter p) {
		Map<Object, Boolean> edges = new java.util.LinkedHashMap<>();
		var c = p.constraints();
		switch (p.type()) {
			case STRING -> {
				if (c.pattern().isEmpty()) {
					int max = c.maxLength().orElse(200);
					edges.put("x".repeat(max), true);
					if (c.maxLength().isPresent()) {
						edges.put("x".repeat(max + 1), false);
					}
				}
				else {
					edges.put(sample(p), true);
					edges.put("!" + sample(p), false);
					// Both rules are checked: the longest value the pattern takes, and one character more.
					c.maxLength().ifPresent(max -> {
						String longest = matching(p, max).orElseThrow(() -> new AssertionError(
								"no value of " + max + " characters fits " + p.key() + " " + c));
						edges.put(longest, true);
						edges.put(matching(p, max + 1).orElse(longest + "0"), false);
					});
				}
			}
			case INTEGER, DECIMAL -> {
				BigDecimal step = p.type() == portal.catalog.ValueType.INTEGER ? BigDecimal.ONE : new BigDecimal("0.01");
				c.min().ifPresent(min -> {
					edges.put(min.toPlainString(), true);
					edges.put(min.subtract(step).toPlainString(), false);
				});
				c.max().ifPresent(max -> {
					edges.put(max.toPlainString(), true);
					edges.put(max.add(step).toPlainString(), false);
				});
				edges.put("many", false);
				if (p.type() == portal.catalog.ValueType.INTEGER) {
					edges.put(c.min().orElse(BigDecimal.ZERO).add(new BigDecimal("0.5")).toPlainString(), false);
				}
			}
			case ENUM -> {
				c.choices().forEach(choice -> edges.put(choice.key(), true));
				edges.put("not-a-choice", false);
			}
			case DATE -> {
				edges.put("2026-12-31", true);
				edges.put("2026-13-01", false);
			}
			case BOOLEAN -> {
				edges.put("true", true);
				edges.put("false", true);
				edges.put("maybe", false);
			}
		}
		return edges;
	}

	@Test
	@DisplayName("R-7.7 a text parameter with both a pattern and a maximum length is tested at its longest valid value and one character past it")
	void patternAndLengthEdgesAreBothTested() {
		Map<String, String> parameters = Map.of("ocn-for-business:change-reverse-dns", "hostname",
				"wideangle-mss:request-analysis", "incidentReference", "arcstar-universal-one:add", "circuitId",
				"api-gateway:add", "productKey", "nexcenter:add", "rackId", "smart-data-platform:add", "projectId");
		parameters.forEach((type, key) -> {
			String[] parts = type.split(":");
			OrderKind kind = kind(parts[0], parts[1]).orElseThrow();
			OrderParameter p = kind.parameters().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
			int max = p.constraints().maxLength().orElseThrow();
			assertThat(p.constraints().pattern()).as(type + " " + key).isPresent();
			Map<Object, Boolean> edges = edges(p);
			assertThat(edges).as(type + " " + key)
				.containsEntry(edges.keySet().stream().filter(v -> v.toString().length() == max).findFirst()
					.orElseThrow(() -> new AssertionError("no edge of " + max + " characters for " + key)), true)
				.containsEntry(edges.keySet().stream().filter(v -> v.toString().length() == max + 1).findFirst()
					.orElseThrow(() -> new AssertionError("no edge past " + max + " characters for " + key)), false);
			String longest = edges.keySet().stream().map(Object::toString).filter(v -> v.length() == max).findFirst()
				.orElseThrow();
			Map<String, Object> values = new HashMap<>();
			kind.parameters().forEach(q -> values.put(q.key(), sample(q)));
			values.put(key, longest);
			assertThat(kind.validate(values)).as(type + " " + key + " = " + longest).isEmpty();
			values.put(key, longest + "1");
			assertThat(kind.validate(values)).as(type + " " + key).extracting(InvalidValue::field).containsExactly(key);
		});
	}

	/**
	 * A value of exactly this length that the parameter's pattern takes, grown from its sample: padded
	 * with one repeated character at either end, or, for dotted names, with labels of at most 63
	 * characters in front.
	 */
	static Optional<String> matching(OrderParameter p, int length) {
		java.util.regex.Pattern pattern = p.constraints().pattern().orElseThrow();
		String sample = sample(p).toString();
		int missing = length - sample.length();
		if (missing < 0) {
			return Optional.empty();
		}
		List<String> candidates = new ArrayList<>();
		for (String fill : List.of("0", "a", "A")) {
			candidates.add(sample + fill.repeat(missing));
			candidates.add(fill.repeat(missing) + sample);
		}
		StringBuilder labels = new StringBuilder();
		int left = missing;
		while (left > 64) {
			labels.append("a".repeat(63)).append('.');
			left -= 64;
		}
		if (left >= 2) {
			labels.append("a".repeat(left - 1)).append('.');
			candidates.add(labels + sample);
		}
		return candidates.stream().filter(v -> v.length() == length && pattern.matcher(v).matches()).findFirst();
	}

	static Object sample(OrderParameter p) {
		var c = p.constraints();
		return switch (p.type()) {
			case STRING -> SAMPLES.stream()
				.filter(s -> c.pattern().map(pattern -> pattern.matcher(s).matches()).orElse(true))
				.filter(s -> c.maxLength().isEmpty() || s.length() <= c.maxLength().getAsInt())
				.findFirst().orElseThrow(() -> new AssertionError("no sample fits " + p.key() + " " + c));
			case INTEGER, DECIMAL -> c.min().or(() -> c.max()).map(BigDecimal::toPlainString).orElse("1");
			case ENUM -> c.choices().stream().map(Choice::key).findFirst().orElseThrow();
			case DATE -> "2026-12-10";
			case BOOLEAN -> "true";
		};
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return text.length() > 20 ? text.substring(0, 8) + "…(" + text.length() + " chars)" : text;
	}

	static Optional<OrderKind> kind(String service, String key) {
		return OrderKinds.kinds(DESCRIPTORS.require(service)).stream().filter(k -> k.key().equals(key)).findFirst();
	}
}
