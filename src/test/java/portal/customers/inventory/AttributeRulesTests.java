package portal.customers.inventory;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import portal.catalog.ServiceKindDescriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-4.2 Instance attributes are checked against the service kind descriptor")
class AttributeRulesTests {

	private static final ServiceKindDescriptors DESCRIPTORS = ServiceKindDescriptors
		.from(ServiceKindDescriptors.DEFAULT_LOCATION);

	private final AttributeRules nexcenter = new AttributeRules(DESCRIPTORS.require("nexcenter"),
			new StaticMessageSource());

	@Test
	@DisplayName("values are normalised, so the same value spelt differently is equal")
	void normalisedValuesCompareByMeaning() {
		Attributes fromText = nexcenter.normalise(rack("42", "4.50"));
		Attributes fromNumbers = nexcenter.normalise(rack(42, 4.5));
		assertThat(fromText).isEqualTo(fromNumbers);
		assertThat(fromText.values().get("rackUnits")).isEqualTo(BigInteger.valueOf(42));
		assertThat(fromText.values().get("contractedPowerKw")).hasToString("4.5");
		assertThat(nexcenter.normalise(rack(42, 6))).isNotEqualTo(fromNumbers);
	}

	@Test
	@DisplayName("a value out of range, a missing required value and an unknown attribute are refused by name")
	void refusals() {
		assertThatThrownBy(() -> nexcenter.normalise(rack(60, 4.5)))
			.isInstanceOf(InventoryRefusal.class).hasMessageStartingWith("attributes.rackUnits:");
		Map<String, Object> missing = rack(42, 4.5);
		missing.remove("facility");
		assertThatThrownBy(() -> nexcenter.normalise(missing)).hasMessageStartingWith("attributes.facility:");
		Map<String, Object> extra = rack(42, 4.5);
		extra.put("colour", "blue");
		assertThatThrownBy(() -> nexcenter.normalise(extra)).hasMessageStartingWith("attributes.colour:");
	}

	private static Map<String, Object> rack(Object units, Object power) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("facility", "Tokyo 11");
		values.put("rackId", "T11-A1");
		values.put("rackUnits", units);
		values.put("contractedPowerKw", power);
		return values;
	}
}
