package portal.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add to the portal's security filter chains (an authentication filter, a
 * provider) without the platform knowing the module. Applied to the API chain and the
 * page chain alike.
 */
public interface SecurityContributor {

	void contribute(HttpSecurity http) throws Exception;
}
