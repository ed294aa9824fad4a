package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderTypeValidationTests {

	private final OrderType addSite = new OrderType("add-site", text("Add a site"), List.of(
			parameter("siteName", ValueType.STRING, true, Constraints.none().withMaxLength(10)),
			parameter("country", ValueType.STRING, true, Constraints.none().withPattern(Pattern.compile("[A-Z]{2}"))),
			parameter("bandwidthMbps", ValueType.INTEGER, true,
					Constraints.none().withMin(BigDecimal.ONE).withMax(BigDecimal.valueOf(1000))),
			parameter("powerKw", ValueType.DECIMAL, false,
					Constraints.none().withMin(new BigDecimal("0.5")).withMax(BigDecimal.TEN)),
			parameter("accessType", ValueType.ENUM, true, Constraints.none().withChoices(List.of(
					new Choice("ethernet", text("Ethernet")), new Choice("broadband", text("Broadband"))))),
			parameter("desiredDate", ValueType.DATE, true, Constraints.none()),
			parameter("urgent", ValueType.BOOLEAN, false, Constraints.none())));

	@Test
	@DisplayName("R-4.2 values that meet every rule pass, whether typed or as form text")
	void acceptsValidValues() {
		assertThat(addSite.validate(valid())).isEmpty();
		assertThat(addSite.validate(Map.of("siteName", "Osaka", "country", "JP", "bandwidthMbps", 100,
				"powerKw", new BigDecimal("2.5"), "accessType", "broadband",
				"desiredDate", LocalDate.of(2027, 1, 15), "urgent", true))).isEmpty();
	}

	@Test
	@DisplayName("R-4.2 a required parameter missing or left blank is refused; an optional one may be left out")
	void refusesMissingRequiredValues() {
		Map<String, Object> values = valid();
		values.remove("country");
		values.put("siteName", "   ");
		values.remove("urgent");

		assertThat(addSite.validate(values)).containsExactly(
				new InvalidValue("siteName", "catalog.value.required", List.of()),
				new InvalidValue("country", "catalog.value.required", List.of()));
	}

	@Test
	@DisplayName("R-4.2 numbers outside min and max are refused, naming the limit")
	void refusesNumbersOutOfRange() {
		assertThat(addSite.validate(with("bandwidthMbps", "0")))
				.containsExactly(new InvalidValue("bandwidthMbps", "catalog.value.too-small", List.of("1")));
		assertThat(addSite.validate(with("bandwidthMbps", 1001L)))
				.containsExactly(new InvalidValue("bandwidthMbps", "catalog.value.too-large", List.of("1000")));
		assertThat(addSite.validate(with("powerKw", "0.4")))
				.containsExactly(new InvalidValue("powerKw", "catalog.value.too-small", List.of("0.5")));
		assertThat(addSite.validate(with("bandwidthMbps", "1000"))).isEmpty();
		assertThat(addSite.validate(with("bandwidthMbps", 1))).isEmpty();
	}

	@Test
	@DisplayName("R-4.2 an integer parameter refuses fractions and words")
	void refusesNonIntegers() {
		assertThat(addSite.validate(with("bandwidthMbps", "10.5"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-an-integer");
		assertThat(addSite.validate(with("bandwidthMbps", "ten"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-an-integer");
		assertThat(addSite.validate(with("powerKw", "lots"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-a-number");
		assertThat(addSite.validate(with("bandwidthMbps", 100.0))).isEmpty();
	}

	@Test
	@DisplayName("R-4.2 text longer than maxLength or not matching the whole pattern is refused")
	void refusesTextBreakingLimits() {
		assertThat(addSite.validate(with("siteName", "Kitakyushu Branch")))
				.containsExactly(new InvalidValue("siteName", "catalog.value.too-long", List.of("10")));
		assertThat(addSite.validate(with("country", "jp")))
				.containsExactly(new InvalidValue("country", "catalog.value.pattern-mismatch", List.of()));
		assertThat(addSite.validate(with("country", "JPN"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.pattern-mismatch");
		assertThat(addSite.validate(with("siteName", "東京第一データセンター"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.too-long");
		assertThat(addSite.validate(with("siteName", "東京第一拠点"))).isEmpty();
	}

	@Test
	@DisplayName("R-4.2 an enum parameter accepts only its listed choices")
	void refusesUnlistedChoices() {
		assertThat(addSite.validate(with("accessType", "satellite")))
				.containsExactly(new InvalidValue("accessType", "catalog.value.not-a-choice", List.of("ethernet, broadband")));
		assertThat(addSite.validate(with("accessType", "Ethernet"))).hasSize(1);
	}

	@Test
	@DisplayName("R-4.2 dates must be ISO dates and booleans true or false")
	void refusesMalformedDatesAndBooleans() {
		assertThat(addSite.validate(with("desiredDate", "15/01/2027"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-a-date");
		assertThat(addSite.validate(with("desiredDate", "2027-02-30"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-a-date");
		assertThat(addSite.validate(with("urgent", "yes"))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-a-boolean");
		assertThat(addSite.validate(with("siteName", 42))).extracting(InvalidValue::messageKey)
				.containsExactly("catalog.value.not-text");
	}

	@Test
	@DisplayName("R-4.2 a value for a parameter the order type does not have is refused")
	void refusesUnknownParameters() {
		assertThat(addSite.validate(with("discountPercent", "100")))
				.containsExactly(new InvalidValue("discountPercent", "catalog.value.unknown", List.of()));
	}

	@Test
	@DisplayName("R-4.2 every refused field is reported at once, in parameter order")
	void reportsAllErrorsTogether() {
		assertThat(addSite.validate(Map.of("country", "jp", "bandwidthMbps", "0", "zzz", "x", "aaa", "y")))
				.extracting(InvalidValue::field)
				.containsExactly("siteName", "country", "bandwidthMbps", "accessType", "desiredDate", "aaa", "zzz");
	}

	@Test
	@DisplayName("R-4.2 the real descriptors' order rules apply, e.g. a bandwidth change to an unlisted speed")
	void appliesDescriptorRules() {
		OrderType changeBandwidth = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION)
				.require("arcstar-universal-one").orderType("change-bandwidth").orElseThrow();

		assertThat(changeBandwidth.validate(Map.of("bandwidthMbps", "1000", "effectiveDate", "2027-04-01"))).isEmpty();
		assertThat(changeBandwidth.validate(Map.of("bandwidthMbps", 1000, "effectiveDate", "2027-04-01"))).isEmpty();
		assertThat(changeBandwidth.validate(Map.of("bandwidthMbps", "300", "effectiveDate", "2027-04-01")))
				.extracting(InvalidValue::field, InvalidValue::messageKey)
				.containsExactly(tuple("bandwidthMbps", "catalog.value.not-a-choice"));
	}

	@Test
	@DisplayName("R-4.2 instance attributes reported by relevant-service systems follow the same rules")
	void checksInstanceAttributes() {
		InstanceAttribute msisdn = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION)
				.require("docomo-mobile").attribute("msisdn").orElseThrow();

		assertThat(msisdn.check("09012345678")).isEmpty();
		assertThat(msisdn.check("+81 90 1234 5678")).map(InvalidValue::messageKey).hasValue("catalog.value.pattern-mismatch");
		assertThat(msisdn.check(null)).map(InvalidValue::messageKey).hasValue("catalog.value.required");
	}

	private Map<String, Object> valid() {
		Map<String, Object> values = new HashMap<>();
		values.put("siteName", "Osaka");
		values.put("country", "JP");
		values.put("bandwidthMbps", "100");
		values.put("powerKw", "2.5");
		values.put("accessType", "ethernet");
		values.put("desiredDate", "2027-01-15");
		values.put("urgent", "false");
		return values;
	}

	private Map<String, Object> with(String key, Object value) {
		Map<String, Object> values = valid();
		values.put(key, value);
		return values;
	}

	private static OrderParameter parameter(String key, ValueType type, boolean required, Constraints constraints) {
		return new OrderParameter(key, text(key), type, required, constraints);
	}

	private static LocalizedText text(String en) {
		return new LocalizedText(en, en);
	}
}
