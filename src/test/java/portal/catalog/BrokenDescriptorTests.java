package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class BrokenDescriptorTests {

	private static final String UNITS = "[bps, bytes, percent, ms, seconds, minutes, count, calls, messages, requests, kw, kwh, celsius, dbm, rack-units]";

	/** Each fixture under catalog/broken has one fault: the field path it names and what the message says. */
	static Stream<Arguments> faults() {
		return Stream.of(
				fault("unknown-unit", "metrics[1].unit", "'furlongs' is not one of " + UNITS),
				fault("unknown-aggregation", "metrics[0].aggregation", "'median' is not one of [avg, min, max, sum, last]"),
				fault("missing-ja-name", "metrics[0].name.ja", "is required"),
				fault("missing-description", "description", "is required"),
				fault("no-metrics", "metrics", "must list at least one usage metric"),
				fault("misspelt-field", "metrics[0].agregation", "is not a known field"),
				fault("bad-interval", "metrics[0].interval", "'five minutes' is not an ISO-8601 duration"),
				fault("missing-p95", "metrics[0].p95", "is required (true or false)"),
				fault("duplicate-metric", "metrics[1].key", "'traffic-in' is already used by metrics[0]"),
				fault("camel-metric-key", "metrics[0].key", "'trafficIn' must be lowercase-kebab"),
				fault("key-not-kebab", "key", "'Key_Not_Kebab' must be lowercase-kebab"),
				fault("key-not-file-name", "key", "'some-other-service' must match the file name 'key-not-file-name.yml'"),
				fault("unknown-instance-kind", "instance.kind", "'modem' is not one of [circuit, pbx-tenant"),
				fault("unknown-category", "category", "'entertainment' is not one of [network"),
				fault("missing-required-flag", "instance.attributes[0].required", "is required (true or false)"),
				fault("min-above-max", "orderTypes[0].parameters[0].constraints.max", "'5' is less than min '10'"),
				fault("enum-without-values", "orderTypes[0].parameters[0].constraints.values", "is required for type 'enum'"),
				fault("empty-enum-values", "orderTypes[0].parameters[0].constraints.values", "must list at least one choice"),
				fault("duplicate-choice", "orderTypes[0].parameters[0].constraints.values[2]", "'basic' is listed twice"),
				fault("unquoted-boolean-choice", "orderTypes[0].parameters[0].constraints.values[0]", "not 'true'"),
				fault("pattern-on-integer", "orderTypes[0].parameters[0].constraints.pattern", "does not apply to type 'integer'"),
				fault("invalid-pattern", "orderTypes[0].parameters[0].constraints.pattern", "'[A-Z' is not a valid regular expression"),
				fault("fractional-integer-limit", "orderTypes[0].parameters[0].constraints.min", "'0.5' must be a whole number"),
				fault("zero-max-length", "orderTypes[0].parameters[0].constraints.maxLength", "must be a whole number of at least 1"),
				fault("unknown-parameter-type", "orderTypes[0].parameters[0].type", "'datetime' is not one of [string, integer, decimal, enum, date, boolean]"),
				fault("duplicate-parameter", "orderTypes[0].parameters[1].key", "'amount' is already used by parameters[0]"),
				fault("kebab-parameter-key", "orderTypes[0].parameters[0].key", "'new-amount' must be lowerCamelCase"),
				fault("changes-not-an-attribute", "orderTypes[0].changes[0]", "'amount' is not an instance attribute"),
				fault("changes-not-a-parameter", "orderTypes[0].changes[0]",
						"'circuitId' is not a parameter of this order type"));
	}

	private static Arguments fault(String file, String path, String message) {
		return Arguments.of(file, path, message);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("faults")
	@DisplayName("R-4.2 a broken descriptor is refused with its file and field path")
	void refusesBrokenDescriptor(String file, String path, String message) {
		assertThatThrownBy(() -> load(file))
				.isInstanceOf(InvalidDescriptorException.class)
				.hasMessageStartingWith("catalog/broken/" + file + ".yml: " + path + ": ")
				.hasMessageContaining(message);
	}

	@Test
	@DisplayName("R-4.2 a field given twice in one mapping is refused, not silently overwritten")
	void refusesDuplicateYamlField() {
		assertThatThrownBy(() -> load("duplicate-yaml-field"))
				.isInstanceOf(InvalidDescriptorException.class)
				.hasMessage("catalog/broken/duplicate-yaml-field.yml: line 16, column 5: is not valid YAML: found duplicate key unit");
	}

	@Test
	@DisplayName("R-4.2 a descriptor that is not a mapping of fields is refused")
	void refusesNonMapping() {
		assertThatThrownBy(() -> load("not-a-mapping"))
				.isInstanceOf(InvalidDescriptorException.class)
				.hasMessage("catalog/broken/not-a-mapping.yml: must be a mapping of fields, not a list");
	}

	@Test
	@DisplayName("R-4.2 every broken fixture is proven to fail by one of these tests")
	void coversEveryFixture() throws IOException {
		Stream<String> covered = Stream.concat(faults().map(a -> (String) a.get()[0]),
				Stream.of("duplicate-yaml-field", "not-a-mapping"));
		Resource[] fixtures = new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/broken/*.yml");

		assertThat(Arrays.stream(fixtures).map(r -> r.getFilename().replaceFirst("\\.yml$", "")))
				.containsExactlyInAnyOrderElementsOf(covered.toList());
	}

	private static ServiceKindDescriptors load(String file) {
		return ServiceKindDescriptors.from("classpath*:catalog/broken/" + file + ".yml");
	}
}
