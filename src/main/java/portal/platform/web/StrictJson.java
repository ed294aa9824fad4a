package portal.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * JSON bodies name each field once: a body that repeats a key is refused as malformed instead
 * of letting the last value win, so that a check made on one value cannot be passed by another.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictDuplicateDetection() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}
}
