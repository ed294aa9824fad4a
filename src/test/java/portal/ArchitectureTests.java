package portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

@DisplayName("The house style of CONVENTIONS.md")
class ArchitectureTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("portal");

	@Test
	@DisplayName("no *Impl, *Manager, *Helper or *Util types")
	void noCeremonialNames() {
		ArchRule rule = noClasses().should().haveSimpleNameEndingWith("Impl")
			.orShould().haveSimpleNameEndingWith("Manager")
			.orShould().haveSimpleNameEndingWith("Helper")
			.orShould().haveSimpleNameEndingWith("Util")
			.orShould().haveSimpleNameEndingWith("Utils");
		rule.check(PORTAL);
	}

	@Test
	@DisplayName("repositories are named like collections, not *Repository")
	void repositoriesAreCollections() {
		noClasses().should().haveSimpleNameEndingWith("Repository").check(PORTAL);
	}

	@Test
	@DisplayName("constructor injection only: no field injection")
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
			.check(PORTAL);
	}

	@Test
	@DisplayName("no JPA: aggregates use Spring Data JDBC or JdbcClient")
	void noJpa() {
		noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(PORTAL);
	}

	@Test
	@DisplayName("controllers are internals: package-private, in a sub-package of their module, never its API")
	void controllersAreInternals() {
		classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
			.should().notBePublic()
			.andShould().resideInAPackage("portal.*.*..")
			.check(PORTAL);
	}

	@Test
	@DisplayName("code reads time from the injected Clock, never from the system directly")
	void timeComesFromTheClock() {
		noClasses().that().resideOutsideOfPackages("portal.platform.database..", "portal.platform.demo..")
			.should().callMethod(java.time.Instant.class, "now")
			.orShould().callMethod(java.time.LocalDate.class, "now")
			.orShould().callMethod(java.time.OffsetDateTime.class, "now")
			.orShould().callMethod(java.lang.System.class, "currentTimeMillis")
			.check(PORTAL);
	}
}
