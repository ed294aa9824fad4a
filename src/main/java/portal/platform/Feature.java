package portal.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The part of the Portal Service a controller (or one of its handler methods) belongs to,
 * so that a suspension of that part refuses it and nothing else. A method's
 * annotation overrides its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Feature {

	PortalFeature value();
}
