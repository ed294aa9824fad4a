package portal.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add to the portal's security filter chains (an authentication filter, a
 * provider) without the platform knowing the module. Called once for each chain.
 */
public interface SecurityContributor {

	/** The filter chain being built: the JSON API under {@code /api/**}, or the pages. */
	enum Chain {
		API, PAGES
	}

	void contribute(HttpSecurity http, Chain chain) throws Exception;

	/**
	 * Page routes this module opens to everyone, such as {@code /apply}; the page chain
	 * refuses every route that no rule names, so a public page must be declared here.
	 */
	default java.util.List<String> publicPages() {
		return java.util.List.of();
	}
}
