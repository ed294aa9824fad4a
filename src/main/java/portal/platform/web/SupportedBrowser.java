package portal.platform.web;

import java.util.List;

/**
 * A browser the portal supports from a minimum major version on. The same minimums are
 * checked in the browser by {@code /assets/js/portal.js}; change both together.
 *
 * @param name the browser's product name, the same in every language
 * @param minimumVersion the oldest major version that is supported
 */
record SupportedBrowser(String name, int minimumVersion) {

	static final List<SupportedBrowser> ALL = List.of(
			new SupportedBrowser("Google Chrome / Chromium", 120),
			new SupportedBrowser("Microsoft Edge", 120),
			new SupportedBrowser("Mozilla Firefox", 121),
			new SupportedBrowser("Apple Safari", 17));

	static final int MINIMUM_SCREEN_WIDTH_PX = 360;
}
