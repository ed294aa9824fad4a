package portal.catalog;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-4.2 The catalog and the descriptor files agree at startup")
class CatalogConsistencyTests {

	static final ServiceKindDescriptors DESCRIPTORS = ServiceKindDescriptors.from(ServiceKindDescriptors.DEFAULT_LOCATION);

	static List<String> describedKeys() {
		return DESCRIPTORS.all().stream().map(ServiceKindDescriptor::key).toList();
	}

	@Test
	@DisplayName("R-4.2 a listed relevant service without a descriptor stops startup, naming the service")
	void undescribedServiceStopsStartup() {
		List<String> listed = new ArrayList<>(describedKeys());
		listed.add("arcstar-universal-two");

		assertThatThrownBy(() -> CatalogConsistency.check(listed, DESCRIPTORS))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("without a service kind descriptor: arcstar-universal-two.");
	}

	@Test
	@DisplayName("R-4.2 a descriptor not yet listed is allowed, so that staff can add its service")
	void unlistedDescriptorIsAllowed() {
		assertThatNoException().isThrownBy(() -> CatalogConsistency.check(describedKeys().subList(1, 16), DESCRIPTORS));
		assertThatNoException().isThrownBy(() -> CatalogConsistency.check(describedKeys(), DESCRIPTORS));
	}
}
