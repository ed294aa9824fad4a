package portal.terms;

import java.time.Instant;
import java.util.Locale;

/** One published version of a document. English is authentic; other languages are translations. */
public record DocumentVersion(String kind, int version, String titleEn, String titleJa, String bodyEn,
		String bodyJa, Instant effectiveFrom) {

	public String title(Locale locale) {
		return isJapanese(locale) ? titleJa : titleEn;
	}

	public String body(Locale locale) {
		return isJapanese(locale) ? bodyJa : bodyEn;
	}

	public boolean isTranslation(Locale locale) {
		return isJapanese(locale);
	}

	private static boolean isJapanese(Locale locale) {
		return locale != null && "ja".equals(locale.getLanguage());
	}
}
