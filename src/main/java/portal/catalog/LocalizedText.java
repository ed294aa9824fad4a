package portal.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A text shown to people, in English (authentic) and Japanese. Both are always present;
 * any language other than Japanese gets the English text.
 */
public record LocalizedText(String en, String ja) {

	public LocalizedText {
		Objects.requireNonNull(en, "en");
		Objects.requireNonNull(ja, "ja");
	}

	public String in(Locale locale) {
		return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? ja : en;
	}
}
