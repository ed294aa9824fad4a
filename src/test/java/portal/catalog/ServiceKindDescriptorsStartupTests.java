package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class ServiceKindDescriptorsStartupTests {

	@Test
	@DisplayName("R-4.2 the application context offers the descriptors of every relevant service")
	void startsWithDescriptors() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ServiceKindDescriptors.class)) {
			assertThat(context.getBean(ServiceKindDescriptors.class).all()).hasSize(16);
		}
	}

	@Test
	@DisplayName("R-4.2 a broken descriptor stops the application context from starting")
	void brokenDescriptorStopsStartup() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
				Map.of("portal.catalog.descriptor-location", "classpath*:catalog/broken/unknown-unit.yml")));
		context.register(ServiceKindDescriptors.class);

		assertThatThrownBy(context::refresh)
				.isInstanceOf(BeanCreationException.class)
				.rootCause()
				.isInstanceOf(InvalidDescriptorException.class)
				.hasMessageStartingWith("catalog/broken/unknown-unit.yml: metrics[1].unit: 'furlongs'");
		context.close();
	}
}
