package portal.platform.web;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One entry of the language switch.
 *
 * @param tag the language's BCP 47 tag, as used in {@code lang} attributes
 * @param href the current page in that language
 */
record LanguageLink(String tag, String href) {

	/**
	 * The switch for a page with the given query string. Each href is a query alone, so the
	 * browser keeps the current path (even on an error page, whose handler runs under another
	 * path), and the visitor's other parameters stay as they were.
	 */
	static List<LanguageLink> forQuery(String queryString) {
		return PortalLanguages.TAGS.stream()
			.map(tag -> new LanguageLink(tag, "?" + UriComponentsBuilder.newInstance()
				.query(queryString)
				.replaceQueryParam(LanguageSwitch.PARAM, tag)
				.build()
				.getQuery()))
			.toList();
	}
}
