package portal.platform.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Demo mode is on by default with the embedded database and off with an external one;
 * {@code PORTAL_DEMO=true|false} decides explicitly.
 */
public class DemoModeEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEnabled(context.getEnvironment());
	}

	public static boolean isEnabled(Environment environment) {
		String demo = environment.getProperty("portal.demo", "");
		if (StringUtils.hasText(demo)) {
			return Boolean.parseBoolean(demo.trim());
		}
		return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}
}
