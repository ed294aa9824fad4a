package portal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import portal.platform.Feature;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

@DisplayName("R-12.3 Every controller route declares the part of the portal it belongs to")
class RouteFeaturesTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("portal");

	private static final DescribedPredicate<JavaMethod> ROUTES = DescribedPredicate.describe("routes of controllers",
			method -> method.isMetaAnnotatedWith(RequestMapping.class)
					&& method.getOwner().isMetaAnnotatedWith(Controller.class));

	private static final ArchCondition<JavaMethod> DECLARE_A_FEATURE = new ArchCondition<>(
			"declare @Feature on the method or its class") {
		@Override
		public void check(JavaMethod method, ConditionEvents events) {
			boolean declared = method.isAnnotatedWith(Feature.class) || method.getOwner().isAnnotatedWith(Feature.class);
			events.add(new SimpleConditionEvent(method, declared,
					method.getFullName() + (declared ? " declares" : " declares no") + " feature"));
		}
	};

	@Test
	@DisplayName("R-12.3 a controller route without @Feature fails the build, so the access check knows every route")
	void everyRouteDeclaresAFeature() {
		methods().that(ROUTES).should(DECLARE_A_FEATURE).check(PORTAL);
	}
}
