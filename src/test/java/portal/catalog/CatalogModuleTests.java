package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import portal.PortalApplication;

@DisplayName("The catalog module keeps to its boundaries")
class CatalogModuleTests {

	@Test
	@DisplayName("no module reaches into the catalog's internals, and the catalog uses only what it may")
	void respectsModuleBoundaries() {
		ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

		assertThat(modules.getModuleByName("catalog")).isPresent();
		assertThat(modules.detectViolations().getMessages()).filteredOn(message -> message.contains("portal.catalog"))
			.isEmpty();
	}
}
