package portal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

@DisplayName("The modular monolith keeps its module boundaries")
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

	@Test
	@DisplayName("modules use each other only through their APIs and declared dependencies, without cycles")
	void verifiesModuleStructure() {
		modules.verify();
	}

	@Test
	@DisplayName("the module diagrams and canvases are written to docs/modules")
	void writesDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
