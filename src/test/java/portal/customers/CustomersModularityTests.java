package portal.customers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import portal.PortalApplication;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The customers module keeps to its allowed dependencies")
class CustomersModularityTests {

	@Test
	@DisplayName("customers depends only on platform, audit and catalog, and only through their APIs")
	void dependsOnlyOnAllowedModules() {
		ApplicationModules modules = ApplicationModules.of(PortalApplication.class);
		ApplicationModule customers = modules.getModuleByName("customers").orElseThrow();
		assertThat(customers.detectDependencies(modules).getMessages()).isEmpty();
	}
}
