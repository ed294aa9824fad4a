package portal.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the portal speaks. English comes first: it is the authentic language of the
 * terms and the default for everyone who has not chosen another.
 */
final class PortalLanguages {

	static final Locale DEFAULT = Locale.ENGLISH;

	static final List<String> TAGS = List.of("en", "ja");

	private PortalLanguages() {
	}

	/** The supported locale for the given one, reduced to its language, if the portal speaks it. */
	static Optional<Locale> supported(Locale locale) {
		if (locale == null || !TAGS.contains(locale.getLanguage())) {
			return Optional.empty();
		}
		return Optional.of(Locale.forLanguageTag(locale.getLanguage()));
	}
}
