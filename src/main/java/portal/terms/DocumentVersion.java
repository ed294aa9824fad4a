package portal.terms;

import java.time.Instant;
import java.util.Locale;

/**
 * One published version of a document; it never changes. English is authentic; the
 * Japanese text, where there is one, is a translation and is marked as such.
 *
 * @param kind the document's key
 * @param sha256 hex SHA-256 of the English body's UTF-8 bytes: what an acceptance receipt names
 */
public record DocumentVersion(String kind, int version, String titleEn, String titleJa, String bodyEn,
		String bodyJa, Instant effectiveFrom, String summaryEn, String summaryJa, String sha256, Instant publishedAt) {

	public String title(Locale locale) {
		return isTranslation(locale) ? titleJa : titleEn;
	}

	public String body(Locale locale) {
		return isTranslation(locale) ? bodyJa : bodyEn;
	}

	public String summary(Locale locale) {
		return isTranslation(locale) && summaryJa != null ? summaryJa : summaryEn;
	}

	/** Whether the reader gets a translation: they read Japanese and this version has one. */
	public boolean isTranslation(Locale locale) {
		return locale != null && "ja".equals(locale.getLanguage()) && titleJa != null && bodyJa != null;
	}

	/** The language the reader gets. */
	public String language(Locale locale) {
		return isTranslation(locale) ? "ja" : "en";
	}

	public boolean inForceAt(Instant instant) {
		return !effectiveFrom.isAfter(instant);
	}
}
